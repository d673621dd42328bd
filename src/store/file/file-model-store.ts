import { mkdir, readFile, rm } from 'node:fs/promises';
import path from 'node:path';
import { z } from 'zod';
import type { Logger } from '../../log/logger.js';
import { KEEP_MODELS, KEEP_ROLLBACK, modelMetaSchema, type EvaluationSummary, type ModelFiles, type ModelMeta, type ModelStore } from '../model-store.js';
import { writeFileAtomic } from '../write-file-atomic.js';
import { JsonDocument } from './json-document.js';
import { readTextIfAny } from './read-text.js';

// Every trained model in DATA_DIR/models: `<id>.model.json` (the model), `<id>.eval.json` (its
// cross-validation, added when computed) and `index.json` (the registry).

export const MODELS_DIR = 'models';

const indexSchema = z.object({
  version: z.literal(1),
  active: z.string().nullable(),
  /** Ids in the order they started serving, the serving one last. */
  served: z.array(z.string()),
  models: z.array(modelMetaSchema),
});
type ModelIndex = z.infer<typeof indexSchema>;

/** The documents alone: what the training process opens (it never touches the registry). */
export class FileModelFiles implements ModelFiles {
  constructor(private readonly dir: string) {}

  static async open(dataDir: string): Promise<FileModelFiles> {
    const dir = path.join(dataDir, MODELS_DIR);
    await mkdir(dir, { recursive: true });
    return new FileModelFiles(dir);
  }

  saveModel(id: string, model: object): Promise<void> {
    return writeFileAtomic(this.modelFile(id), JSON.stringify(model));
  }

  async readModel(id: string): Promise<unknown> {
    return JSON.parse(await readFile(this.modelFile(id), 'utf8'));
  }

  saveEvaluation(id: string, report: object): Promise<void> {
    return writeFileAtomic(this.evalFile(id), JSON.stringify(report));
  }

  async readEvaluation(id: string): Promise<unknown> {
    const text = await readTextIfAny(this.evalFile(id));
    return text === null ? undefined : JSON.parse(text);
  }

  async discard(id: string): Promise<void> {
    await Promise.all([this.modelFile(id), this.evalFile(id)].map((f) => rm(f, { force: true })));
  }

  private modelFile(id: string): string {
    return path.join(this.dir, `${safeId(id)}.model.json`);
  }

  private evalFile(id: string): string {
    return path.join(this.dir, `${safeId(id)}.eval.json`);
  }
}

export class FileModelStore implements ModelStore {
  private constructor(private readonly files: FileModelFiles, private readonly index: JsonDocument<ModelIndex>) {}

  static async open(dataDir: string, logger: Logger): Promise<FileModelStore> {
    const files = await FileModelFiles.open(dataDir);
    const index = await JsonDocument.open(path.join(dataDir, MODELS_DIR, 'index.json'), indexSchema, () => ({ version: 1 as const, active: null, served: [], models: [] }), logger);
    return new FileModelStore(files, index);
  }

  saveModel(id: string, model: object): Promise<void> {
    return this.files.saveModel(id, model);
  }

  readModel(id: string): Promise<unknown> {
    return this.files.readModel(id);
  }

  saveEvaluation(id: string, report: object): Promise<void> {
    return this.files.saveEvaluation(id, report);
  }

  readEvaluation(id: string): Promise<unknown> {
    return this.files.readEvaluation(id);
  }

  discard(id: string): Promise<void> {
    return this.files.discard(id);
  }

  async list(): Promise<ModelMeta[]> {
    return [...this.index.data.models].reverse();
  }

  async get(id: string): Promise<ModelMeta | undefined> {
    return this.index.data.models.find((m) => m.id === id);
  }

  async active(): Promise<ModelMeta | undefined> {
    const { active } = this.index.data;
    return active ? this.get(active) : undefined;
  }

  async previousId(): Promise<string | null> {
    const { served, active, models } = this.index.data;
    for (let i = served.length - 2; i >= 0; i--) {
      const id = served[i];
      if (id && id !== active && models.find((m) => m.id === id)?.status !== 'failed') return id;
    }
    return null;
  }

  async add(meta: ModelMeta): Promise<void> {
    await this.index.update((d) => { d.models.push(meta); });
    await this.prune();
  }

  async setEvaluation(id: string, summary: EvaluationSummary): Promise<void> {
    await this.index.update((d) => {
      const m = d.models.find((x) => x.id === id);
      if (m) m.evaluation = { intentAccuracy: summary.intentAccuracy, procedureAccuracy: summary.procedureAccuracy, ms: summary.ms };
    });
  }

  async markFailed(id: string): Promise<void> {
    await this.index.update((d) => {
      const m = d.models.find((x) => x.id === id);
      if (m) m.status = 'failed';
    });
  }

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

  /** Files serve one process: nothing else can run at the same time. */
  exclusive<T>(work: () => Promise<T>): Promise<T> {
    return work();
  }

  close(): Promise<void> {
    return this.index.idle();
  }

  /** Removes old models beyond KEEP_MODELS, never the serving one or those rollback reaches. */
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
    await Promise.all(drop.map((id) => this.discard(id)));
  }
}

/** Model ids are ours (`m-<time>-<hex>`); anything else must not reach the file system as a path. */
function safeId(id: string): string {
  if (!/^[A-Za-z0-9_-]{1,80}$/.test(id)) throw new Error(`not a model id: ${JSON.stringify(id)}`);
  return id;
}
