import { randomBytes } from 'node:crypto';
import { readFile, rm } from 'node:fs/promises';
import path from 'node:path';
import { z } from 'zod';
import type { Logger } from '../log/logger.js';
import type { EvaluationReport } from './evaluate.js';
import { JsonStore } from '../store/file/json-document.js';
import type { ModelSnapshot, TrainingSetJson } from './model-codec.js';

// Every trained model is kept in DATA_DIR/models: `<id>.model.json` (the snapshot and the
// training set it learnt from), `<id>.eval.json` (its cross-validation, added when computed)
// and `index.json` (which model serves, in which order models served, for rollback).

export const MODELS_DIR = 'models';
/** Models kept on disk; the serving one and those rollback can reach are never removed. */
const KEEP_MODELS = 12;
const KEEP_ROLLBACK = 5;

const summarySchema = z.object({
  intentAccuracy: z.number(),
  procedureAccuracy: z.number().nullable(),
  ms: z.number(),
});

const metaSchema = z.object({
  id: z.string(),
  trainedAt: z.string(),
  codeVersion: z.string(),
  fingerprint: z.string(),
  /** `startup`: trained when the server started; `staff`: retrained from the staff page. */
  origin: z.enum(['startup', 'staff']),
  /** `candidate`: trained but not promoted (it scored clearly worse); `failed`: could not be loaded. */
  status: z.enum(['active', 'retired', 'candidate', 'failed']),
  /** Chosen by staff (rollback or promotion) although not trained on the current data: kept at restart. */
  pinned: z.boolean(),
  utterances: z.number(),
  staffUtterances: z.number(),
  aliases: z.number(),
  trainMs: z.number(),
  evaluation: summarySchema.nullable(),
});
export type ModelMeta = z.infer<typeof metaSchema>;

const indexSchema = z.object({
  version: z.literal(1),
  active: z.string().nullable(),
  /** Ids in the order they started serving, the serving one last. */
  served: z.array(z.string()),
  models: z.array(metaSchema),
});
type ModelIndex = z.infer<typeof indexSchema>;

export interface ModelFile {
  id: string;
  snapshot: ModelSnapshot;
  trainingSet: TrainingSetJson;
}

export function newModelId(now = new Date()): string {
  return `m-${now.toISOString().replace(/[-:]/g, '').replace(/\..*$/, '')}-${randomBytes(2).toString('hex')}`;
}

export function modelFilePath(dir: string, id: string): string {
  return path.join(dir, `${id}.model.json`);
}

export function evalFilePath(dir: string, id: string): string {
  return path.join(dir, `${id}.eval.json`);
}

export class ModelStore {
  private constructor(readonly dir: string, private readonly index: JsonStore<ModelIndex>) {}

  static async open(dataDir: string, logger: Logger): Promise<ModelStore> {
    const dir = path.join(dataDir, MODELS_DIR);
    const index = await JsonStore.open(path.join(dir, 'index.json'), indexSchema, () => ({ version: 1 as const, active: null, served: [], models: [] }), logger);
    return new ModelStore(dir, index);
  }

  get activeId(): string | null {
    return this.index.data.active;
  }

  get(id: string): ModelMeta | undefined {
    return this.index.data.models.find((m) => m.id === id);
  }

  active(): ModelMeta | undefined {
    return this.activeId ? this.get(this.activeId) : undefined;
  }

  /** Newest first. */
  list(): ModelMeta[] {
    return [...this.index.data.models].reverse();
  }

  /** The model that served before the current one: what a rollback returns to. */
  previousId(): string | null {
    const served = this.index.data.served;
    for (let i = served.length - 2; i >= 0; i--) {
      const id = served[i];
      if (id && id !== this.activeId && this.get(id)?.status !== 'failed') return id;
    }
    return null;
  }

  async readModel(id: string): Promise<ModelFile> {
    return JSON.parse(await readFile(modelFilePath(this.dir, id), 'utf8')) as ModelFile;
  }

  async readEvaluation(id: string): Promise<EvaluationReport | null> {
    try {
      return JSON.parse(await readFile(evalFilePath(this.dir, id), 'utf8')) as EvaluationReport;
    } catch (err) {
      if ((err as NodeJS.ErrnoException).code === 'ENOENT') return null;
      throw err;
    }
  }

  async add(meta: ModelMeta): Promise<void> {
    await this.index.update((d) => { d.models.push(meta); });
    await this.prune();
  }

  async setEvaluation(id: string, report: EvaluationReport): Promise<void> {
    await this.index.update((d) => {
      const m = d.models.find((x) => x.id === id);
      if (m) m.evaluation = { intentAccuracy: report.intentAccuracy, procedureAccuracy: report.procedureAccuracy, ms: report.ms };
    });
  }

  async markFailed(id: string): Promise<void> {
    await this.index.update((d) => {
      const m = d.models.find((x) => x.id === id);
      if (m) m.status = 'failed';
    });
  }

  /** Makes `id` the serving model. `rollback`: return to it, forgetting the one serving now. */
  async activate(id: string, options: { pinned: boolean; rollback?: boolean }): Promise<void> {
    await this.index.update((d) => {
      for (const m of d.models) if (m.status === 'active') m.status = 'retired';
      const m = d.models.find((x) => x.id === id);
      if (!m) throw new Error(`no model ${id}`);
      m.status = 'active';
      m.pinned = options.pinned;
      if (options.rollback && d.active) d.served = d.served.filter((x) => x !== d.active);
      d.served = [...d.served.filter((x) => x !== id), id];
      d.active = id;
    });
  }

  /** Removes old models' files beyond KEEP_MODELS, never the serving one or those rollback reaches. */
  private async prune(): Promise<void> {
    const { models, served, active } = this.index.data;
    if (models.length <= KEEP_MODELS) return;
    const keep = new Set([active, ...served.slice(-KEEP_ROLLBACK)]);
    const drop = models.slice(0, models.length - KEEP_MODELS).filter((m) => !keep.has(m.id)).map((m) => m.id);
    if (!drop.length) return;
    await this.index.update((d) => {
      d.models = d.models.filter((m) => !drop.includes(m.id));
      d.served = d.served.filter((x) => !drop.includes(x));
    });
    await Promise.all(drop.flatMap((id) => [modelFilePath(this.dir, id), evalFilePath(this.dir, id)].map((f) => rm(f, { force: true }))));
  }

  idle(): Promise<void> {
    return this.index.idle();
  }
}
