import type pg from 'pg';
import { KEEP_MODELS, KEEP_ROLLBACK, modelMetaSchema, type EvaluationSummary, type ModelFiles, type ModelMeta, type ModelStore } from '../model-store.js';
import type { PgDatabase } from './pg-database.js';

// Trained models in PostgreSQL: their documents in model_documents, the registry in models,
// and which serves (the one pointer every process follows) in model_serving. Every change to
// the registry locks the model_serving row first, so changes from several processes run one
// at a time. `exclusive` holds an advisory lock for work only one process should do at a
// time (training the first model when several start together).

const EXCLUSIVE_LOCK = [0x64766361, 2] as const;

type Kind = 'model' | 'evaluation';

/** The documents alone: what the training process opens. */
export class PgModelFiles implements ModelFiles {
  constructor(protected readonly db: PgDatabase) {}

  saveModel(id: string, model: object): Promise<void> {
    return this.save(id, 'model', model);
  }

  async readModel(id: string): Promise<unknown> {
    const doc = await this.read(id, 'model');
    if (doc === undefined) throw new Error(`no model ${id}`);
    return doc;
  }

  saveEvaluation(id: string, report: object): Promise<void> {
    return this.save(id, 'evaluation', report);
  }

  readEvaluation(id: string): Promise<unknown> {
    return this.read(id, 'evaluation');
  }

  async discard(id: string): Promise<void> {
    await this.db.query('DELETE FROM model_documents WHERE id = $1', [id]);
  }

  private async save(id: string, kind: Kind, doc: object): Promise<void> {
    await this.db.query(
      'INSERT INTO model_documents (id, kind, doc) VALUES ($1, $2, $3) ON CONFLICT (id, kind) DO UPDATE SET doc = excluded.doc',
      [id, kind, JSON.stringify(doc)]);
  }

  private async read(id: string, kind: Kind): Promise<unknown> {
    const { rows } = await this.db.query<{ doc: unknown }>('SELECT doc FROM model_documents WHERE id = $1 AND kind = $2', [id, kind]);
    return rows[0]?.doc;
  }
}

interface Serving {
  active: string | null;
  served: string[];
}

export class PgModelStore extends PgModelFiles implements ModelStore {
  async list(): Promise<ModelMeta[]> {
    const { rows } = await this.db.query<{ meta: unknown }>('SELECT meta FROM models ORDER BY position DESC');
    return rows.map((r) => modelMetaSchema.parse(r.meta));
  }

  async get(id: string): Promise<ModelMeta | undefined> {
    const { rows } = await this.db.query<{ meta: unknown }>('SELECT meta FROM models WHERE id = $1', [id]);
    return rows[0] ? modelMetaSchema.parse(rows[0].meta) : undefined;
  }

  async active(): Promise<ModelMeta | undefined> {
    const { rows } = await this.db.query<{ meta: unknown }>('SELECT m.meta FROM model_serving s JOIN models m ON m.id = s.active');
    return rows[0] ? modelMetaSchema.parse(rows[0].meta) : undefined;
  }

  async previousId(): Promise<string | null> {
    const { rows } = await this.db.query<Serving>('SELECT active, served FROM model_serving');
    const { active, served } = rows[0] ?? { active: null, served: [] };
    const status = new Map((await this.list()).map((m) => [m.id, m.status]));
    for (let i = served.length - 2; i >= 0; i--) {
      const id = served[i];
      if (id && id !== active && status.has(id) && status.get(id) !== 'failed') return id;
    }
    return null;
  }

  async add(meta: ModelMeta): Promise<void> {
    // Then drops the oldest beyond KEEP_MODELS, never the serving one or those rollback reaches.
    await this.registry(async (client, serving) => {
      await client.query('INSERT INTO models (id, meta) VALUES ($1, $2)', [meta.id, JSON.stringify(meta)]);
      const { rows } = await client.query<{ id: string }>('SELECT id FROM models ORDER BY position');
      if (rows.length <= KEEP_MODELS) return;
      const keep = new Set([serving.active, ...serving.served.slice(-KEEP_ROLLBACK)]);
      const drop = rows.slice(0, rows.length - KEEP_MODELS).map((r) => r.id).filter((id) => !keep.has(id));
      if (!drop.length) return;
      await client.query('DELETE FROM models WHERE id = ANY($1)', [drop]);
      await client.query('UPDATE model_serving SET served = ARRAY(SELECT x FROM unnest(served) AS x WHERE x <> ALL($1))', [drop]);
      await client.query('DELETE FROM model_documents WHERE id = ANY($1)', [drop]);
    });
  }

  async setEvaluation(id: string, summary: EvaluationSummary): Promise<void> {
    await this.change(id, (m) => { m.evaluation = { intentAccuracy: summary.intentAccuracy, procedureAccuracy: summary.procedureAccuracy, ms: summary.ms }; });
  }

  async markFailed(id: string): Promise<void> {
    await this.change(id, (m) => { m.status = 'failed'; });
  }

  async activate(id: string, options: { pinned: boolean; rollback?: boolean }): Promise<void> {
    await this.registry(async (client, serving) => {
      const { rows } = await client.query<{ id: string; meta: unknown }>('SELECT id, meta FROM models');
      const target = rows.find((r) => r.id === id);
      if (!target) throw new Error(`no model ${id}`);
      for (const row of rows) {
        const meta = modelMetaSchema.parse(row.meta);
        if (row.id === id) Object.assign(meta, { status: 'active', pinned: options.pinned });
        else if (meta.status === 'active') meta.status = 'retired';
        else continue;
        await client.query('UPDATE models SET meta = $2 WHERE id = $1', [row.id, JSON.stringify(meta)]);
      }
      let served = serving.served;
      if (options.rollback && serving.active) served = served.filter((x) => x !== serving.active);
      served = [...served.filter((x) => x !== id), id];
      await client.query('UPDATE model_serving SET active = $1, served = $2', [id, served]);
    });
  }

  /** Runs `work` while no other process runs exclusive work on this registry. */
  async exclusive<T>(work: () => Promise<T>): Promise<T> {
    const client = await this.db.pool.connect().catch((err: unknown) => { throw this.db.translate(err); });
    let broken: Error | undefined;
    try {
      await client.query('SELECT pg_advisory_lock($1, $2)', [...EXCLUSIVE_LOCK]);
      try {
        return await work();
      } finally {
        await client.query('SELECT pg_advisory_unlock($1, $2)', [...EXCLUSIVE_LOCK]).catch((err: unknown) => { broken = err as Error; });
      }
    } finally {
      client.release(broken);
    }
  }

  async close(): Promise<void> {
    // Every change is committed before it is answered.
  }

  private async change(id: string, edit: (meta: ModelMeta) => void): Promise<void> {
    await this.registry(async (client) => {
      const { rows } = await client.query<{ meta: unknown }>('SELECT meta FROM models WHERE id = $1', [id]);
      if (!rows[0]) return;
      const meta = modelMetaSchema.parse(rows[0].meta);
      edit(meta);
      await client.query('UPDATE models SET meta = $2 WHERE id = $1', [id, JSON.stringify(meta)]);
    });
  }

  /** A change to the registry, one process at a time (the model_serving row locked). */
  private registry<T>(work: (client: pg.PoolClient, serving: Serving) => Promise<T>): Promise<T> {
    return this.db.transaction(async (client) => {
      const { rows } = await client.query<Serving>('SELECT active, served FROM model_serving FOR UPDATE');
      return work(client, rows[0] ?? { active: null, served: [] });
    });
  }
}
