import restify, { type Server } from 'restify';
import type { Logger } from '../log/logger.js';
import type { Recognizer } from '../nlu/recognizer.js';
import type { KnowledgeBase } from '../knowledge/knowledge-base.js';
import type { StoreHealth } from '../store/stores.js';
import { AppError } from '../errors.js';
import { jsonBody, jsonRestifyErrors, route } from './respond-error.js';
import { rejectDeepBodies } from './body-depth.js';

/** Body limit for every route: a chat message or an admin edit is far below it. */
export const MAX_BODY_BYTES = 512 * 1024;
export const MAX_PARSE_LENGTH = 5000;

export interface ServerDeps {
  logger: Logger;
  knowledge: KnowledgeBase;
  recognizer: () => Recognizer;
  /** Whether the store answers (files, or the PostgreSQL database). */
  health?: () => Promise<StoreHealth>;
  /** More route groups (the channels, staff, help desk, pages), each adding its routes. */
  routes?: Array<(server: Server) => void>;
}

const KEEP_ALIVE_MS = 65_000;

/** Builds the HTTP server, not yet listening (src/index.ts listens). */
export function createServer(deps: ServerDeps): Server {
  const { logger } = deps;
  const server = restify.createServer({ name: 'dvc-assistant', handleUncaughtExceptions: false });
  // Idle keep-alive sockets live longer than a client's or a proxy's own idle timeout (Node's 5 s
  // is shorter than most), so the server never closes one a client is about to reuse: that race
  // is an ECONNRESET on the client's next request. Shutdown closes idle sockets at once anyway.
  server.server.keepAliveTimeout = KEEP_ALIVE_MS;
  server.server.headersTimeout = KEEP_ALIVE_MS + 1_000;
  server.use(restify.plugins.queryParser({ mapParams: false }));
  server.use(restify.plugins.bodyParser({ maxBodySize: MAX_BODY_BYTES, mapParams: false, mapFiles: false, keepExtensions: false }));
  server.use(rejectDeepBodies);

  jsonRestifyErrors(server);

  // A load balancer sends no traffic to a process whose database does not answer (503).
  server.get('/healthz', route(logger, async (_req, res) => {
    const store = deps.health ? await deps.health() : { kind: 'files', ok: true };
    res.send(store.ok ? 200 : 503, { status: store.ok ? 'ok' : 'unavailable', procedures: deps.knowledge.procedures.length, store });
  }));

  server.post('/api/parse', route(logger, (req, res) => {
    const body = jsonBody(req);
    if (typeof body.text !== 'string') throw new AppError('VALIDATION_FAILED', 'Send {"text": "..."} with the question as a string.');
    if (body.text.length > MAX_PARSE_LENGTH) throw new AppError('VALIDATION_FAILED', `"text" is longer than ${MAX_PARSE_LENGTH} characters.`);
    res.send(200, deps.recognizer().parse(body.text));
  }));

  for (const addRoutes of deps.routes ?? []) addRoutes(server);
  return server;
}
