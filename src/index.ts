import cluster from 'node:cluster';
import type { Server as HttpServer } from 'node:http';
import { loadConfig, ConfigError } from './config.js';
import { createLogger } from './log/logger.js';
import { runPrimary, type ListeningMessage } from './cluster/primary.js';
import { PgDatabase } from './store/pg/pg-database.js';
import { clusterMetrics } from './metrics/metrics.js';
import { metricsServer } from './metrics/routes.js';

// Known, harmless deprecations of dependencies: restify 11 reads process.binding('http_parser')
// on Node 20 (DEP0111); and a dependency still calls Buffer() (DEP0005), which Node reports
// once the dependencies are bundled into dist/ and so no longer under node_modules/.
const DEPENDENCY_DEPRECATIONS = new Set(['DEP0111', 'DEP0005']);
process.removeAllListeners('warning');
process.on('warning', (w) => {
  if (!DEPENDENCY_DEPRECATIONS.has((w as { code?: string }).code ?? '')) process.stderr.write(`${w.name}: ${w.message}\n`);
});

const SHUTDOWN_DEADLINE_MS = 8000;

async function main(): Promise<void> {
  let config;
  try {
    config = loadConfig();
  } catch (err) {
    if (err instanceof ConfigError) {
      process.stderr.write(`dvc-assistant: ${err.message}\n`);
      process.exit(2);
    }
    throw err;
  }
  const logger = createLogger(config.LOG_LEVEL);
  const listenMetrics = (server: HttpServer, port: number): void => {
    server.listen(port, config.HOST, () => logger.info({ port }, `metrics on port ${port} (GET /metrics, no token)`));
  };
  const describe = ({ port }: { port: number }): string => `http://${config.HOST === '0.0.0.0' ? 'localhost' : config.HOST}:${port}`;
  if (config.WORKERS > 1 && cluster.isPrimary && config.DATABASE_URL) {
    // Once, before forking: an unreachable database is one sentence here, not N dying
    // workers, and the schema is brought up to date by one process.
    await (await PgDatabase.open(config.DATABASE_URL, logger)).close();
    runPrimary({ workers: config.WORKERS, logger });
    // The metrics port is the primary's: a scrape gets every worker's figures added up.
    if (config.METRICS_PORT !== undefined) listenMetrics(metricsServer(clusterMetrics(), logger), config.METRICS_PORT);
    return;
  }
  // Imported here, not at the top: the primary of WORKERS=N never loads the app (botbuilder,
  // restify, the NLU), which kept some 50 MB resident in a process that only forks.
  const { buildApp } = await import('./app.js');
  const app = await buildApp(config, logger);
  app.server.listen(config.PORT, config.HOST, () => {
    const url = describe(app.server.address());
    logger.info({ url, pid: process.pid }, `dvc-assistant listening on ${url}`);
    if (cluster.isWorker) process.send?.({ type: 'dvc:listening', url } satisfies ListeningMessage);
  });
  if (cluster.isWorker) app.metrics.shareWithPrimary();
  else if (config.METRICS_PORT !== undefined) listenMetrics(app.metricsServer, config.METRICS_PORT);

  // SIGTERM: stop accepting, let the turns in flight finish, flush the stores, exit 0.
  // A shutdown that hangs (a stuck client) is cut short rather than left running.
  let stopping = false;
  const stop = (signal: string): void => {
    if (stopping) return;
    stopping = true;
    logger.info({ signal }, 'shutting down');
    const deadline = setTimeout(() => {
      logger.error({ ms: SHUTDOWN_DEADLINE_MS }, 'shutdown took too long; exiting');
      process.exit(1);
    }, SHUTDOWN_DEADLINE_MS);
    deadline.unref();
    app.close().then(
      () => {
        logger.info('stopped');
        process.exit(0);
      },
      (err: unknown) => {
        logger.error({ err }, 'shutdown failed');
        process.exit(1);
      },
    );
  };
  process.once('SIGTERM', () => stop('SIGTERM'));
  process.once('SIGINT', () => stop('SIGINT'));
}

main().catch((err: unknown) => {
  process.stderr.write(`dvc-assistant failed to start: ${err instanceof Error ? err.message : String(err)}\n`);
  process.exit(1);
});
