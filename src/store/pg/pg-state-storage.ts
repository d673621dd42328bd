import { randomBytes } from 'node:crypto';
import type pg from 'pg';
import { StorageConflictError, type StateStorage, type StoreItem, type StoreItems } from '../state-storage.js';
import type { PgDatabase } from './pg-database.js';

// Conversation state in bot_state, one row per key. A write of one item is one statement
// (the common case: a turn saves its conversation); several items are written in one
// transaction, all or none. An eTag other than '*' must match the row's, checked by the
// same statement that writes, so two writers holding one eTag cannot both win.

const UPSERT = `INSERT INTO bot_state (key, etag, data, updated_at) VALUES ($1, $2, $3, now())
  ON CONFLICT (key) DO UPDATE SET etag = excluded.etag, data = excluded.data, updated_at = now()`;
const UPSERT_IF = `${UPSERT} WHERE bot_state.etag = $4`;

export class PgStateStorage implements StateStorage {
  constructor(private readonly db: PgDatabase) {}

  async read(keys: string[]): Promise<StoreItems> {
    if (!keys) throw new ReferenceError('Keys are required when reading.');
    if (!keys.length) return {};
    // The turn's opening statement read them with its lock (pg-turn-openings.ts), or here.
    const opened = this.db.openings.takeState(keys);
    const rows = opened
      ? [...opened].flatMap(([key, row]) => (row ? [{ key, ...row }] : []))
      : (await this.db.query<{ key: string; etag: string; data: Record<string, unknown> }>('SELECT key, etag, data FROM bot_state WHERE key = ANY($1)', [keys])).rows;
    return Object.fromEntries(rows.map((r) => [r.key, { ...r.data, eTag: r.etag }]));
  }

  async write(changes: StoreItems): Promise<void> {
    if (!changes) throw new ReferenceError('Changes are required when writing.');
    const entries = Object.entries(changes);
    for (const [key] of entries) this.db.openings.forget(key);
    if (entries.length === 1) {
      const [key, item] = entries[0]!;
      if (!await writeOne((text, values) => this.db.query(text, values), key, item)) throw new StorageConflictError(key);
      return;
    }
    if (!entries.length) return;
    await this.db.transaction(async (client) => {
      for (const [key, item] of entries) {
        if (!await writeOne((text, values) => client.query(text, values), key, item)) throw new StorageConflictError(key);
      }
    });
  }

  async delete(keys: string[]): Promise<void> {
    if (!keys) throw new ReferenceError('Keys are required when deleting.');
    for (const key of keys) this.db.openings.forget(key);
    if (keys.length) await this.db.query('DELETE FROM bot_state WHERE key = ANY($1)', [keys]);
  }

  async close(): Promise<void> {
    // The database's pool is closed with the stores.
  }
}

type Run = (text: string, values: unknown[]) => Promise<pg.QueryResult>;

/** eTags: random for this process, then counted (a random draw per write cost more than the rest of it). */
const ETAG_PREFIX = randomBytes(9).toString('base64url');
let etags = 0;
const freshETag = (): string => `${ETAG_PREFIX}.${(etags += 1).toString(36)}`;

/** Writes one item; false when its eTag no longer matches. */
async function writeOne(run: Run, key: string, item: StoreItem): Promise<boolean> {
  const { eTag, ...data } = item;
  const json = JSON.stringify(data);
  const fresh = freshETag();
  if (!eTag || eTag === '*') {
    await run(UPSERT, [key, fresh, json]);
    return true;
  }
  const result = await run(UPSERT_IF, [key, fresh, json, eTag]);
  return result.rowCount === 1;
}
