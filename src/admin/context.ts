import type { Request, Response } from 'restify';
import { AppError } from '../errors.js';
import type { KnowledgeBase } from '../knowledge/knowledge-base.js';
import type { KnowledgeService } from '../knowledge/knowledge-service.js';
import type { SupersededDocument } from '../knowledge/superseded.js';
import type { AuditLog } from '../helpdesk/audit-log.js';
import type { Logger } from '../log/logger.js';
import { staffRoute } from '../web/staff-auth.js';
import type { Inbox } from '../inbox/inbox.js';
import type { ModelService } from '../training/model-service.js';
import type { TrainingData } from '../training/training-data.js';

/** What the admin route groups share. */
export interface AdminContext {
  logger: Logger;
  token: string;
  inbox: Inbox;
  data: TrainingData;
  models: ModelService;
  knowledge: KnowledgeBase;
  /** Staff edits of the knowledge (served at once, kept in DATA_DIR). */
  edits: KnowledgeService;
  /** Who changed which procedure. */
  audit: AuditLog;
  /** What makes a procedure due for review: replaced legal documents, and REVIEW_MONTHS. */
  review: { superseded: ReadonlyArray<SupersededDocument>; reviewMonths: number };
}

type Handler = (req: Request, res: Response) => Promise<unknown> | unknown;

/** An admin route: the admin bearer token or 401, errors as JSON. */
export function adminRoute(ctx: AdminContext, handler: Handler): (req: Request, res: Response) => Promise<void> {
  return staffRoute(ctx.logger, ctx.token, handler);
}

export function param(req: Request, name: string): string {
  const value: unknown = req.params?.[name];
  if (typeof value !== 'string' || !value) throw new AppError('BAD_REQUEST', `Missing "${name}" in the path.`);
  return value;
}
