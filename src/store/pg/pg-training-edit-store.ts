import { emptyTrainingEdits, trainingEditsSchema, type TrainingEdits, type TrainingEditStore } from '../training-edit-store.js';
import type { PgDatabase } from './pg-database.js';

// Staff training edits as one row of training_edits. A change locks the row (FOR UPDATE), so
// changes from every process run one at a time, each on what the one before left; it is
// committed before anyone can read it. The last document read is kept with its revision, so
// reading an unchanged document costs a number, not a parse.

export class PgTrainingEditStore implements TrainingEditStore {
  private cached: { revision: string; edits: TrainingEdits } | undefined;

  constructor(private readonly db: PgDatabase) {}

  async read(): Promise<TrainingEdits> {
    const { rows } = await this.db.query<{ revision: string }>('SELECT revision FROM training_edits');
    const revision = rows[0]?.revision;
    if (revision === undefined) return this.remember('none', emptyTrainingEdits());
    if (this.cached?.revision === revision) return this.cached.edits;
    const doc = await this.db.query<{ revision: string; edits: unknown }>('SELECT revision, edits FROM training_edits');
    const row = doc.rows[0];
    return row ? this.remember(row.revision, trainingEditsSchema.parse(row.edits)) : this.remember('none', emptyTrainingEdits());
  }

  update<R>(change: (draft: TrainingEdits) => R): Promise<R> {
    return this.db.transaction(async (client) => {
      await client.query('INSERT INTO training_edits (edits) VALUES ($1) ON CONFLICT (one) DO NOTHING', [JSON.stringify(emptyTrainingEdits())]);
      const { rows } = await client.query<{ edits: unknown }>('SELECT edits FROM training_edits FOR UPDATE');
      const draft = trainingEditsSchema.parse(rows[0]?.edits);
      const result = change(draft);
      const kept = trainingEditsSchema.parse(draft);
      await client.query('UPDATE training_edits SET edits = $1, revision = revision + 1', [JSON.stringify(kept)]);
      return result;
    });
  }

  async close(): Promise<void> {
    // Every change is committed before it is answered.
  }

  private remember(revision: string, edits: TrainingEdits): TrainingEdits {
    if (this.cached?.revision !== revision) this.cached = { revision, edits };
    return this.cached.edits;
  }
}
