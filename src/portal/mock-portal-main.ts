import path from 'node:path';
import type { AddressInfo } from 'node:net';
import { z } from 'zod';
import { createLogger } from '../log/logger.js';
import { createMockPortal } from './mock-portal.js';
import { PORTAL_DATA_FILE } from './dossier-store.js';

// `npm run mock-portal`: the mock portal as its own process, for running the assistant with
// PORTAL_URL as it would run against the real portal. Prints its URL on stdout (tests read
// it when they ask for PORT=0).

const envSchema = z.object({
  PORT: z.coerce.number().int().min(0).max(65535).default(3979),
  HOST: z.string().trim().min(1).default('127.0.0.1'),
  DATA_DIR: z.string().trim().min(1).default('./data'),
  LOG_LEVEL: z.enum(['debug', 'info', 'warn', 'error', 'silent']).default('info'),
});

async function main(): Promise<void> {
  const env = envSchema.parse(Object.fromEntries(Object.keys(envSchema.shape).map((k) => [k, process.env[k] || undefined])));
  const logger = createLogger(env.LOG_LEVEL);
  const dataFile = path.resolve(env.DATA_DIR, PORTAL_DATA_FILE);
  const server = await createMockPortal({ dataFile, logger });
  await new Promise<void>((resolve) => server.listen(env.PORT, env.HOST, () => resolve()));
  const { port } = server.address() as AddressInfo;
  process.stdout.write(`mock portal listening on http://${env.HOST}:${port} (data: ${dataFile})\n`);
  const stop = (): void => {
    server.close(() => process.exit(0));
    // A read held by delayMs must not keep the process alive after Ctrl-C.
    setTimeout(() => process.exit(0), 1000).unref();
  };
  process.once('SIGINT', stop);
  process.once('SIGTERM', stop);
}

main().catch((err: unknown) => {
  process.stderr.write(`mock portal failed to start: ${err instanceof Error ? err.message : String(err)}\n`);
  process.exit(1);
});
