import { z } from 'zod';
import { AppError, type ErrorCode } from '../errors.js';

// The dossier portal as the rest of the assistant sees it. The bot and the help desk only
// know this interface; whether the portal is the embedded mock or a remote one is decided
// once, in the composition root.

export const DOSSIER_STATUSES = ['received', 'processing', 'supplement_required', 'completed', 'returned', 'rejected'] as const;
export const dossierStatusSchema = z.enum(DOSSIER_STATUSES);
export type DossierStatus = z.infer<typeof dossierStatusSchema>;

// Dates keep their offset (+07:00) so what the citizen is told matches the portal's record.
const instant = z.string().datetime({ offset: true, message: 'must be an ISO 8601 date-time with an offset' });

export const dossierSchema = z.object({
  code: z.string().min(1),
  procedure: z.string().min(1),
  status: dossierStatusSchema,
  receivedAt: instant,
  dueAt: instant,
  finishedAt: instant.optional(),
  agency: z.string().min(1),
  applicant: z.object({
    name: z.string().min(1),
    phone: z.string().min(1),
    idNumber: z.string().min(1),
  }),
  history: z.array(z.object({ at: instant, status: dossierStatusSchema, by: z.string().min(1) })),
  note: z.string().optional(),
});
export type Dossier = z.infer<typeof dossierSchema>;

export interface PortalClient {
  /** The dossier with this code, in any spelling a citizen types; throws PortalError. */
  getDossier(code: string): Promise<Dossier>;
  /** Every dossier still open after its due date at `now`; throws PortalError. */
  listOverdue(now: Date): Promise<Dossier[]>;
  /** Releases whatever the client holds (the embedded portal's socket); safe to call twice. */
  close(): Promise<void>;
}

export type PortalErrorKind = 'down' | 'not_found' | 'bad_answer' | 'bad_code';

// Each kind maps to one catalogue code, so a help-desk route can rethrow it as is.
const APP_ERROR_CODES: Record<PortalErrorKind, ErrorCode> = {
  down: 'PORTAL_UNAVAILABLE',
  not_found: 'DOSSIER_NOT_FOUND',
  bad_answer: 'PORTAL_BAD_ANSWER',
  bad_code: 'BAD_DOSSIER_CODE',
};

/** A portal call that did not produce a dossier; `kind` is what the caller branches on. */
export class PortalError extends Error {
  readonly kind: PortalErrorKind;

  constructor(kind: PortalErrorKind, message: string, options: { cause?: unknown } = {}) {
    super(message, { cause: options.cause });
    this.name = 'PortalError';
    this.kind = kind;
  }

  toAppError(): AppError {
    return new AppError(APP_ERROR_CODES[this.kind], undefined, { cause: this });
  }
}
