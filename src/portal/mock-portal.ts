import { setTimeout as sleep } from 'node:timers/promises';
import restify, { type Request, type Response, type Server } from 'restify';
import { z } from 'zod';
import { AppError } from '../errors.js';
import { silentLogger, type Logger } from '../log/logger.js';
import { jsonBody, jsonRestifyErrors, parseRequest, route } from '../web/respond-error.js';
import { isDossierCode } from '../nlu/dossier-code.js';
import { DossierStore, SEED_FILE } from './dossier-store.js';
import { dossierStatusSchema, type Dossier } from './portal-client.js';
import { isOverdue } from './overdue.js';

// A stand-in for the provincial dossier portal: the same HTTP API the assistant's client
// speaks, over a lowdb file, with faults that tests and demos can switch on (slow answers,
// 503s, answers in the wrong shape) without touching the assistant.

/** Faults applied to reads (GET /dossiers…), never to writes. */
export interface MockPortalFaults {
  /** Wait this long before answering. */
  delayMs: number;
  /** Probability (0–1) that a read answers 503. */
  failRate: number;
  /** The next N reads answer 503, then reads work again: deterministic retry tests. */
  failNext: number;
  /** Answer 200 with dossiers that break the schema (a portal that changed its format). */
  badAnswer: boolean;
}

export interface MockPortalOptions extends Partial<MockPortalFaults> {
  /** The lowdb JSON file; created from `seedFile` on first start. */
  dataFile: string;
  seedFile?: string;
  logger?: Logger;
  /** Replaces Math.random for failRate. */
  random?: () => number;
}

const faultsSchema = z.object({
  delayMs: z.number().int().min(0).max(120_000),
  failRate: z.number().min(0).max(1),
  failNext: z.number().int().min(0),
  badAnswer: z.boolean(),
}).partial().strict();

const listQuerySchema = z.object({
  overdue: z.enum(['1', 'true', '0', 'false']).optional(),
  now: z.string().datetime({ offset: true, message: 'must be an ISO 8601 date-time' }).optional(),
}).passthrough();

const eventSchema = z.object({
  status: dossierStatusSchema,
  by: z.string().trim().min(1),
  at: z.string().datetime({ offset: true }).optional(),
  note: z.string().optional(),
}).strict();

/** Builds the mock portal's server, not yet listening (mock-portal-main.ts listens). */
export async function createMockPortal(options: MockPortalOptions): Promise<Server> {
  const logger = options.logger ?? silentLogger;
  const random = options.random ?? Math.random;
  const store = await DossierStore.open(options.dataFile, options.seedFile ?? SEED_FILE);
  const faults: MockPortalFaults = faultsSchema.required().parse({
    delayMs: options.delayMs ?? 0,
    failRate: options.failRate ?? 0,
    failNext: options.failNext ?? 0,
    badAnswer: options.badAnswer ?? false,
  });
  let reads = 0;

  const server = restify.createServer({ name: 'dvc-mock-portal', handleUncaughtExceptions: false });
  server.use(restify.plugins.queryParser({ mapParams: false }));
  server.use(restify.plugins.bodyParser({ maxBodySize: 64 * 1024, mapParams: false, mapFiles: false }));
  jsonRestifyErrors(server);

  const read = (handler: (req: Request, res: Response) => unknown) => route(logger, async (req, res) => {
    reads += 1;
    if (faults.delayMs > 0) await sleep(faults.delayMs);
    if (faults.failNext > 0 || random() < faults.failRate) {
      faults.failNext = Math.max(0, faults.failNext - 1);
      throw new AppError('PORTAL_UNAVAILABLE', 'Mock portal: injected failure.');
    }
    await handler(req, res);
  });
  const shown = (dossier: Dossier): unknown => (faults.badAnswer ? { ...dossier, status: 'lost', dueAt: 'next week' } : dossier);

  server.get('/dossiers/:code', read((req, res) => {
    res.send(200, shown(findOrThrow(store, String(req.params.code ?? ''))));
  }));

  server.get('/dossiers', read((req, res) => {
    const query = parseRequest(listQuerySchema, req.query ?? {});
    const now = query.now ? new Date(query.now) : new Date();
    const overdueOnly = query.overdue === '1' || query.overdue === 'true';
    const dossiers = store.all().filter((d) => !overdueOnly || isOverdue(d, now));
    res.send(200, { dossiers: dossiers.map(shown) });
  }));

  // An officer moving a dossier along; lets demos show overdue and finished dossiers live.
  server.post('/dossiers/:code/status', route(logger, async (req, res) => {
    const code = String(req.params.code ?? '');
    findOrThrow(store, code);
    const event = parseRequest(eventSchema, jsonBody(req));
    const { at, ...rest } = event;
    res.send(200, await store.addEvent(code, { ...rest, at: at ?? new Date().toISOString() }));
  }));

  server.get('/_control', route(logger, (_req, res) => {
    res.send(200, { ...faults, reads });
  }));

  server.post('/_control', route(logger, (req, res) => {
    Object.assign(faults, parseRequest(faultsSchema, jsonBody(req)));
    res.send(200, { ...faults, reads });
  }));

  return server;
}

function findOrThrow(store: DossierStore, code: string): Dossier {
  if (!isDossierCode(code)) throw new AppError('BAD_DOSSIER_CODE');
  const dossier = store.find(code);
  if (!dossier) throw new AppError('DOSSIER_NOT_FOUND');
  return dossier;
}
