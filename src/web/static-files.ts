import { createHash } from 'node:crypto';
import { readFile, stat } from 'node:fs/promises';
import path from 'node:path';
import { promisify } from 'node:util';
import { gzip } from 'node:zlib';
import type { Request, Response } from 'restify';
import { AppError } from '../errors.js';

// Small static files (pages, scripts, styles) and the Web Chat bundle, served from memory:
// read once, re-read when the file changes on disk, gzipped once when that pays off.
// Routes name the files or the one folder they serve; nothing else on disk is reachable.

const gzipAsync = promisify(gzip);

const CONTENT_TYPES: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.mjs': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.json': 'application/json; charset=utf-8',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.ico': 'image/x-icon',
  '.txt': 'text/plain; charset=utf-8',
  '.woff2': 'font/woff2',
};

/** Text formats are worth compressing; a few hundred bytes are not. */
const COMPRESSIBLE = /^(text\/|application\/json|image\/svg\+xml)/;
const MIN_GZIP_BYTES = 1024;

export function contentTypeOf(file: string): string | undefined {
  return CONTENT_TYPES[path.extname(file).toLowerCase()];
}

interface Loaded {
  mtimeMs: number;
  size: number;
  body: Buffer;
  gzipped: Buffer | null;
  etag: string;
}

export class StaticFileCache {
  private readonly files = new Map<string, Promise<Loaded>>();

  /** The file's bytes (and gzipped bytes), fresh from disk when it changed; NOT_FOUND when it is missing. */
  async load(file: string): Promise<Loaded> {
    let info;
    try {
      info = await stat(file);
    } catch (err) {
      if ((err as NodeJS.ErrnoException).code === 'ENOENT') throw new AppError('NOT_FOUND');
      throw err;
    }
    if (!info.isFile()) throw new AppError('NOT_FOUND');
    const cached = this.files.get(file);
    if (cached) {
      const loaded = await cached.catch(() => undefined);
      if (loaded && loaded.mtimeMs === info.mtimeMs && loaded.size === info.size) return loaded;
    }
    const loading = read(file, info.mtimeMs);
    this.files.set(file, loading);
    loading.catch(() => this.files.delete(file));
    return loading;
  }
}

async function read(file: string, mtimeMs: number): Promise<Loaded> {
  const body = await readFile(file);
  const type = contentTypeOf(file) ?? '';
  const gzipped = COMPRESSIBLE.test(type) && body.length >= MIN_GZIP_BYTES ? await gzipAsync(body) : null;
  const etag = `"${createHash('sha256').update(body).digest('base64url').slice(0, 27)}"`;
  return { mtimeMs, size: body.length, body, gzipped, etag };
}

export interface SendOptions {
  /** Content type; by default from the file's extension. */
  contentType?: string;
  cacheControl: string;
  headers?: Record<string, string>;
}

/** Sends a body with its validators: 304 for a matching If-None-Match, gzip when the client takes it. */
export function sendBody(req: Request, res: Response, body: { body: Buffer; gzipped: Buffer | null; etag: string | null }, options: SendOptions & { contentType: string }): void {
  const headers: Record<string, string> = {
    'Content-Type': options.contentType,
    'Cache-Control': options.cacheControl,
    'X-Content-Type-Options': 'nosniff',
    ...(body.etag ? { ETag: body.etag } : {}),
    ...options.headers,
  };
  if (body.gzipped) headers.Vary = 'Accept-Encoding';
  if (body.etag && matches(req.header('if-none-match'), body.etag)) {
    res.writeHead(304, headers);
    res.end();
    return;
  }
  const gzipOk = body.gzipped !== null && /\bgzip\b/.test(req.header('accept-encoding') ?? '');
  const bytes = gzipOk && body.gzipped ? body.gzipped : body.body;
  if (gzipOk) headers['Content-Encoding'] = 'gzip';
  headers['Content-Length'] = String(bytes.length);
  res.writeHead(200, headers);
  res.end(req.method === 'HEAD' ? undefined : bytes);
}

function matches(header: string | undefined, etag: string): boolean {
  if (!header) return false;
  return header.split(',').some((tag) => tag.trim().replace(/^W\//, '') === etag || tag.trim() === '*');
}

/** A file inside `dir` named by a request path, or null when the path leaves `dir` or names a hidden file. */
export function fileInside(dir: string, requested: string): string | null {
  let relative: string;
  try {
    relative = decodeURIComponent(requested);
  } catch {
    return null;
  }
  if (relative.includes('\0') || relative.split(/[\\/]/).some((part) => part.startsWith('.'))) return null;
  const root = path.resolve(dir);
  const file = path.resolve(root, relative);
  return file.startsWith(root + path.sep) ? file : null;
}
