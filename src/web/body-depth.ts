import type { Request, Response, Next } from 'restify';
import { AppError } from '../errors.js';

// A JSON body nested thousands of levels deep parses, but everything that walks it
// recursively afterwards (JSON.stringify, structuredClone, botbuilder, the logs) overflows the
// stack. No request of ours nests deeper than a few levels: refuse such bodies at the door.

/** Deepest nesting a request body may have; a chat activity or a procedure edit needs under 10. */
export const MAX_BODY_DEPTH = 32;

/** How deep `value` nests (a scalar is 0, `[]` or `{}` 1), counted without recursion; stops past `limit`. */
export function jsonDepth(value: unknown, limit = Number.POSITIVE_INFINITY): number {
  let deepest = 0;
  const stack: Array<{ value: unknown; depth: number }> = [{ value, depth: 0 }];
  while (stack.length) {
    const { value: v, depth } = stack.pop()!;
    if (v === null || typeof v !== 'object') continue;
    const here = depth + 1;
    if (here > deepest) deepest = here;
    if (deepest > limit) return deepest;
    for (const child of Array.isArray(v) ? v : Object.values(v as Record<string, unknown>)) {
      if (child !== null && typeof child === 'object') stack.push({ value: child, depth: here });
    }
  }
  return deepest;
}

/** Middleware: a 400 for a body nested deeper than MAX_BODY_DEPTH; the route never sees it. */
export function rejectDeepBodies(req: Request, res: Response, next: Next): void {
  if (jsonDepth(req.body, MAX_BODY_DEPTH) > MAX_BODY_DEPTH) {
    // Answered here rather than through next(err): restify's error path formats the request too.
    const error = new AppError('VALIDATION_FAILED', `The body is nested more than ${MAX_BODY_DEPTH} levels deep.`);
    res.send(error.status, error.toJSON());
    next(false);
    return;
  }
  next();
}
