import { randomBytes, timingSafeEqual, createHash } from 'node:crypto';
import { readFileSync, writeFileSync, mkdirSync } from 'node:fs';
import path from 'node:path';
import type { Request, Response } from 'restify';
import { AppError } from '../errors.js';
import type { Logger } from '../log/logger.js';
import { route } from './respond-error.js';

// Staff routes (/api/admin/*, /api/helpdesk/*) need `Authorization: Bearer <token>`.

export type StaffRole = 'admin' | 'helpdesk';

export interface StaffTokens {
  admin: string;
  helpdesk: string;
}

const TOKEN_FILES: Record<StaffRole, string> = { admin: 'admin-token', helpdesk: 'helpdesk-token' };

/**
 * The configured tokens; a role without one gets a random token made on first start and kept
 * in DATA_DIR (owner-only), so a fresh install is never open. The log names the file, never the token.
 */
export function loadStaffTokens(
  configured: { admin?: string | undefined; helpdesk?: string | undefined },
  dataDir: string,
  logger: Logger,
): StaffTokens {
  const resolve = (role: StaffRole): string => {
    const given = configured[role];
    if (given) return given;
    const file = path.join(dataDir, TOKEN_FILES[role]);
    const existing = readToken(file);
    if (existing) {
      logger.info({ file }, `${role} token read from file`);
      return existing;
    }
    const token = randomBytes(24).toString('base64url');
    mkdirSync(dataDir, { recursive: true });
    writeFileSync(file, `${token}\n`, { mode: 0o600 });
    logger.warn({ file }, `no ${role} token configured: made one, readable by its owner only`);
    return token;
  };
  return { admin: resolve('admin'), helpdesk: resolve('helpdesk') };
}

function readToken(file: string): string | null {
  try {
    const token = readFileSync(file, 'utf8').trim();
    return token || null;
  } catch (err) {
    if ((err as NodeJS.ErrnoException).code === 'ENOENT') return null;
    throw err;
  }
}

/** Constant-time comparison; hashing first makes the lengths equal so length leaks nothing either. */
export function tokenMatches(given: string, expected: string): boolean {
  const a = createHash('sha256').update(given).digest();
  const b = createHash('sha256').update(expected).digest();
  return timingSafeEqual(a, b);
}

/** Throws UNAUTHORIZED unless the request carries `Authorization: Bearer <expected>`. */
export function requireBearer(req: Request, expected: string): void {
  const header = req.headers.authorization;
  const match = typeof header === 'string' ? /^Bearer\s+(\S+)\s*$/i.exec(header) : null;
  if (!match?.[1] || !tokenMatches(match[1], expected)) throw new AppError('UNAUTHORIZED');
}

type Handler = (req: Request, res: Response) => Promise<unknown> | unknown;

/** A route handler that runs only for the holder of `token`; errors become JSON like every route. */
export function staffRoute(logger: Logger, token: string, handler: Handler) {
  return route(logger, async (req, res) => {
    requireBearer(req, token);
    await handler(req, res);
  });
}
