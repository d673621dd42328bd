// The one error catalogue. Every API error answers `{ "error": CODE, "message": "..." }`
// with the status listed here; the README lists every code (a test checks it).

export const ERROR_CATALOGUE = {
  BAD_REQUEST: { status: 400, message: 'The request is malformed.' },
  INVALID_JSON: { status: 400, message: 'The request body is not valid JSON.' },
  VALIDATION_FAILED: { status: 400, message: 'The request does not have the expected shape.' },
  BAD_DOSSIER_CODE: { status: 400, message: 'The dossier code is malformed; expected <agency>-<yymmdd>-<4 digits>.' },
  UNKNOWN_INTENT: { status: 400, message: 'No intent has this name.' },
  UNKNOWN_PROCEDURE: { status: 400, message: 'No procedure has this id.' },
  UTTERANCE_CONFLICT: { status: 400, message: 'This utterance already belongs to another intent.' },
  EMPTY_INTENT: { status: 400, message: 'An intent needs at least one utterance.' },
  BAD_TICKET_CODE: { status: 400, message: 'The ticket code is malformed; expected HT- and 6 letters or digits, e.g. HT-7K3M9Q.' },
  UNAUTHORIZED: { status: 401, message: 'A valid bearer token is required.' },
  FORBIDDEN: { status: 403, message: 'This token may not access this resource.' },
  NOT_FOUND: { status: 404, message: 'No such resource.' },
  CONVERSATION_NOT_FOUND: { status: 404, message: 'No such conversation.' },
  DOSSIER_NOT_FOUND: { status: 404, message: 'No dossier has this code.' },
  TICKET_NOT_FOUND: { status: 404, message: 'No handoff ticket has this code.' },
  METHOD_NOT_ALLOWED: { status: 405, message: 'This method is not allowed here.' },
  CONFLICT: { status: 409, message: 'The resource was changed by someone else.' },
  MODEL_WORSE: { status: 409, message: 'The new model scores clearly worse than the one serving; confirm to promote it.' },
  TICKET_CLOSED: { status: 409, message: 'The ticket is closed; it takes no more replies.' },
  TICKET_HELD: { status: 409, message: 'Another officer holds this ticket.' },
  OFFICER_REQUIRED: { status: 400, message: 'Say who you are: an X-Officer header or an "officer" field.' },
  PAYLOAD_TOO_LARGE: { status: 413, message: 'The request body is too large.' },
  UNSUPPORTED_MEDIA_TYPE: { status: 415, message: 'Send the body as application/json.' },
  TOO_MANY_REQUESTS: { status: 429, message: 'Too many requests; try again shortly.' },
  TRAINING_FAILED: { status: 422, message: 'Training failed; the previous model keeps serving.' },
  INTERNAL: { status: 500, message: 'Something went wrong on our side.' },
  PORTAL_UNAVAILABLE: { status: 503, message: 'The dossier portal is not answering.' },
  PORTAL_BAD_ANSWER: { status: 502, message: 'The dossier portal gave an answer we could not read.' },
  STORE_UNAVAILABLE: { status: 503, message: 'The database is not answering; try again shortly.' },
  CONVERSATION_BUSY: { status: 503, message: 'This conversation is still answering earlier messages; try again shortly.' },
} as const;

export type ErrorCode = keyof typeof ERROR_CATALOGUE;

export class AppError extends Error {
  readonly code: ErrorCode;
  readonly status: number;
  readonly details: unknown;

  constructor(code: ErrorCode, message?: string, options: { cause?: unknown; details?: unknown } = {}) {
    super(message ?? ERROR_CATALOGUE[code].message, { cause: options.cause });
    this.name = 'AppError';
    this.code = code;
    this.status = ERROR_CATALOGUE[code].status;
    this.details = options.details;
  }

  toJSON(): { error: ErrorCode; message: string; details?: unknown } {
    return this.details === undefined
      ? { error: this.code, message: this.message }
      : { error: this.code, message: this.message, details: this.details };
  }
}

/** Anything thrown becomes an AppError; unknown failures are INTERNAL and keep their cause. */
export function toAppError(err: unknown): AppError {
  if (err instanceof AppError) return err;
  return new AppError('INTERNAL', undefined, { cause: err });
}

/** A data file (knowledge, intents, config) that does not pass its schema. */
export class DataFileError extends Error {
  readonly file: string;
  readonly problems: string[];

  constructor(file: string, problems: string[]) {
    super(`${file}: ${problems.join('; ')}`);
    this.name = 'DataFileError';
    this.file = file;
    this.problems = problems;
  }
}
