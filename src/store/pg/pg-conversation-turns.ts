import type pg from 'pg';
import { AppError } from '../../errors.js';
import { KeyedQueue } from '../keyed-queue.js';
import type { ConversationTurns } from '../state-storage.js';
import { isConnectionError, type PgDatabase } from './pg-database.js';

// The turns of one conversation one at a time across every process on the database, in the
// order they came. In this process they queue (KeyedQueue); the one at the head takes the
// conversation's PostgreSQL advisory lock on a connection of its own, held for the turn, and
// PostgreSQL grants a lock to its waiters in the order they asked. A process that dies
// holding a lock loses its connection, and the lock with it: the next turn goes on at once.
// The wait is bounded (lock_timeout): past it the message is refused with CONVERSATION_BUSY.

/** The advisory lock space of conversation turns (two-key form: this, hashtext(id)). */
const TURN_LOCK_SPACE = 0x64767475;
const LOCK = 'SELECT pg_advisory_lock($1, hashtext($2))';
const UNLOCK = 'SELECT pg_advisory_unlock($1, hashtext($2))';
/** lock_not_available: lock_timeout ran out. */
const LOCK_TIMEOUT = '55P03';

export class PgConversationTurns implements ConversationTurns {
  private readonly local = new KeyedQueue();

  constructor(private readonly db: PgDatabase) {}

  run<T>(conversationId: string, turn: () => Promise<T>): Promise<T> {
    return this.local.run(conversationId, () => this.locked(conversationId, turn));
  }

  idle(): Promise<void> {
    return this.local.idle();
  }

  private async locked<T>(conversationId: string, turn: () => Promise<T>): Promise<T> {
    let client: pg.PoolClient;
    try {
      client = await this.db.lockPool.connect();
    } catch (err) {
      throw this.db.translate(err);
    }
    let broken: Error | undefined;
    try {
      try {
        await client.query(LOCK, [TURN_LOCK_SPACE, conversationId]);
      } catch (err) {
        if ((err as { code?: unknown }).code === LOCK_TIMEOUT) throw new AppError('CONVERSATION_BUSY');
        if (isConnectionError(err)) broken = err as Error;
        throw this.db.translate(err);
      }
      try {
        return await turn();
      } finally {
        // A failed unlock means a lost connection, which let go of the lock anyway.
        await client.query(UNLOCK, [TURN_LOCK_SPACE, conversationId]).catch((err: unknown) => { broken = err as Error; });
      }
    } finally {
      client.release(broken);
    }
  }
}
