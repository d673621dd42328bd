import restify, { type Server } from 'restify';
import type { CloudAdapter } from 'botbuilder';
import type { Logger } from '../log/logger.js';
import type { Recognizer } from '../nlu/recognizer.js';
import type { KnowledgeBase } from '../knowledge/knowledge-base.js';
import type { DvcBot } from '../bot/dvc-bot.js';
import type { StoreHealth } from '../store/stores.js';
import { AppError } from '../errors.js';
import { jsonBody, jsonRestifyErrors, route } from './respond-error.js';

/** Body limit for every route: a chat message or an admin edit is far below it. */
export const MAX_BODY_BYTES = 512 * 1024;
export const MAX_PARSE_LENGTH = 5000;

export interface ServerDeps {
  logger: Logger;
  knowledge: KnowledgeBase;
  recognizer: () => Recognizer;
  adapter: CloudAdapter;
  bot: DvcBot;
  /** Whether the store answers (files, or the PostgreSQL database). */
  health?: () => Promise<StoreHealth>;
  /** More route groups (Direct Line, staff, help desk), each adding its routes. */
  routes?: Array<(server: Server) => void>;
}

/** Builds the HTTP server, not yet listening (src/index.ts listens). */
export function createServer(deps: ServerDeps): Server {
  const { logger } = deps;
  const server = restify.createServer({ name: 'dvc-assistant', handleUncaughtExceptions: false });
  server.use(restify.plugins.queryParser({ mapParams: false }));
  server.use(restify.plugins.bodyParser({ maxBodySize: MAX_BODY_BYTES, mapParams: false, mapFiles: false, keepExtensions: false }));

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

  server.post('/api/messages', route(logger, async (req, res) => {
    // botbuilder answers a malformed activity in its own plain-text shape: refuse it here, in ours.
    const activity = jsonBody(req);
    if (typeof activity.type !== 'string') throw new AppError('VALIDATION_FAILED', 'Send a Bot Framework activity: a JSON object with a "type".');
    await deps.adapter.process(req, res, (context) => deps.bot.run(context));
  }));

  for (const addRoutes of deps.routes ?? []) addRoutes(server);
  return server;
}
