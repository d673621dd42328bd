import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import type { AddressInfo } from 'node:net';
import { loadConfig } from '../../src/config.js';
import { silentLogger } from '../../src/log/logger.js';
import { buildApp, type App } from '../../src/app.js';
import { dropSchema, PG_STORE, schemaFor, schemaUrl } from './pg.js';

export interface TestApp {
  url: string;
  dataDir: string;
  app: App;
  close(): Promise<void>;
}

/**
 * With DVC_TEST_STORE=pg, the PostgreSQL store of a test's DATA_DIR: a schema of its own in
 * the tests' cluster, the same for the same DATA_DIR (a restart finds its data).
 */
export async function storeEnv(dataDir: string, env: Record<string, string> = {}): Promise<Record<string, string>> {
  if (!PG_STORE || 'DATABASE_URL' in env) return env;
  return { ...env, DATABASE_URL: await schemaUrl(schemaFor(dataDir)) };
}

/** The real server on an ephemeral loopback port, with its data in a fresh temp dir (and schema). */
export async function startTestApp(env: Record<string, string> = {}, dataDir?: string): Promise<TestApp> {
  const dir = dataDir ?? mkdtempSync(path.join(tmpdir(), 'dvc-test-'));
  const config = loadConfig({ DATA_DIR: dir, PORT: '0', HOST: '127.0.0.1', ...await storeEnv(dir, env) });
  const app = await buildApp(config, silentLogger);
  await new Promise<void>((resolve) => app.server.listen(0, '127.0.0.1', () => resolve()));
  const { port } = app.server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}`,
    dataDir: dir,
    app,
    async close() {
      await app.close();
      if (!dataDir) {
        rmSync(dir, { recursive: true, force: true });
        if (PG_STORE && !env.DATABASE_URL) await dropSchema(schemaFor(dir));
      }
    },
  };
}

export interface Answer { status: number; body: any }

/**
 * One HTTP call: an optional bearer token and headers; a body is sent as JSON, or as is when
 * it is a string. The answer's body is parsed JSON, null when empty.
 */
export async function call(method: string, url: string, options: { token?: string; body?: unknown; headers?: Record<string, string> } = {}): Promise<Answer> {
  const headers: Record<string, string> = {};
  if (options.token) headers.authorization = `Bearer ${options.token}`;
  if (options.body !== undefined) headers['content-type'] = 'application/json';
  Object.assign(headers, options.headers);
  const body = options.body === undefined ? undefined : typeof options.body === 'string' ? options.body : JSON.stringify(options.body);
  const res = await fetch(url, { method, headers, ...(body === undefined ? {} : { body }) });
  const text = await res.text();
  return { status: res.status, body: text ? JSON.parse(text) : null };
}

export function postJson(url: string, body: unknown, headers: Record<string, string> = {}): Promise<Answer> {
  return call('POST', url, { body, headers });
}
