import cluster, { type Worker } from 'node:cluster';
import type { Logger } from '../log/logger.js';

// WORKERS=N: this process forks N servers (node:cluster; they share the port, the operating
// system spreads the connections) and keeps them running. A worker that dies is started
// again after a pause that doubles with each death in a row (1 s, 2 s, 4 s … 30 s), reset once
// a worker has served a minute; workers that keep dying before they ever listen end the
// primary instead of looping. SIGTERM and SIGINT are passed on to every worker, which
// finish their turns and exit; the primary exits once they have.

const FIRST_PAUSE_MS = 1000;
const LAST_PAUSE_MS = 30_000;
const HEALTHY_AFTER_MS = 60_000;
/** Workers in a row that died before they listened: then the configuration, data or database is wrong. */
const MAX_FAILED_STARTS = 5;
const SHUTDOWN_DEADLINE_MS = 10_000;

export interface PrimaryOptions {
  workers: number;
  logger: Logger;
}

/** What a worker tells the primary once its server listens (src/index.ts). */
export interface ListeningMessage {
  type: 'dvc:listening';
  url: string;
}

function isListening(message: unknown): message is ListeningMessage {
  return (message as ListeningMessage | null)?.type === 'dvc:listening' && typeof (message as ListeningMessage).url === 'string';
}

export function runPrimary(options: PrimaryOptions): void {
  const { logger, workers } = options;
  let stopping = false;
  let deathsInARow = 0;
  let failedStarts = 0;
  let listening = 0;
  const startedAt = new Map<Worker, number>();
  const listened = new Set<Worker>();

  const fork = (): void => {
    const worker = cluster.fork();
    startedAt.set(worker, Date.now());
    // Not cluster's 'listening': a worker may listen on other ports first (the embedded mock portal).
    worker.on('message', (message: unknown) => {
      if (!isListening(message) || listened.has(worker)) return;
      listened.add(worker);
      failedStarts = 0;
      listening += 1;
      if (listening === workers) logger.info({ url: message.url, workers }, `dvc-assistant: ${workers} workers listening on ${message.url}`);
    });
  };

  cluster.on('exit', (worker, code, signal) => {
    const served = Date.now() - (startedAt.get(worker) ?? Date.now());
    const hadListened = listened.delete(worker);
    startedAt.delete(worker);
    if (hadListened) listening -= 1;
    if (stopping) {
      if (!Object.keys(cluster.workers ?? {}).length) {
        logger.info('every worker stopped');
        process.exit(0);
      }
      return;
    }
    if (!hadListened) failedStarts += 1;
    if (failedStarts >= MAX_FAILED_STARTS) {
      logger.error({ failedStarts }, `${failedStarts} workers in a row died before they could serve; stopping (see their log lines above)`);
      stopping = true;
      for (const w of Object.values(cluster.workers ?? {})) w?.process.kill('SIGTERM');
      process.exitCode = 1;
      if (!Object.keys(cluster.workers ?? {}).length) process.exit(1);
      return;
    }
    deathsInARow = served >= HEALTHY_AFTER_MS ? 1 : deathsInARow + 1;
    const pause = Math.min(LAST_PAUSE_MS, FIRST_PAUSE_MS * 2 ** (deathsInARow - 1));
    logger.error({ pid: worker.process.pid, code, signal, restartInMs: pause }, `worker ${worker.process.pid} died (${signal ?? `exit ${code}`}); starting another in ${pause / 1000} s`);
    setTimeout(() => { if (!stopping) fork(); }, pause);
  });

  const stop = (signal: NodeJS.Signals): void => {
    if (stopping) return;
    stopping = true;
    logger.info({ signal }, 'shutting down the workers');
    for (const worker of Object.values(cluster.workers ?? {})) worker?.process.kill(signal);
    setTimeout(() => {
      logger.error({ ms: SHUTDOWN_DEADLINE_MS }, 'workers took too long to stop; killing them');
      for (const worker of Object.values(cluster.workers ?? {})) worker?.process.kill('SIGKILL');
      process.exit(1);
    }, SHUTDOWN_DEADLINE_MS).unref();
    if (!Object.keys(cluster.workers ?? {}).length) process.exit(0);
  };
  process.once('SIGTERM', () => stop('SIGTERM'));
  process.once('SIGINT', () => stop('SIGINT'));

  for (let i = 0; i < workers; i++) fork();
}
