import type { Request, Response, Server } from 'restify';
import { AppError } from '../errors.js';
import type { Logger } from '../log/logger.js';
import { addDays, isDate } from '../store/analytics-day.js';
import { staffRoute } from '../web/staff-auth.js';
import type { Analytics } from './analytics.js';
import { reportCsv } from './csv.js';

// The figures for staff (admin token): `GET /api/admin/analytics?from=&to=` as JSON, or as CSV
// with `format=csv`; `GET /api/admin/analytics/traffic?models=a,b`, what citizens met while
// each model served (the retraining report shows it beside the cross-validated figures).

/** The range shown when none is asked for: the last 30 days. */
export const DEFAULT_DAYS = 30;
/** The longest range one request may ask for. */
export const MAX_RANGE_DAYS = 1100;
const MAX_MODELS = 10;

export interface AnalyticsRoutesDeps {
  logger: Logger;
  token: string;
  analytics: Analytics;
}

function query(req: Request, name: string): string | undefined {
  const value: unknown = (req.query as Record<string, unknown> | undefined)?.[name];
  if (value === undefined || value === '') return undefined;
  if (typeof value !== 'string') throw new AppError('VALIDATION_FAILED', `"${name}" must be given once.`);
  return value;
}

/** The asked range, checked: YYYY-MM-DD dates, from ≤ to, at most MAX_RANGE_DAYS. */
export function dateRange(req: Request, today: string): { from: string; to: string } {
  const to = query(req, 'to') ?? today;
  const from = query(req, 'from') ?? addDays(to, 1 - DEFAULT_DAYS);
  for (const [name, value] of [['from', from], ['to', to]] as const) {
    if (!isDate(value)) throw new AppError('VALIDATION_FAILED', `"${name}" must be a date as YYYY-MM-DD, e.g. ${today}.`);
  }
  if (from > to) throw new AppError('VALIDATION_FAILED', '"from" must not be after "to".');
  if (addDays(from, MAX_RANGE_DAYS) <= to) throw new AppError('VALIDATION_FAILED', `A range may span at most ${MAX_RANGE_DAYS} days.`);
  return { from, to };
}

export function analyticsRoutes(deps: AnalyticsRoutesDeps): (server: Server) => void {
  const { logger, token, analytics } = deps;
  return (server) => {
    server.get('/api/admin/analytics', staffRoute(logger, token, async (req: Request, res: Response) => {
      const format = query(req, 'format') ?? 'json';
      if (format !== 'json' && format !== 'csv') throw new AppError('VALIDATION_FAILED', '"format" must be json or csv.');
      const { from, to } = dateRange(req, analytics.today());
      const report = await analytics.report(from, to);
      if (format === 'json') {
        res.send(200, report);
        return;
      }
      const body = Buffer.from(reportCsv(report));
      res.writeHead(200, {
        'Content-Type': 'text/csv; charset=utf-8',
        'Content-Disposition': `attachment; filename="thong-ke-${from}-${to}.csv"`,
        'Content-Length': body.length,
        'Cache-Control': 'no-store',
      });
      res.end(body);
    }));

    server.get('/api/admin/analytics/traffic', staffRoute(logger, token, async (req: Request, res: Response) => {
      const models = (query(req, 'models') ?? '').split(',').map((m) => m.trim()).filter(Boolean);
      if (!models.length || models.length > MAX_MODELS) throw new AppError('VALIDATION_FAILED', `Name 1 to ${MAX_MODELS} models: ?models=<id>,<id>.`);
      res.send(200, await analytics.traffic(models));
    }));
  };
}
