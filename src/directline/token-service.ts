import { createHmac, randomBytes, timingSafeEqual } from 'node:crypto';
import { z } from 'zod';
import { AppError } from '../errors.js';
import type { Logger } from '../log/logger.js';
import type { SecretStore } from '../store/secret-store.js';

// Direct Line tokens: `<payload>.<signature>`, both base64url; the payload names the one
// conversation the token opens and when it expires; the signature is an HMAC-SHA256 under a
// secret kept by the server (SecretStore, shared by every process on one store) or configured
// (DIRECT_LINE_SECRET). No token table is needed, and a restart keeps tokens valid. A stream
// token, for the WebSocket of one conversation, lives a few minutes and opens nothing else.

export const SECRET_NAME = 'directline-secret';
export const TOKEN_TTL_SECONDS = 3600;
/** A streamUrl is used at once (and asked for again to reconnect). */
export const STREAM_TOKEN_TTL_SECONDS = 300;
const SECRET_BYTES = 32;

/** What a token's payload says: the conversation it opens, when it expires (seconds), and `s: 1` for a stream token. */
const claimsSchema = z.object({ c: z.string(), e: z.number(), s: z.literal(1).optional() });

function parseJson(text: string): unknown {
  try {
    return JSON.parse(text);
  } catch {
    return undefined;
  }
}

export interface IssuedToken {
  token: string;
  expiresIn: number;
}

export class TokenService {
  constructor(
    private readonly secret: Buffer,
    private readonly options: { ttlSeconds?: number; now?: () => number } = {},
  ) {}

  /** The configured secret (hex), else the kept one, or a random one made and kept now. */
  static async open(secrets: SecretStore, logger: Logger, configured?: string): Promise<TokenService> {
    if (configured) return new TokenService(Buffer.from(configured, 'hex'), { ttlSeconds: TOKEN_TTL_SECONDS });
    const kept = await secrets.obtain(SECRET_NAME, () => randomBytes(SECRET_BYTES).toString('hex'));
    if (kept.created) logger.info({ where: kept.where }, 'created a new Direct Line token secret');
    const secret = Buffer.from(kept.value, 'hex');
    if (secret.length < SECRET_BYTES) throw new Error(`${kept.where} does not hold a ${SECRET_BYTES}-byte hex secret; delete it to make a new one`);
    return new TokenService(secret, { ttlSeconds: TOKEN_TTL_SECONDS });
  }

  issue(conversationId: string): IssuedToken {
    return this.make(conversationId, this.options.ttlSeconds ?? TOKEN_TTL_SECONDS, false);
  }

  /** A token for the conversation's WebSocket only. */
  issueStream(conversationId: string): string {
    return this.make(conversationId, STREAM_TOKEN_TTL_SECONDS, true).token;
  }

  /** The conversation a stream token opens; FORBIDDEN for any other token. */
  streamConversationOf(token: string): string {
    const claims = this.verify(token);
    if (claims.s !== 1) throw new AppError('FORBIDDEN', 'This is not a Direct Line stream token.');
    return claims.c;
  }

  /**
   * The conversation an `Authorization: Bearer <token>` header opens. A missing or malformed
   * header is 401 (the caller did not authenticate); a forged or expired token is 403, as
   * Direct Line answers.
   */
  conversationOf(header: string | undefined): string {
    const match = /^Bearer\s+([A-Za-z0-9_-]+\.[A-Za-z0-9_-]+)$/.exec(header?.trim() ?? '');
    if (!match?.[1]) throw new AppError('UNAUTHORIZED', 'Send "Authorization: Bearer <token>" with a Direct Line token.');
    const claims = this.verify(match[1]);
    if (claims.s === 1) throw new AppError('FORBIDDEN', 'A stream token opens the conversation\'s WebSocket only.');
    return claims.c;
  }

  /** Like conversationOf, and the token must be for this conversation. */
  authorize(header: string | undefined, conversationId: string): void {
    if (this.conversationOf(header) !== conversationId) {
      throw new AppError('FORBIDDEN', 'This Direct Line token is for another conversation.');
    }
  }

  private make(conversationId: string, expiresIn: number, stream: boolean): IssuedToken {
    const payload = Buffer.from(JSON.stringify({
      c: conversationId,
      e: Math.floor(this.now() / 1000) + expiresIn,
      n: randomBytes(8).toString('base64url'),
      ...(stream ? { s: 1 } : {}),
    })).toString('base64url');
    return { token: `${payload}.${this.sign(payload)}`, expiresIn };
  }

  /** The claims of a token signed here and not expired; FORBIDDEN otherwise. */
  private verify(token: string): z.infer<typeof claimsSchema> {
    const [payload = '', signature = '', extra] = token.split('.');
    const expected = Buffer.from(this.sign(payload));
    const given = Buffer.from(signature);
    if (extra !== undefined || given.length !== expected.length || !timingSafeEqual(given, expected)) {
      throw new AppError('FORBIDDEN', 'This Direct Line token is not valid.');
    }
    const parsed = claimsSchema.safeParse(parseJson(Buffer.from(payload, 'base64url').toString('utf8')));
    if (!parsed.success) throw new AppError('FORBIDDEN', 'This Direct Line token is not valid.');
    const claims = parsed.data;
    if (claims.e * 1000 <= this.now()) throw new AppError('FORBIDDEN', 'This Direct Line token has expired; start a new conversation or refresh the token before it expires.');
    return claims;
  }

  private sign(payload: string): string {
    return createHmac('sha256', this.secret).update(payload).digest('base64url');
  }

  private now(): number {
    return (this.options.now ?? Date.now)();
  }
}
