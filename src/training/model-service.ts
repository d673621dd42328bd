import { AppError } from '../errors.js';
import type { KnowledgeBase } from '../knowledge/knowledge-base.js';
import type { Logger } from '../log/logger.js';
import { INTENTS } from '../nlu/intents.js';
import type { Recognizer } from '../nlu/recognizer.js';
import { compareEvaluations, type Comparison } from './compare.js';
import type { ChangeFeed } from '../store/change-feed.js';
import type { ModelMeta, ModelStore } from '../store/model-store.js';
import type { EvaluationReport } from './evaluation.js';
import { codeVersion } from './fingerprint.js';
import { recognizerFromSnapshot, withCurrentNames, type ModelSnapshot, type TrainEnvironment, type TrainingSetJson } from './model-codec.js';
import { newModelId, readSavedEvaluation, readSavedModel } from './saved-models.js';
import type { StaffRecognizer } from './staff-recognizer.js';
import { StatusTracker, type TrainStatus } from './train-status.js';
import type { TrainingData } from './training-data.js';
import type { WorkerTask } from './worker-protocol.js';
import { runTasks, type TaskResults, type Workers } from './worker-tasks.js';

export type { Workers } from './worker-tasks.js';

// The model serving the assistant, and the jobs that change it. The serving recognizer is
// one reference: a retrained model replaces it in a single assignment once it is trained,
// loaded and judged, so a parse in flight finishes on the old model and the next one uses
// the new; nothing restarts and no conversation is dropped. Jobs (train, evaluate, promote,
// rollback) run one at a time. Which model serves is kept in the store: when one process
// makes another model serve, it says so on the change feed, and every process (this one
// too) catches up with the store's serving model (follow()).

export interface ModelServiceDeps {
  logger: Logger;
  store: ModelStore;
  data: TrainingData;
  workers: Workers;
  env: TrainEnvironment;
  knowledge: KnowledgeBase;
  fingerprint: (set: TrainingSetJson) => string;
  /** Tells the other processes that another model serves. */
  changes?: ChangeFeed;
  /** Procedures staff edited: every model serves their names as the knowledge has them now. */
  edited?: () => ReadonlySet<string>;
}

export type TrainOutcome =
  | { promoted: true; upToDate: false; model: ModelMeta; comparison: Comparison | null }
  | { promoted: false; upToDate: true; model: ModelMeta; comparison: null }
  | { promoted: false; upToDate: false; model: ModelMeta; comparison: Comparison };

export interface ModelReport {
  model: ModelMeta;
  evaluation: EvaluationReport;
  baseline: { model: ModelMeta; evaluation: EvaluationReport } | null;
  comparison: Comparison | null;
}

export class ModelService {
  private serving: { recognizer: StaffRecognizer; id: string };
  private jobs: Promise<unknown> = Promise.resolve();
  /** Catching up with the serving model another process chose, one at a time. */
  private following: Promise<unknown> = Promise.resolve();
  private readonly tracker = new StatusTracker();

  constructor(private readonly deps: ModelServiceDeps, serving: { recognizer: StaffRecognizer; id: string }) {
    this.serving = serving;
  }

  /** The recognizer serving now. */
  readonly current = (): Recognizer => this.serving.recognizer;

  get servingId(): string {
    return this.serving.id;
  }

  list(): Promise<ModelMeta[]> {
    return this.deps.store.list();
  }

  rollbackTarget(): Promise<string | null> {
    return this.deps.store.previousId();
  }

  /** Whether the serving model was trained on the data as it is now (else a retraining would learn something). */
  async isCurrent(): Promise<boolean> {
    const meta = await this.deps.store.get(this.serving.id);
    return meta?.fingerprint === this.deps.fingerprint(await this.deps.data.trainingSet());
  }

  status(): TrainStatus {
    return this.tracker.status;
  }

  private queue<T>(job: () => Promise<T>): Promise<T> {
    const result = this.jobs.then(job, job);
    this.jobs = result.catch(() => undefined);
    return result;
  }

  /**
   * Trains on the current data in the training process, cross-validates, and promotes the
   * new model unless it scores clearly worse than the serving one (then it waits as a
   * candidate for `promote(id, confirm)`), or `confirm` is set.
   */
  train(options: { force?: boolean; confirm?: boolean } = {}): Promise<TrainOutcome> {
    return this.queue(async () => {
      const { store, data, logger } = this.deps;
      const set = await data.trainingSet();
      const fingerprint = this.deps.fingerprint(set);
      const active = await store.active();
      const missing = INTENTS.filter((intent) => !set.utterances.some((u) => u.intent === intent));
      if (missing.length) throw new AppError('TRAINING_FAILED', `Intent ${missing.join(', ')} has no utterance left: add one, then retrain.`);
      if (!options.force && active && active.id === this.serving.id && active.fingerprint === fingerprint && !active.pinned) {
        return { promoted: false, upToDate: true, model: active, comparison: null };
      }

      const id = newModelId();
      const tasks: WorkerTask[] = [];
      const baseline = active && !active.evaluation ? active.id : null;
      if (baseline) tasks.push({ kind: 'evaluate', id: baseline });
      tasks.push({ kind: 'train', id, set, evaluate: true });
      const results = await this.runTasks('train', id, tasks);
      const trained = results.trained.get(id);
      const evaluation = results.evaluated.get(id);
      if (!trained || !evaluation) {
        const why = results.failed.get(id) ?? 'the training process gave no model';
        this.tracker.finish({ ok: false, at: now(), modelId: null, promoted: false, message: why });
        logger.warn({ model: id, why }, 'training failed; the serving model stays');
        throw new AppError('TRAINING_FAILED', `Training failed (${why}); the previous model keeps serving.`);
      }
      this.tracker.saving();
      let recognizer: StaffRecognizer;
      try {
        recognizer = this.load(id, trained.snapshot, set.aliases);
      } catch (err) {
        await store.discard(id);
        throw err;
      }
      const meta: ModelMeta = {
        id, trainedAt: now(), codeVersion: codeVersion(), fingerprint, origin: 'staff', status: 'candidate', pinned: false,
        utterances: set.utterances.length, staffUtterances: set.utterances.filter((u) => u.origin === 'staff').length,
        aliases: set.aliases.length, trainMs: trained.trainMs,
        evaluation: { intentAccuracy: evaluation.intentAccuracy, procedureAccuracy: evaluation.procedureAccuracy, ms: evaluation.ms },
      };
      await store.add(meta);
      const baselineReport = baseline ? results.evaluated.get(baseline) : null;
      if (baseline && baselineReport) await store.setEvaluation(baseline, baselineReport);
      const before = active ? baselineReport ?? await readSavedEvaluation(store, active.id) : null;
      const comparison = before ? compareEvaluations(evaluation, before) : null;
      const timings = { trainMs: trained.trainMs, cvMs: evaluation.ms };
      if (comparison?.worse && !options.confirm) {
        this.tracker.finish({ ok: true, at: now(), modelId: id, promoted: false, message: `not promoted: ${comparison.reasons.join('; ')}`, ...timings });
        return { promoted: false, upToDate: false, model: meta, comparison };
      }
      await this.activate(id, recognizer, false);
      this.tracker.finish({ ok: true, at: now(), modelId: id, promoted: true, message: 'promoted', ...timings });
      logger.info({ model: id, ...timings, intentAccuracy: evaluation.intentAccuracy }, 'retrained model now serving');
      return { promoted: true, upToDate: false, model: await store.get(id) ?? meta, comparison };
    });
  }

  /** Makes a saved model serve (a candidate, or an older one). A clearly worse one needs `confirm`. */
  promote(id: string, confirm: boolean): Promise<ModelMeta> {
    return this.queue(async () => {
      const { store } = this.deps;
      const meta = await store.get(id);
      if (!meta || meta.status === 'failed') throw new AppError('NOT_FOUND', `No usable model has id "${id}".`);
      if (id === this.serving.id) return meta;
      const [mine, serving] = await Promise.all([readSavedEvaluation(store, id), readSavedEvaluation(store, this.serving.id)]);
      const comparison = mine && serving ? compareEvaluations(mine, serving) : null;
      if (comparison?.worse && !confirm) {
        throw new AppError('MODEL_WORSE', `Model ${id} scores clearly worse (${comparison.reasons.join('; ')}); send {"confirm": true} to promote it anyway.`, { details: { model: id, comparison } });
      }
      await this.activate(id, await this.loadSaved(id), true);
      return await store.get(id) ?? meta;
    });
  }

  /** Returns to the model that served before the current one. */
  rollback(): Promise<ModelMeta> {
    return this.queue(async () => {
      const { store } = this.deps;
      const previous = await store.previousId();
      if (!previous) throw new AppError('NOT_FOUND', 'There is no earlier model to roll back to.');
      const from = this.serving.id;
      await this.activate(previous, await this.loadSaved(previous), true, true);
      this.deps.logger.info({ model: previous, from }, 'rolled back');
      const meta = await store.get(previous);
      if (!meta) throw new AppError('NOT_FOUND', `Model ${previous} is gone.`);
      return meta;
    });
  }

  /** A model's evaluation and the one it is compared with; evaluations missing are computed now. */
  report(id?: string): Promise<ModelReport> {
    return this.queue(async () => {
      const { store } = this.deps;
      const modelId = id ?? this.serving.id;
      const model = await store.get(modelId);
      if (!model) throw new AppError('NOT_FOUND', `No model has id "${modelId}".`);
      const baselineId = model.status === 'candidate' ? this.serving.id : await this.servedBefore(modelId);
      const evaluation = await this.evaluation(modelId);
      const baselineMeta = baselineId ? await store.get(baselineId) : undefined;
      const baseline = baselineMeta ? { model: baselineMeta, evaluation: await this.evaluation(baselineMeta.id) } : null;
      return {
        model: await store.get(modelId) ?? model,
        evaluation,
        baseline,
        comparison: baseline ? compareEvaluations(evaluation, baseline.evaluation) : null,
      };
    });
  }

  private async servedBefore(id: string): Promise<string | null> {
    const list = await this.deps.store.list();
    const index = list.findIndex((m) => m.id === id);
    return list.slice(index + 1).find((m) => m.status !== 'failed' && m.status !== 'candidate')?.id ?? null;
  }

  private async evaluation(id: string): Promise<EvaluationReport> {
    const { store } = this.deps;
    const saved = await readSavedEvaluation(store, id);
    if (saved) return saved;
    const results = await this.runTasks('evaluate', id, [{ kind: 'evaluate', id }]);
    const report = results.evaluated.get(id);
    if (!report) {
      const why = results.failed.get(id) ?? 'no result';
      this.tracker.finish({ ok: false, at: now(), modelId: id, promoted: false, message: why });
      throw new AppError('TRAINING_FAILED', `Evaluating model ${id} failed (${why}).`);
    }
    await store.setEvaluation(id, report);
    this.tracker.finish({ ok: true, at: now(), modelId: id, promoted: false, message: 'evaluated', cvMs: report.ms });
    return report;
  }

  private runTasks(kind: 'train' | 'evaluate', modelId: string, tasks: WorkerTask[]): Promise<TaskResults> {
    return runTasks(this.deps.workers, this.tracker, kind, modelId, tasks);
  }

  /**
   * The knowledge changed (staff edited procedures): the serving model is built again from its
   * saved snapshot with the knowledge as it is now — the names of the edited procedures, the
   * fields, the catalogue's cells — without retraining. Runs between the other jobs.
   */
  knowledgeChanged(): Promise<void> {
    return this.queue(async () => {
      const started = Date.now();
      this.serving = { recognizer: await this.loadSaved(this.serving.id), id: this.serving.id };
      this.deps.logger.info({ model: this.serving.id, ms: Date.now() - started }, 'serving model rebuilt with the edited knowledge');
    });
  }

  /** Builds a recognizer from a snapshot and checks it answers before it may serve. */
  private load(id: string, saved: ModelSnapshot, aliases: TrainingSetJson['aliases']): StaffRecognizer {
    try {
      const { knowledge, env, edited } = this.deps;
      const snapshot = withCurrentNames(saved, aliases, knowledge, env.lexicon, edited?.() ?? new Set());
      const recognizer = recognizerFromSnapshot(snapshot, knowledge, env.lexicon, env.situation);
      recognizer.parse('xin chào');
      return recognizer;
    } catch (err) {
      const why = err instanceof Error ? err.message : String(err);
      this.tracker.finish({ ok: false, at: now(), modelId: id, promoted: false, message: why });
      throw new AppError('TRAINING_FAILED', `Model ${id} is unusable (${why}); the previous model keeps serving.`);
    }
  }

  private async loadSaved(id: string): Promise<StaffRecognizer> {
    try {
      const file = await readSavedModel(this.deps.store, id);
      return this.load(id, file.snapshot, file.trainingSet.aliases);
    } catch (err) {
      await this.deps.store.markFailed(id);
      throw err instanceof AppError ? err : new AppError('TRAINING_FAILED', `Model ${id} could not be read; the serving model stays.`, { cause: err });
    }
  }

  private async activate(id: string, recognizer: StaffRecognizer, pinned: boolean, rollback = false): Promise<void> {
    const meta = await this.deps.store.get(id);
    // Chosen by staff but trained on other data: keep it at restart rather than retrain.
    const stale = pinned && meta?.fingerprint !== this.deps.fingerprint(await this.deps.data.trainingSet());
    await this.deps.store.activate(id, { pinned: stale, rollback });
    this.serving = { recognizer, id };
    await this.deps.changes?.publish('models', id).catch((err: unknown) => {
      this.deps.logger.warn({ err: { name: (err as Error)?.name }, model: id }, 'could not tell the other processes of the new model; they take it up at their next start');
    });
  }

  /**
   * Serves what the store says serves whenever the change feed says it changed (a retrain,
   * promotion or rollback through any process). Answers a function that stops following.
   */
  follow(changes: ChangeFeed): () => void {
    return changes.subscribe('models', () => {
      this.following = this.following.then(() => this.catchUp()).catch((err: unknown) => {
        this.deps.logger.error({ err: { name: (err as Error)?.name, message: (err as Error)?.message } }, 'could not load the model another process made serve; the current one stays');
      });
    });
  }

  private async catchUp(): Promise<void> {
    const active = await this.deps.store.active();
    if (!active || active.id === this.serving.id) return;
    const started = Date.now();
    const file = await readSavedModel(this.deps.store, active.id);
    const recognizer = this.load(active.id, file.snapshot, file.trainingSet.aliases);
    // Another change may have come meanwhile: its own catch-up follows this one.
    this.serving = { recognizer, id: active.id };
    this.deps.logger.info({ model: active.id, ms: Date.now() - started }, 'now serving the model another process made serve');
  }

  /** Waits for the running job (at shutdown the training process is stopped first). */
  async idle(): Promise<void> {
    await this.jobs;
    await this.following;
  }
}

function now(): string {
  return new Date().toISOString();
}
