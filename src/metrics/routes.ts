import { createServer, type Server as HttpServer } from 'node:http';
import type { Request, Response, Server } from 'restify';
import { AppError } from '../errors.js';
import type { Logger } from '../log/logger.js';
import { staffRoute } from '../web/staff-auth.js';
import type { Metrics, MetricsSource } from './metrics.js';

// `GET /metrics` for Prometheus: on the main port behind the admin token, and, when
// METRICS_PORT is set, on that port without a token (for a scraper on the operators' network;
// that port must not be reachable from the Internet).

export function metricsRoutes(deps: { logger: Logger; token: string; metrics: Metrics }): (server: Server) => void {
  return (server) => {
    server.get('/metrics', staffRoute(deps.logger, deps.token, async (_req: Request, res: Response) => {
      const body = Buffer.from(await deps.metrics.text());
      res.writeHead(200, { 'Content-Type': deps.metrics.contentType, 'Content-Length': body.length, 'Cache-Control': 'no-store' });
      res.end(body);
    }));
  };
}

/** The server of METRICS_PORT, not yet listening: `GET /metrics` and nothing else. */
export function metricsServer(metrics: MetricsSource, logger: Logger): HttpServer {
  return createServer((req, res) => {
    const path = (req.url ?? '').split('?')[0];
    const fail = (error: AppError) => {
      res.writeHead(error.status, { 'Content-Type': 'application/json; charset=utf-8' });
      res.end(JSON.stringify(error.toJSON()));
    };
    if (path !== '/metrics') return fail(new AppError('NOT_FOUND'));
    if (req.method !== 'GET' && req.method !== 'HEAD') return fail(new AppError('METHOD_NOT_ALLOWED'));
    metrics.text().then((text) => {
      res.writeHead(200, { 'Content-Type': metrics.contentType, 'Cache-Control': 'no-store' });
      res.end(req.method === 'HEAD' ? undefined : text);
    }, (err: unknown) => {
      logger.error({ err: { name: (err as Error)?.name } }, 'metrics could not be collected');
      fail(new AppError('INTERNAL'));
    });
  });
}
