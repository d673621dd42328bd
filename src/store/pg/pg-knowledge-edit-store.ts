import { KeyedQueue } from '../keyed-queue.js';
import { knowledgeVersionSchema, type KnowledgeEditStore, type KnowledgeVersion, type NewKnowledgeVersion } from '../knowledge-edit-store.js';
import type { PgDatabase } from './pg-database.js';

// Staff edits of knowledge in knowledge_edits, one row per version of a procedure. A new
// version is made in a transaction holding the procedure's advisory lock, so versions of one
// procedure are made one at a time across every process, each from the newest committed; the
// primary key (id, version) refuses a number given twice whatever happens.

/** The advisory lock space of knowledge edits (two-key form: this, hashtext(id)). */
const EDIT_LOCK_SPACE = 0x64766b65;

export class PgKnowledgeEditStore implements KnowledgeEditStore {
  /** Changes from this process, one procedure at a time in the order asked. */
  private readonly queue = new KeyedQueue();

  constructor(private readonly db: PgDatabase) {}

  async latest(): Promise<Array<{ id: string; newest: KnowledgeVersion }>> {
    const { rows } = await this.db.query<{ id: string; doc: unknown }>(
      'SELECT DISTINCT ON (id) id, doc FROM knowledge_edits ORDER BY id, version DESC');
    return rows.map((r) => ({ id: r.id, newest: knowledgeVersionSchema.parse(r.doc) }));
  }

  async history(id: string): Promise<KnowledgeVersion[]> {
    const { rows } = await this.db.query<{ doc: unknown }>('SELECT doc FROM knowledge_edits WHERE id = $1 ORDER BY version DESC', [id]);
    return rows.map((r) => knowledgeVersionSchema.parse(r.doc));
  }

  append(id: string, make: (newest: KnowledgeVersion | null) => NewKnowledgeVersion | null): Promise<KnowledgeVersion | null> {
    return this.queue.run(id, () => this.db.transaction(async (client) => {
      await client.query('SELECT pg_advisory_xact_lock($1, hashtext($2))', [EDIT_LOCK_SPACE, id]);
      const { rows } = await client.query<{ doc: unknown }>('SELECT doc FROM knowledge_edits WHERE id = $1 ORDER BY version DESC LIMIT 1', [id]);
      const before = rows[0] ? knowledgeVersionSchema.parse(rows[0].doc) : null;
      const next = make(before);
      if (!next) return null;
      const kept = knowledgeVersionSchema.parse({ ...next, version: (before?.version ?? 0) + 1 });
      await client.query('INSERT INTO knowledge_edits (id, version, doc) VALUES ($1, $2, $3)', [id, kept.version, JSON.stringify(kept)]);
      return kept;
    }));
  }

  close(): Promise<void> {
    return this.queue.idle();
  }
}
