import type pg from 'pg';
import { AppError } from '../../errors.js';
import { KeyedQueue } from '../keyed-queue.js';
import type { ConversationTurns } from '../state-storage.js';
import { isConnectionError, type PgDatabase } from './pg-database.js';
import { RESERVE, type StateRow } from './pg-turn-openings.js';
import { openTicketSql } from './pg-ticket-store.js';

// The turns of one conversation one at a time across every process on the database, in the
// order they came. In this process they queue (KeyedQueue); the one at the head takes the
// conversation's PostgreSQL advisory lock on a connection of its own, held for the turn, and
// PostgreSQL grants a lock to its waiters in the order they asked. A process that dies
// holding a lock loses its connection, and the lock with it: the next turn goes on at once.
// The wait is bounded (lock_timeout): past it the message is refused with CONVERSATION_BUSY.
// The lock is taken by the turn's opening, one round trip of several statements, each seeing
// what was committed when it began: the lock, then the reservation of the turn's sequence
// numbers, its open ticket and the state the turn said it would read, left for the stores to take
// (pg-turn-openings.ts).

/** The advisory lock space of conversation turns (two-key form: this, hashtext(id)). */
const TURN_LOCK_SPACE = 0x64767475;
const UNLOCK = 'SELECT pg_advisory_unlock($1, hashtext($2))';
/** lock_not_available: lock_timeout ran out. */
const LOCK_TIMEOUT = '55P03';

export class PgConversationTurns implements ConversationTurns {
  private readonly local = new KeyedQueue();
  /** Unlocks sent and not yet answered (a clean shutdown waits for them). */
  private readonly unlocking = new Set<Promise<void>>();

  constructor(private readonly db: PgDatabase) {}

  run<T>(conversationId: string, turn: () => Promise<T>, reads?: { stateKeys: readonly string[] }): Promise<T> {
    return this.local.run(conversationId, () => this.locked(conversationId, turn, reads?.stateKeys ?? []));
  }

  async idle(): Promise<void> {
    await this.local.idle();
    await Promise.all([...this.unlocking]);
  }

  private async locked<T>(conversationId: string, turn: () => Promise<T>, stateKeys: readonly string[]): Promise<T> {
    let client: pg.PoolClient;
    try {
      client = await this.db.lockPool.connect();
    } catch (err) {
      throw this.db.translate(err);
    }
    try {
      const [, reserved, ticket, state] = await client.query(opening(client, conversationId, stateKeys)) as unknown as
        [unknown, pg.QueryResult<{ next_seq: string }>, pg.QueryResult<{ code: string }>, pg.QueryResult<{ key: string } & StateRow>?];
      const rows = new Map<string, StateRow | null>(stateKeys.map((k) => [k, null]));
      for (const { key, etag, data } of state?.rows ?? []) rows.set(key, { etag, data });
      const end = reserved.rows[0]?.next_seq;
      this.db.openings.set(conversationId, { reservedEnd: end === undefined ? undefined : Number(end), state: rows, openTicket: ticket.rows[0]?.code ?? null });
    } catch (err) {
      if (isConnectionError(err)) client.release(err as Error);
      else if ((err as { code?: unknown }).code === LOCK_TIMEOUT) client.release();
      else this.unlock(client, conversationId); // a statement after the lock failed: the lock may be held
      if ((err as { code?: unknown }).code === LOCK_TIMEOUT) throw new AppError('CONVERSATION_BUSY');
      throw this.db.translate(err);
    }
    try {
      return await turn();
    } finally {
      this.db.openings.end(conversationId);
      this.unlock(client, conversationId);
    }
  }

  /**
   * Lets go of the lock and gives the connection back. The turn's answer need not wait for the
   * unlock's round trip: a turn after it asks PostgreSQL for the lock, which grants it once the
   * unlock has arrived. A failed unlock means a lost connection, which let go of the lock anyway.
   */
  private unlock(client: pg.PoolClient, conversationId: string): void {
    const unlocking = client.query(UNLOCK, [TURN_LOCK_SPACE, conversationId]).then(
      () => client.release(),
      (err: unknown) => client.release(err as Error),
    );
    this.unlocking.add(unlocking);
    void unlocking.finally(() => this.unlocking.delete(unlocking));
  }
}

/**
 * The statements of a turn's opening, as one simple query (no parameters there: the values are
 * quoted by the client): the lock, then, once it is granted, the reservation and the state.
 */
function opening(client: pg.PoolClient, conversationId: string, stateKeys: readonly string[]): string {
  const id = client.escapeLiteral(conversationId);
  const statements = [
    `SELECT pg_advisory_lock(${TURN_LOCK_SPACE}, hashtext(${id}))`,
    `UPDATE dl_conversations SET next_seq = next_seq + ${RESERVE} WHERE id = ${id} RETURNING next_seq`,
    openTicketSql(id),
  ];
  if (stateKeys.length) statements.push(`SELECT key, etag, data FROM bot_state WHERE key IN (${stateKeys.map((k) => client.escapeLiteral(k)).join(', ')})`);
  return statements.join('; ');
}
