import type { StoreLocation } from '../store/stores.js';
import type { EvaluationReport } from './evaluation.js';
import type { ModelSnapshot, TrainEnvironment, TrainingSetJson } from './model-codec.js';

// Messages between the server and the training process (train-worker.ts).

export type WorkerTask =
  /** Train on `set` and save the model under `id`; then cross-validate it and save that too, when `evaluate`. */
  | { kind: 'train'; id: string; set: TrainingSetJson; evaluate: boolean }
  /** Cross-validate the saved model `id` (its training set) and save the evaluation. */
  | { kind: 'evaluate'; id: string };

/** The server to the process: the environment and where models are kept, once; then jobs one at a time. */
export type WorkerRequest =
  | { type: 'env'; env: TrainEnvironment; store: StoreLocation }
  | { type: 'run'; job: number; tasks: WorkerTask[] };

export type WorkerMessage =
  | { type: 'progress'; id: string; phase: 'training' | 'evaluating'; done: number; total: number }
  | { type: 'trained'; id: string; snapshot: ModelSnapshot; trainMs: number }
  | { type: 'evaluated'; id: string; report: EvaluationReport }
  | { type: 'failed'; id: string; message: string };

/** The process to the server: a job's messages, then `done`. */
export type WorkerReply = (WorkerMessage & { job: number }) | { type: 'done'; job: number };
