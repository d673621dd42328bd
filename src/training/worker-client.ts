import { fork, type ChildProcess } from 'node:child_process';
import { createRequire } from 'node:module';
import path from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import type { StoreLocation } from '../store/stores.js';
import type { TrainEnvironment } from './model-codec.js';
import type { WorkerMessage, WorkerReply, WorkerRequest, WorkerTask } from './worker-protocol.js';

// Runs training in a child process. Node 20 worker threads cannot load TypeScript through
// tsx (`execArgv: ['--import', 'tsx']` registers the loader too late for a worker's entry
// module: ERR_UNKNOWN_FILE_EXTENSION), while a forked process with the same flag works
// under `npm start` (tsx) and under jest (ts-jest ESM) alike. A process also keeps an
// out-of-memory training from taking the server down. It is started at the first job, kept
// warm for the next ones, and stopped after WORKER_IDLE_MS without work.

/** Run from TypeScript (tsx, jest) or from the build in dist/ (`npm start`), the worker the same way. */
const FROM_TYPESCRIPT = import.meta.url.endsWith('.ts');
const WORKER_ENTRY = fileURLToPath(new URL(`./train-worker${path.extname(fileURLToPath(import.meta.url))}`, import.meta.url));
/** tsx's loader, resolved from here so that the cwd does not matter; plain JavaScript needs none. */
const EXEC_ARGV = FROM_TYPESCRIPT ? ['--import', pathToFileURL(createRequire(import.meta.url).resolve('tsx')).href] : [];

export const WORKER_TIMEOUT_MS = 10 * 60_000;
export const WORKER_IDLE_MS = 5 * 60_000;

export class WorkerError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'WorkerError';
  }
}

interface Job {
  id: number;
  onMessage: (message: WorkerMessage) => void;
  settle: (err?: Error) => void;
}

export class TrainingWorkers {
  private child: ChildProcess | null = null;
  private job: Job | null = null;
  private jobs = 0;
  private idle: NodeJS.Timeout | null = null;
  private closed = false;
  /** The procedures the process was last sent: staff edits of knowledge make a new list, sent before the next job. */
  private sentProcedures: TrainEnvironment['procedures'] | null = null;

  constructor(
    private readonly env: TrainEnvironment,
    /** Where the process keeps the models it trains. */
    private readonly store: StoreLocation,
    private readonly options = { timeoutMs: WORKER_TIMEOUT_MS, idleMs: WORKER_IDLE_MS },
  ) {}

  /** Runs the tasks in the training process; resolves when it reports them done. One job at a time. */
  run(tasks: WorkerTask[], onMessage: (message: WorkerMessage) => void): Promise<void> {
    if (this.closed) return Promise.reject(new WorkerError('the server is shutting down'));
    if (this.job) return Promise.reject(new WorkerError('a training is already running'));
    if (this.idle) clearTimeout(this.idle);
    const child = this.child ?? this.start();
    if (this.env.procedures !== this.sentProcedures) this.sendEnv(child);
    return new Promise((resolve, reject) => {
      const id = ++this.jobs;
      const timer = setTimeout(() => {
        this.stop(child);
        settle(new WorkerError(`training took longer than ${Math.round(this.options.timeoutMs / 1000)} s and was stopped`));
      }, this.options.timeoutMs);
      const settle = (err?: Error): void => {
        clearTimeout(timer);
        if (this.job?.id !== id) return;
        this.job = null;
        if (this.child && !this.closed) this.idle = setTimeout(() => this.child && this.stop(this.child), this.options.idleMs).unref();
        if (err) reject(err);
        else resolve();
      };
      this.job = { id, onMessage, settle };
      this.send(child, { type: 'run', job: id, tasks });
    });
  }

  private start(): ChildProcess {
    const child = fork(WORKER_ENTRY, [], {
      execArgv: EXEC_ARGV,
      serialization: 'advanced',
      stdio: ['ignore', 'ignore', 'inherit', 'ipc'],
    });
    this.child = child;
    child.on('message', (reply: WorkerReply) => {
      const job = this.job;
      if (!job || reply.job !== job.id) return;
      if (reply.type === 'done') job.settle();
      else job.onMessage(reply);
    });
    child.once('error', (err) => this.gone(child, `the training process failed: ${err.message}`));
    child.once('exit', (code, signal) => this.gone(child, `the training process stopped (${signal ?? `exit code ${String(code)}`}) before finishing`));
    this.sendEnv(child);
    return child;
  }

  /** The environment as it is now (env.procedures may be a live view of the knowledge). */
  private sendEnv(child: ChildProcess): void {
    // Spread: a plain copy, the getter's value taken now.
    const env = { ...this.env };
    this.sentProcedures = env.procedures;
    this.send(child, { type: 'env', env, store: this.store });
  }

  private send(child: ChildProcess, request: WorkerRequest): void {
    child.send(request, (err) => { if (err) this.gone(child, `could not reach the training process: ${err.message}`); });
  }

  private gone(child: ChildProcess, why: string): void {
    if (this.child !== child) return;
    this.child = null;
    this.job?.settle(new WorkerError(why));
  }

  private stop(child: ChildProcess): void {
    if (this.child === child) this.child = null;
    child.kill('SIGKILL');
  }

  /** Stops the training process (at shutdown); a running job fails. */
  close(): void {
    this.closed = true;
    if (this.idle) clearTimeout(this.idle);
    const child = this.child;
    if (!child) return;
    this.gone(child, 'the server is shutting down');
    child.kill('SIGTERM');
  }
}
