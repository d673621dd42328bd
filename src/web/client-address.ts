import type { Request } from 'restify';

/**
 * The address a request came from. Behind one reverse proxy (TRUST_PROXY=1) that is the last
 * X-Forwarded-For entry, the one the proxy added; earlier entries are the client's to forge.
 */
export function clientAddress(req: Request, trustProxy: boolean): string | undefined {
  if (trustProxy) {
    const header = req.header('x-forwarded-for');
    const last = typeof header === 'string' ? header.split(',').map((s) => s.trim()).filter(Boolean).at(-1) : undefined;
    if (last) return last;
  }
  return req.socket?.remoteAddress ?? undefined;
}
