import type { WorkerTask } from './worker-protocol.js';

// What the staff page shows while a model trains: which step, how far, and how the last
// job ended.

export type Phase = 'queued' | 'training' | 'evaluating' | 'evaluating-previous' | 'saving';

export interface TrainStatus {
  state: 'idle' | 'running';
  job: { kind: 'train' | 'evaluate'; modelId: string; phase: Phase; progress: number; startedAt: string } | null;
  last: { ok: boolean; at: string; modelId: string | null; promoted: boolean; message: string; trainMs?: number; cvMs?: number } | null;
}

/** Share of a task's time spent training; the rest is cross-validation (k trainings). */
const TRAIN_SHARE = 0.15;

export class StatusTracker {
  private current: TrainStatus = { state: 'idle', job: null, last: null };
  private tasks: WorkerTask[] = [];

  get status(): TrainStatus {
    return structuredClone(this.current);
  }

  start(kind: 'train' | 'evaluate', modelId: string, tasks: WorkerTask[]): void {
    this.tasks = tasks;
    this.current = { ...this.current, state: 'running', job: { kind, modelId, phase: 'queued', progress: 0, startedAt: new Date().toISOString() } };
  }

  /** A progress message of task `id`: `done` of `total` in `phase`. */
  progress(id: string, phase: 'training' | 'evaluating', done: number, total: number): void {
    const job = this.current.job;
    if (!job) return;
    const index = this.tasks.findIndex((t) => t.id === id);
    const task = this.tasks[index];
    if (!task) return;
    const weights = this.tasks.map((t) => (t.kind === 'train' && !t.evaluate ? TRAIN_SHARE : 1));
    const share = total ? done / total : 0;
    const within = task.kind === 'evaluate' ? share
      : phase === 'training' ? share * (task.evaluate ? TRAIN_SHARE : 1)
      : TRAIN_SHARE + (1 - TRAIN_SHARE) * share;
    const before = weights.slice(0, index).reduce((a, b) => a + b, 0);
    const all = weights.reduce((a, b) => a + b, 0);
    job.progress = Math.min(1, (before + within * (weights[index] ?? 1)) / all);
    job.phase = task.kind === 'evaluate' && task.id !== job.modelId ? 'evaluating-previous' : phase;
  }

  saving(): void {
    if (this.current.job) this.current.job.phase = 'saving';
  }

  finish(last: NonNullable<TrainStatus['last']>): void {
    this.current = { state: 'idle', job: null, last };
    this.tasks = [];
  }
}
