import type { Request, Response, Server } from 'restify';
import { AppError, toAppError, type ErrorCode } from '../errors.js';
import type { Logger } from '../log/logger.js';
import type { z } from 'zod';
import { describeIssues } from '../data/read-data-file.js';

// One error handler: every API error is `{ "error": CODE, "message": "..." }` with its status.

const RESTIFY_ERRORS: Record<string, ErrorCode> = {
  InvalidContentError: 'INVALID_JSON',
  BadRequestError: 'BAD_REQUEST',
  PayloadTooLargeError: 'PAYLOAD_TOO_LARGE',
  RequestEntityTooLargeError: 'PAYLOAD_TOO_LARGE',
  UnsupportedMediaTypeError: 'UNSUPPORTED_MEDIA_TYPE',
  ResourceNotFoundError: 'NOT_FOUND',
  NotFoundError: 'NOT_FOUND',
  MethodNotAllowedError: 'METHOD_NOT_ALLOWED',
  UnauthorizedError: 'UNAUTHORIZED',
  TooManyRequestsError: 'TOO_MANY_REQUESTS',
};

/** Maps whatever went wrong (ours or restify's) to an AppError. */
export function classifyError(err: unknown): AppError {
  if (err instanceof AppError) return err;
  const name = (err as { name?: string } | null)?.name ?? '';
  const code = RESTIFY_ERRORS[name];
  if (code) return new AppError(code);
  const status = (err as { statusCode?: number } | null)?.statusCode;
  if (status === 413) return new AppError('PAYLOAD_TOO_LARGE');
  if (status && status >= 400 && status < 500) return new AppError('BAD_REQUEST');
  return toAppError(err);
}

export function sendError(res: Response, err: unknown, logger: Logger): void {
  const appError = classifyError(err);
  if (appError.status >= 500) logger.error({ err: { name: (err as Error)?.name, code: appError.code } }, 'request failed');
  if (!res.headersSent) res.send(appError.status, appError.toJSON());
}

type Handler = (req: Request, res: Response) => Promise<unknown> | unknown;

/** Wraps a route handler: its errors become JSON answers, never a stack trace. */
export function route(logger: Logger, handler: Handler) {
  // restify 11 takes an async handler of exactly two arguments and ends the chain when it settles.
  return async (req: Request, res: Response): Promise<void> => {
    try {
      await handler(req, res);
    } catch (err) {
      sendError(res, err, logger);
    }
  };
}

/** A JSON object body, or a 400 that says so. */
export function jsonBody(req: Request): Record<string, unknown> {
  const body: unknown = req.body;
  if (!body || typeof body !== 'object' || Array.isArray(body)) {
    throw new AppError('VALIDATION_FAILED', 'The body must be a JSON object.');
  }
  return body as Record<string, unknown>;
}

/** A JSON object body; an empty body counts as `{}` for routes whose fields are all optional. */
export function optionalBody(req: Request): Record<string, unknown> {
  return req.body === undefined || req.body === null || req.body === '' ? {} : jsonBody(req);
}

/** The value checked against the schema, or a 400 that names every field that is wrong. */
export function parseRequest<T>(schema: z.ZodType<T, z.ZodTypeDef, unknown>, value: unknown): T {
  const result = schema.safeParse(value);
  if (!result.success) throw new AppError('VALIDATION_FAILED', describeIssues(result.error.issues).join('; '));
  return result.data;
}

/** Errors raised by restify itself (404, 405, bad JSON, too large) get our JSON shape. */
export function jsonRestifyErrors(server: Server): void {
  server.on('restifyError', (_req, _res, err: Error & { toJSON?: () => unknown; statusCode?: number }, callback: () => void) => {
    const appError = classifyError(err);
    err.toJSON = () => appError.toJSON();
    err.statusCode = appError.status;
    callback();
  });
}
