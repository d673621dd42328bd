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
  /** Unlocks sent and not yet answered (a clean shutdown waits for them). */
  private readonly unlocking = new Set<Promise<void>>();

  constructor(private readonly db: PgDatabase) {}

  run<T>(conversationId: string, turn: () => Promise<T>): Promise<T> {
    return this.local.run(conversationId, () => this.locked(conversationId, turn));
  }

  async idle(): Promise<void> {
    await this.local.idle();
    await Promise.all([...this.unlocking]);
  }

  private async locked<T>(conversationId: string, turn: () => Promise<T>): Promise<T> {
    let client: pg.PoolClient;
    try {
      client = await this.db.lockPool.connect();
    } catch (err) {
      throw this.db.translate(err);
    }
    try {
      await client.query(LOCK, [TURN_LOCK_SPACE, conversationId]);
    } catch (err) {
      client.release(isConnectionError(err) ? err as Error : undefined);
      if ((err as { code?: unknown }).code === LOCK_TIMEOUT) throw new AppError('CONVERSATION_BUSY');
      throw this.db.translate(err);
    }
    try {
      return await turn();
    } finally {
      // The turn's answer need not wait for the unlock's round trip: a turn after it asks
      // PostgreSQL for the lock, which grants it once the unlock has arrived. A failed unlock
      // means a lost connection, which let go of the lock anyway.
      const unlocking = client.query(UNLOCK, [TURN_LOCK_SPACE, conversationId]).then(
        () => client.release(),
        (err: unknown) => client.release(err as Error),
      );
      this.unlocking.add(unlocking);
      void unlocking.finally(() => this.unlocking.delete(unlocking));
    }
  }
}
