import { setTimeout as sleep } from 'node:timers/promises';
import { z } from 'zod';
import { describeIssues } from '../data/read-data-file.js';
import { canonicalDossierCode, isDossierCode } from '../nlu/dossier-code.js';
import { dossierSchema, PortalError, type Dossier, type PortalClient } from './portal-client.js';

// Talks to the portal over HTTP. A citizen is waiting in the chat, so `timeoutMs` bounds the
// whole call, retries included: a slow portal costs one timeout, never (retries + 1) of them.

export interface HttpPortalClientOptions {
  /** The most a call may take, all attempts and waits included. */
  timeoutMs: number;
  /** Extra attempts after a network error or a 5xx; 4xx answers are final. */
  retries: number;
  /** Wait before the first retry; doubles for each further one. */
  backoffMs: number;
}

export const DEFAULT_PORTAL_OPTIONS: HttpPortalClientOptions = { timeoutMs: 3000, retries: 2, backoffMs: 100 };

const listSchema = z.object({ dossiers: z.array(dossierSchema) });

/** A failed attempt that another attempt might fix. */
class Transient extends Error {}

export class HttpPortalClient implements PortalClient {
  private readonly baseUrl: string;
  private readonly options: HttpPortalClientOptions;

  constructor(baseUrl: string, options: Partial<HttpPortalClientOptions> = {}) {
    this.baseUrl = baseUrl.replace(/\/+$/, '');
    this.options = { ...DEFAULT_PORTAL_OPTIONS, ...options };
  }

  async getDossier(code: string): Promise<Dossier> {
    // Checked here so a typo costs no request and is never reported as "portal down".
    if (!isDossierCode(code)) throw new PortalError('bad_code', 'The dossier code is malformed.');
    const canonical = canonicalDossierCode(code);
    const body = await this.read(`/dossiers/${encodeURIComponent(canonical)}`);
    const dossier = validate(dossierSchema, body);
    // An answer about another dossier would show a stranger's data: refuse it.
    if (canonicalDossierCode(dossier.code) !== canonical) {
      throw new PortalError('bad_answer', `The portal answered dossier ${dossier.code} for ${canonical}.`);
    }
    return dossier;
  }

  async listOverdue(now: Date): Promise<Dossier[]> {
    const query = new URLSearchParams({ overdue: '1', now: now.toISOString() });
    return validate(listSchema, await this.read(`/dossiers?${query}`)).dossiers;
  }

  async close(): Promise<void> {
    // Nothing held: global fetch pools its own connections.
  }

  /** GET with the deadline, retries and error mapping; returns the parsed JSON body. */
  private async read(pathAndQuery: string): Promise<unknown> {
    const deadline = AbortSignal.timeout(this.options.timeoutMs);
    let lastError: unknown;
    for (let attempt = 0; attempt <= this.options.retries; attempt += 1) {
      if (attempt > 0) {
        try {
          await sleep(this.options.backoffMs * 2 ** (attempt - 1), undefined, { signal: deadline });
        } catch {
          break;
        }
      }
      try {
        return await this.attempt(pathAndQuery, deadline);
      } catch (err) {
        if (!(err instanceof Transient)) throw err;
        lastError = err.cause;
        if (deadline.aborted) break;
      }
    }
    const why = deadline.aborted ? `did not answer within ${this.options.timeoutMs} ms` : 'is not answering';
    throw new PortalError('down', `The portal ${why}.`, { cause: lastError });
  }

  private async attempt(pathAndQuery: string, signal: AbortSignal): Promise<unknown> {
    let res: Response;
    let text: string;
    try {
      res = await fetch(this.baseUrl + pathAndQuery, { signal, headers: { accept: 'application/json' } });
      text = await res.text();
    } catch (err) {
      // Refused, reset, DNS, or the deadline: all mean "no answer", which a retry may fix.
      throw new Transient('no answer', { cause: err });
    }
    if (res.status >= 500) throw new Transient(`HTTP ${res.status}`, { cause: new Error(`HTTP ${res.status}: ${text.slice(0, 200)}`) });
    const body = parseJson(text);
    if (res.ok) return body;
    const error = (body as { error?: unknown } | undefined)?.error;
    // Only the portal's own codes count: a 404 from a wrong PORTAL_URL must not tell a
    // citizen that their dossier does not exist.
    if (res.status === 404 && error === 'DOSSIER_NOT_FOUND') throw new PortalError('not_found', 'No dossier has this code.');
    if (res.status === 400 && error === 'BAD_DOSSIER_CODE') throw new PortalError('bad_code', 'The portal says the dossier code is malformed.');
    if (res.status === 429) throw new PortalError('down', 'The portal is rate-limiting us.');
    throw new PortalError('bad_answer', `The portal answered HTTP ${res.status}.`, { cause: new Error(text.slice(0, 200)) });
  }
}

function parseJson(text: string): unknown {
  try {
    return JSON.parse(text);
  } catch (err) {
    throw new PortalError('bad_answer', 'The portal did not answer JSON.', { cause: err });
  }
}

function validate<T>(schema: z.ZodType<T, z.ZodTypeDef, unknown>, body: unknown): T {
  const result = schema.safeParse(body);
  if (!result.success) {
    throw new PortalError('bad_answer', `The portal's answer has the wrong shape: ${describeIssues(result.error.issues).join('; ')}`);
  }
  return result.data;
}
