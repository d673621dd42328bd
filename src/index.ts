import { loadConfig, ConfigError } from './config.js';
import { createLogger } from './log/logger.js';
import { buildApp } from './app.js';

// restify 11 reads process.binding('http_parser') on Node 20: a known, harmless deprecation.
process.removeAllListeners('warning');
process.on('warning', (w) => {
  if ((w as { code?: string }).code !== 'DEP0111') process.stderr.write(`${w.name}: ${w.message}\n`);
});

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
  const app = await buildApp(config, logger);
  app.server.listen(config.PORT, config.HOST, () => {
    logger.info({ url: app.server.url }, `dvc-assistant listening on http://${config.HOST === '0.0.0.0' ? 'localhost' : config.HOST}:${config.PORT}`);
  });
  const stop = (): void => {
    logger.info('shutting down');
    void app.close().then(() => process.exit(0));
  };
  process.once('SIGTERM', stop);
  process.once('SIGINT', stop);
}

main().catch((err: unknown) => {
  process.stderr.write(`dvc-assistant failed to start: ${err instanceof Error ? err.message : String(err)}\n`);
  process.exit(1);
});
