import { fork, type ChildProcess } from 'node:child_process';
import { createRequire } from 'node:module';
import { fileURLToPath, pathToFileURL } from 'node:url';
import type { WorkerMessage, WorkerRequest } from './worker-protocol.js';

// Runs training in a child process. Node 20 worker threads cannot load TypeScript through
// tsx (`execArgv: ['--import', 'tsx']` registers the loader too late for a worker's entry
// module: ERR_UNKNOWN_FILE_EXTENSION), while a forked process with the same flag works
// under `npm start` (tsx) and under jest (ts-jest ESM) alike. A process also keeps an
// out-of-memory training from taking the server down.

const WORKER_ENTRY = fileURLToPath(new URL('./train-worker.ts', import.meta.url));
/** tsx's loader, resolved from here so that the cwd does not matter. */
const TSX_LOADER = pathToFileURL(createRequire(import.meta.url).resolve('tsx')).href;

export const WORKER_TIMEOUT_MS = 10 * 60_000;

export class WorkerError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'WorkerError';
  }
}

export class TrainingWorkers {
  private readonly running = new Set<ChildProcess>();
  private closed = false;

  /** Runs the request's tasks in a fresh process; resolves when it has sent `done`. */
  run(request: WorkerRequest, onMessage: (message: WorkerMessage) => void, timeoutMs = WORKER_TIMEOUT_MS): Promise<void> {
    if (this.closed) return Promise.reject(new WorkerError('the server is shutting down'));
    return new Promise((resolve, reject) => {
      const child = fork(WORKER_ENTRY, [], {
        execArgv: ['--import', TSX_LOADER],
        serialization: 'advanced',
        stdio: ['ignore', 'ignore', 'inherit', 'ipc'],
      });
      this.running.add(child);
      let done = false;
      const finish = (err?: Error): void => {
        clearTimeout(timer);
        this.running.delete(child);
        if (err) reject(err);
        else resolve();
      };
      const timer = setTimeout(() => {
        child.kill('SIGKILL');
        finish(new WorkerError(`training took longer than ${Math.round(timeoutMs / 1000)} s and was stopped`));
      }, timeoutMs);
      child.on('message', (message: WorkerMessage) => {
        if (message.type === 'done') done = true;
        else onMessage(message);
      });
      child.once('error', (err) => finish(new WorkerError(`the training process failed: ${err.message}`)));
      child.once('close', (code, signal) => {
        if (!this.running.has(child)) return;
        if (done) finish();
        else finish(new WorkerError(`the training process stopped (${signal ?? `exit code ${String(code)}`}) before finishing`));
      });
      child.send(request);
    });
  }

  /** Stops every running training (at shutdown). */
  close(): void {
    this.closed = true;
    for (const child of this.running) child.kill('SIGTERM');
  }
}
