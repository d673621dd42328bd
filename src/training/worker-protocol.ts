import type { EvaluationReport } from './evaluate.js';
import type { ModelSnapshot, TrainEnvironment, TrainingSetJson } from './model-codec.js';

// Messages between the server and the training process (train-worker.ts).

export type WorkerTask =
  /** Train on `set`, save the model to `modelFile`, and cross-validate into `evalFile` unless null. */
  | { kind: 'train'; id: string; set: TrainingSetJson; modelFile: string; evalFile: string | null }
  /** Cross-validate a saved model's training set into `evalFile`. */
  | { kind: 'evaluate'; id: string; modelFile: string; evalFile: string };

/** The server to the process: the environment once, then jobs one at a time. */
export type WorkerRequest =
  | { type: 'env'; env: TrainEnvironment }
  | { type: 'run'; job: number; tasks: WorkerTask[] };

export type WorkerMessage =
  | { type: 'progress'; id: string; phase: 'training' | 'evaluating'; done: number; total: number }
  | { type: 'trained'; id: string; snapshot: ModelSnapshot; trainMs: number }
  | { type: 'evaluated'; id: string; report: EvaluationReport }
  | { type: 'failed'; id: string; message: string };

/** The process to the server: a job's messages, then `done`. */
export type WorkerReply = (WorkerMessage & { job: number }) | { type: 'done'; job: number };
