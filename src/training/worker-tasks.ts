import type { EvaluationReport } from './evaluation.js';
import type { ModelSnapshot } from './model-codec.js';
import type { StatusTracker } from './train-status.js';
import type { WorkerMessage, WorkerTask } from './worker-protocol.js';

/** Runs training tasks out of the event loop (worker-client.ts). */
export interface Workers {
  run(tasks: WorkerTask[], onMessage: (message: WorkerMessage) => void): Promise<void>;
}

export interface TaskResults {
  trained: Map<string, { snapshot: ModelSnapshot; trainMs: number }>;
  evaluated: Map<string, EvaluationReport>;
  /** Why a task gave no result. */
  failed: Map<string, string>;
}

/** Runs tasks in the training process, tracking progress; a crash counts as every task failing. */
export async function runTasks(workers: Workers, tracker: StatusTracker, kind: 'train' | 'evaluate', modelId: string, tasks: WorkerTask[]): Promise<TaskResults> {
  const results: TaskResults = { trained: new Map(), evaluated: new Map(), failed: new Map() };
  tracker.start(kind, modelId, tasks);
  const onMessage = (m: WorkerMessage): void => {
    if (m.type === 'progress') tracker.progress(m.id, m.phase, m.done, m.total);
    else if (m.type === 'trained') results.trained.set(m.id, { snapshot: m.snapshot, trainMs: m.trainMs });
    else if (m.type === 'evaluated') results.evaluated.set(m.id, m.report);
    else results.failed.set(m.id, m.message);
  };
  try {
    await workers.run(tasks, onMessage);
  } catch (err) {
    for (const t of tasks) if (!results.failed.has(t.id)) results.failed.set(t.id, err instanceof Error ? err.message : String(err));
  }
  return results;
}
