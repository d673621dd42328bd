import path from 'node:path';
import type { Request, Response, Server } from 'restify';
import { PROJECT_ROOT } from '../config.js';
import { AppError } from '../errors.js';
import type { Logger } from '../log/logger.js';
import { route } from '../web/respond-error.js';
import { StaticFileCache, contentTypeOf, fileInside, sendBody } from '../web/static-files.js';

// The staff page: static files from public/admin/, no build step, served like the citizens'
// pages (web/static-files.ts). The page holds no data; everything it shows comes from the
// admin API with the token staff type in.

export const ADMIN_PAGE_DIR = path.join(PROJECT_ROOT, 'public', 'admin');

/** Scripts and styles from this origin only: no inline script, nothing from a CDN. */
const CSP = "default-src 'self'; script-src 'self'; style-src 'self'; img-src 'self' data:; connect-src 'self'; frame-ancestors 'none'; base-uri 'none'; form-action 'self'";
const HEADERS = { 'Content-Security-Policy': CSP, 'Referrer-Policy': 'no-referrer' };

/** The page at `base` (index.html) and its files under `base/`; the help-desk console uses it too. */
export function pageRoutes(logger: Logger, dir = ADMIN_PAGE_DIR, base = '/admin') {
  const cache = new StaticFileCache();
  const serve = async (req: Request, res: Response, requested: string): Promise<void> => {
    const file = fileInside(dir, requested);
    const contentType = file ? contentTypeOf(file) : undefined;
    if (!file || !contentType) throw new AppError('NOT_FOUND');
    sendBody(req, res, await cache.load(file), { contentType, cacheControl: 'no-cache', headers: HEADERS });
  };
  return (server: Server): void => {
    server.get(base, route(logger, (req: Request, res: Response) => serve(req, res, 'index.html')));
    server.get(`${base}/*`, route(logger, (req: Request, res: Response) => {
      const rest: unknown = req.params?.['*'];
      return serve(req, res, typeof rest === 'string' && rest ? rest : 'index.html');
    }));
  };
}
