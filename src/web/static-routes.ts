import { randomBytes } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';
import type { Request, Response, Server } from 'restify';
import { z } from 'zod';
import { PROJECT_ROOT } from '../config.js';
import { AppError } from '../errors.js';
import type { Logger } from '../log/logger.js';
import { route } from './respond-error.js';
import { StaticFileCache, contentTypeOf, fileInside, sendBody } from './static-files.js';

// The citizens' chat: the page at `/`, the page the widget frames (`/embed`), the one-line
// embed script (`/widget.js`), their assets, and Web Chat's browser bundle from node_modules
// (the servers have no internet, so no CDN); Chart.js's browser build for the staff pages'
// statistics (`/vendor/chart.js`). `/admin` is left to the staff pages.

export const PUBLIC_DIR = path.join(PROJECT_ROOT, 'public');

/** A browser file of an installed package and the package's version (which versions its URL, so it can be cached for good). */
function packageFile(name: string, file: string): { file: string; version: string } {
  const entry = createRequire(import.meta.url).resolve(name);
  const packageDir = path.resolve(path.dirname(entry), '..');
  const { version } = z.object({ version: z.string() }).parse(JSON.parse(readFileSync(path.join(packageDir, 'package.json'), 'utf8')));
  return { file: path.join(packageDir, file), version };
}

/** Web Chat's browser bundle. */
export function webChatBundle(): { file: string; version: string } {
  return packageFile('botframework-webchat', 'dist/webchat.js');
}

/** Chart.js's browser build (UMD, canvas; no eval, no inline style), for the staff statistics tab. */
export function chartBundle(): { file: string; version: string } {
  return packageFile('chart.js', 'dist/chart.umd.min.js');
}

/**
 * The hash of the empty string. Web Chat 4.18 hands its nonce to its own style sheets but not to
 * react-scroll-to-bottom's (microsoft/BotFramework-WebChat#5409), which adds an empty <style> and
 * fills it through the CSSOM (insertRule), which CSP does not police. Allowing exactly the empty
 * inline style lets that one through and nothing else.
 */
const EMPTY_STYLE_HASH = "'sha256-47DEQpj8HBSa+/TImW+5JCeuQeRkm5NMpJWZG3hSuFU='";

/**
 * The pages' policy. Scripts only from this server (Web Chat runs without eval); styles from
 * this server or carrying the page's nonce (Web Chat's emotion styles get it); requests only
 * to this server's Direct Line. `/embed` may be framed by any site: that is what the widget does.
 */
export function contentSecurityPolicy(nonce: string, framing: 'none' | 'any'): string {
  return [
    "default-src 'none'",
    "script-src 'self'",
    `style-src 'self' 'nonce-${nonce}' ${EMPTY_STYLE_HASH}`,
    "img-src 'self' data: blob:",
    "font-src 'self' data:",
    "connect-src 'self'",
    "base-uri 'none'",
    "form-action 'none'",
    `frame-ancestors ${framing === 'any' ? '*' : "'none'"}`,
  ].join('; ');
}

const PAGES = {
  '/': { file: 'index.html', framing: 'none' },
  '/embed': { file: 'embed.html', framing: 'any' },
} as const;

/** Project files: revalidated on every use (a 304 costs little), so a deploy shows at once. */
const REVALIDATE = 'no-cache';
/** The widget script is loaded by other sites' pages: cached briefly, fetchable from anywhere. */
const WIDGET_CACHE = 'public, max-age=300';
const BUNDLE_CACHE_VERSIONED = 'public, max-age=31536000, immutable';
const BUNDLE_CACHE = 'public, max-age=3600';

export interface StaticRoutesOptions {
  logger: Logger;
  publicDir?: string;
}

export function staticRoutes(options: StaticRoutesOptions): (server: Server) => void {
  const { logger } = options;
  const publicDir = options.publicDir ?? PUBLIC_DIR;
  const bundle = webChatBundle();
  const charts = chartBundle();
  const cache = new StaticFileCache();

  const page = (file: string, framing: 'none' | 'any') => async (req: Request, res: Response): Promise<void> => {
    const nonce = randomBytes(16).toString('base64');
    const template = (await cache.load(path.join(publicDir, file))).body.toString('utf8');
    const html = template
      .replaceAll('{{nonce}}', nonce)
      .replaceAll('{{webchatVersion}}', encodeURIComponent(bundle.version));
    const headers: Record<string, string> = {
      'Content-Security-Policy': contentSecurityPolicy(nonce, framing),
      'Referrer-Policy': 'no-referrer',
      'Permissions-Policy': 'camera=(), microphone=(), geolocation=()',
    };
    if (framing === 'none') headers['X-Frame-Options'] = 'DENY';
    // A nonce is good for one answer only: never cache the page.
    sendBody(req, res, { body: Buffer.from(html), gzipped: null, etag: null }, {
      contentType: 'text/html; charset=utf-8', cacheControl: 'no-store', headers,
    });
  };

  const file = (resolve: (req: Request) => string | null, cacheControl: (req: Request) => string, headers: Record<string, string> = {}) =>
    async (req: Request, res: Response): Promise<void> => {
      const target = resolve(req);
      const contentType = target ? contentTypeOf(target) : undefined;
      if (!target || !contentType) throw new AppError('NOT_FOUND');
      sendBody(req, res, await cache.load(target), { contentType, cacheControl: cacheControl(req), headers });
    };

  const get = (server: Server, url: string, handler: (req: Request, res: Response) => Promise<void>): void => {
    server.get(url, route(logger, handler));
    server.head(url, route(logger, handler));
  };

  return (server) => {
    for (const [url, { file: name, framing }] of Object.entries(PAGES)) get(server, url, page(name, framing));

    get(server, '/widget.js', file(() => path.join(publicDir, 'widget.js'), () => WIDGET_CACHE, {
      'Access-Control-Allow-Origin': '*',
      'Cross-Origin-Resource-Policy': 'cross-origin',
    }));

    get(server, '/assets/*', file((req) => fileInside(path.join(publicDir, 'assets'), String(req.params['*'] ?? '')), () => REVALIDATE));

    for (const [url, served] of [['/webchat/webchat.js', bundle], ['/vendor/chart.js', charts]] as const) {
      get(server, url, file(() => served.file, (req) => {
        const asked: unknown = (req.query as Record<string, unknown> | undefined)?.v;
        return asked === served.version ? BUNDLE_CACHE_VERSIONED : BUNDLE_CACHE;
      }));
    }
  };
}
