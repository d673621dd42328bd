import type { EvaluationReport } from './evaluate.js';
import type { ModelSnapshot, TrainEnvironment, TrainingSetJson } from './model-codec.js';

// Messages between the server and the training process (train-worker.ts).

export type WorkerTask =
  /** Train on `set`, save the model to `modelFile`, and cross-validate into `evalFile` unless null. */
  | { kind: 'train'; id: string; set: TrainingSetJson; modelFile: string; evalFile: string | null }
  /** Cross-validate a saved model's training set into `evalFile`. */
  | { kind: 'evaluate'; id: string; modelFile: string; evalFile: string };

export interface WorkerRequest {
  env: TrainEnvironment;
  tasks: WorkerTask[];
}

export type WorkerMessage =
  | { type: 'progress'; id: string; phase: 'training' | 'evaluating'; done: number; total: number }
  | { type: 'trained'; id: string; snapshot: ModelSnapshot; trainMs: number }
  | { type: 'evaluated'; id: string; report: EvaluationReport }
  | { type: 'failed'; id: string; message: string }
  | { type: 'done' };
