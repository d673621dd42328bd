import { randomBytes, timingSafeEqual, createHash } from 'node:crypto';
import type { Request, Response } from 'restify';
import { AppError } from '../errors.js';
import type { Logger } from '../log/logger.js';
import type { SecretStore } from '../store/secret-store.js';
import { route } from './respond-error.js';

// Staff routes (/api/admin/*, /api/helpdesk/*) need `Authorization: Bearer <token>`.

export type StaffRole = 'admin' | 'helpdesk';

export interface StaffTokens {
  admin: string;
  helpdesk: string;
}

const TOKEN_NAMES = { admin: 'admin-token', helpdesk: 'helpdesk-token' } as const;

/**
 * The configured tokens; a role without one gets a random token made on first start and kept
 * (SecretStore: in DATA_DIR, owner-only, or in the database), so a fresh install is never open. The log says where, never the token.
 */
export async function loadStaffTokens(
  configured: { admin?: string | undefined; helpdesk?: string | undefined },
  secrets: SecretStore,
  logger: Logger,
): Promise<StaffTokens> {
  const resolve = async (role: StaffRole): Promise<string> => {
    const given = configured[role];
    if (given) return given;
    const kept = await secrets.obtain(TOKEN_NAMES[role], () => randomBytes(24).toString('base64url'));
    if (kept.created) logger.warn({ file: kept.where }, `no ${role} token configured: made one and kept it in ${kept.where}`);
    else logger.info({ file: kept.where }, `${role} token read from ${kept.where}`);
    return kept.value;
  };
  return { admin: await resolve('admin'), helpdesk: await resolve('helpdesk') };
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
