import type { VerificationLocks } from '../verification-locks.js';
import type { PgDatabase } from './pg-database.js';

// Wrong last-4 answers in verification_locks, counted by one upsert, so every process sees
// and adds to the same count. Rows older than the caller's `since` are deleted now and then.

const SWEEP_EVERY = 200;

export class PgVerificationLocks implements VerificationLocks {
  private calls = 0;

  constructor(private readonly db: PgDatabase) {}

  async wrongAnswers(conversation: string, code: string, since: Date): Promise<number> {
    const { rows } = await this.db.query<{ wrong: number }>(
      'SELECT wrong FROM verification_locks WHERE conversation_id = $1 AND code = $2 AND updated_at > $3', [conversation, code, since]);
    return rows[0]?.wrong ?? 0;
  }

  async addWrong(conversation: string, code: string, at: Date, since: Date): Promise<number> {
    if (++this.calls % SWEEP_EVERY === 0) await this.db.query('DELETE FROM verification_locks WHERE updated_at <= $1', [since]);
    const { rows } = await this.db.query<{ wrong: number }>(
      `INSERT INTO verification_locks (conversation_id, code, wrong, updated_at) VALUES ($1, $2, 1, $3)
       ON CONFLICT (conversation_id, code) DO UPDATE SET
         wrong = CASE WHEN verification_locks.updated_at > $4 THEN verification_locks.wrong + 1 ELSE 1 END,
         updated_at = $3
       RETURNING wrong`, [conversation, code, at, since]);
    return rows[0]?.wrong ?? 1;
  }

  async close(): Promise<void> {
    // Every change is written before it is answered.
  }
}
