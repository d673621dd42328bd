import { readFile } from 'node:fs/promises';
import path from 'node:path';
import type { Request, Response, Server } from 'restify';
import { PROJECT_ROOT } from '../../config.js';
import { AppError } from '../../errors.js';
import type { Logger } from '../../log/logger.js';
import { route } from '../../web/respond-error.js';

// The staff page: static files from public/admin/, no build step. The page holds no data;
// everything it shows comes from the admin API with the token staff type in.

export const ADMIN_PAGE_DIR = path.join(PROJECT_ROOT, 'public', 'admin');

const TYPES: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.svg': 'image/svg+xml',
  '.ico': 'image/x-icon',
};

/** Scripts and styles from this origin only: no inline script, nothing from a CDN. */
const CSP = "default-src 'self'; script-src 'self'; style-src 'self'; img-src 'self' data:; connect-src 'self'; frame-ancestors 'none'; base-uri 'none'; form-action 'self'";

/** The page at `base` (index.html) and its files under `base/`; the help-desk console uses it too. */
export function pageRoutes(logger: Logger, dir = ADMIN_PAGE_DIR, base = '/admin') {
  const serve = async (res: Response, file: string): Promise<void> => {
    const type = TYPES[path.extname(file)];
    const resolved = path.resolve(dir, file);
    if (!type || !resolved.startsWith(dir + path.sep)) throw new AppError('NOT_FOUND');
    let body: Buffer;
    try {
      body = await readFile(resolved);
    } catch {
      throw new AppError('NOT_FOUND');
    }
    res.writeHead(200, {
      'content-type': type,
      'content-length': body.length,
      'cache-control': 'no-cache',
      'content-security-policy': CSP,
      'x-content-type-options': 'nosniff',
      'referrer-policy': 'no-referrer',
    });
    res.end(body);
  };
  return (server: Server): void => {
    server.get(base, route(logger, (_req: Request, res: Response) => serve(res, 'index.html')));
    server.get(`${base}/*`, route(logger, (req: Request, res: Response) => {
      const rest: unknown = req.params?.['*'];
      return serve(res, typeof rest === 'string' && rest ? rest : 'index.html');
    }));
  };
}
