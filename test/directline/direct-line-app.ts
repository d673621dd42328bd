import type { Server } from 'restify';
import type { DirectLine } from '../../src/directline/direct-line.js';
import { startTestApp } from '../helpers/test-app.js';

// The real server (src/app.ts, via startTestApp) seen from Direct Line: its base URL and its
// Direct Line parts, for tests that issue tokens or deliver help-desk replies directly.

export interface DirectLineTestApp {
  /** The Direct Line base: `<server>/v3/directline`. */
  url: string;
  dataDir: string;
  directLine: DirectLine;
  server: Server;
  close(): Promise<void>;
}

/** Starts the server on a free loopback port; pass dataDir to restart on the same data. */
export async function startDirectLineApp(dataDir?: string): Promise<DirectLineTestApp> {
  const t = await startTestApp({}, dataDir);
  return { url: `${t.url}/v3/directline`, dataDir: t.dataDir, directLine: t.app.directLine, server: t.app.server, close: () => t.close() };
}

export interface Answer { status: number; body: any }

/** One HTTP call with an optional bearer token; the body is sent as is when it is a string. */
export async function call(method: string, url: string, options: { token?: string; body?: unknown } = {}): Promise<Answer> {
  const headers: Record<string, string> = {};
  if (options.token) headers.authorization = `Bearer ${options.token}`;
  if (options.body !== undefined) headers['content-type'] = 'application/json';
  const body = options.body === undefined ? undefined : typeof options.body === 'string' ? options.body : JSON.stringify(options.body);
  const res = await fetch(url, { method, headers, ...(body === undefined ? {} : { body }) });
  const text = await res.text();
  return { status: res.status, body: text ? JSON.parse(text) : null };
}
