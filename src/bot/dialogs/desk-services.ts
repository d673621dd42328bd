import type { TurnContext } from 'botbuilder';
import type { Logger } from '../../log/logger.js';
import type { Replies } from '../../answers/replies.js';
import type { KnowledgeBase } from '../../knowledge/knowledge-base.js';
import type { PortalClient } from '../../portal/portal-client.js';
import { DossierAnswers } from '../../dossier/dossier-answers.js';
import { LookupLimiter, type LookupKeys, type LookupLimits } from '../../dossier/lookup-limiter.js';
import { VerificationGuard } from '../../dossier/verification-guard.js';
import { AuditLog, type AuditEntry } from '../../helpdesk/audit-log.js';
import { Tickets } from '../../helpdesk/tickets.js';
import { HandoffMessages } from '../../helpdesk/handoff-messages.js';
import type { Stores } from '../../store/stores.js';
import { TranscriptRecorder, type TranscriptRecorderOptions } from '../transcript-recorder.js';
import { turnMetaOf } from '../turn-meta.js';

/** What the dossier, handoff and ticket dialogs use besides the common DialogServices. */
export interface DeskServices {
  portal: PortalClient;
  answers: DossierAnswers;
  handoff: HandoffMessages;
  limiter: LookupLimiter;
  guard: VerificationGuard;
  audit: AuditLog;
  tickets: Tickets;
  recorder: TranscriptRecorder;
  /** While an officer holds the ticket, how long without an officer's word before the citizen is told their message waits for them. */
  heldNoticeAfterMs: number;
  /** Replaces the text of the citizen's message in our own log of the conversation, where we keep one. */
  redact(conversationId: string, activityId: string, text: string): Promise<void>;
  now(): Date;
  logger: Logger;
}

/** The keys a citizen's lookups are counted under: this conversation and, on Direct Line, their address. */
export function lookupKeys(context: TurnContext): LookupKeys {
  return { conversation: context.activity.conversation.id, address: turnMetaOf(context).clientAddress };
}

/** An audit entry for something a citizen did in this conversation. */
export function citizenAudit(context: TurnContext, entry: Pick<AuditEntry, 'action' | 'outcome'> & { target?: string }): Omit<AuditEntry, 'at'> {
  return { actor: 'citizen', conversation: context.activity.conversation.id, ...entry };
}

export interface DeskOptions {
  stores: Pick<Stores, 'tickets' | 'audit' | 'verification' | 'rates'>;
  logger: Logger;
  portal: PortalClient;
  replies: Replies;
  knowledge: KnowledgeBase;
  limits: LookupLimits;
  /** Where the recent conversation is read from for a ticket (our Direct Line log). */
  transcripts: TranscriptRecorderOptions;
  /** See DeskServices.heldNoticeAfterMs (default 3 minutes). */
  heldNoticeAfterMs?: number;
  /** A held ticket whose officer is silent this long goes back to the queue (default 30 minutes). */
  claimLapseMs?: number;
  redact: DeskServices['redact'];
  now?: () => Date;
}

/** The desk's parts, on the stores of tickets, the audit log, the last-4 guard and the lookup limits. */
export function deskServices(options: DeskOptions): DeskServices {
  const { stores, logger } = options;
  const now = options.now ?? (() => new Date());
  const tickets = new Tickets(stores.tickets, { now, ...(options.claimLapseMs === undefined ? {} : { claimLapseMs: options.claimLapseMs }) });
  return {
    portal: options.portal,
    answers: new DossierAnswers(options.replies, options.knowledge),
    handoff: new HandoffMessages(options.replies),
    limiter: new LookupLimiter(stores.rates, options.limits),
    guard: new VerificationGuard(stores.verification, now),
    audit: new AuditLog(stores.audit, logger),
    tickets,
    recorder: new TranscriptRecorder(tickets, logger, options.transcripts),
    redact: options.redact,
    heldNoticeAfterMs: options.heldNoticeAfterMs ?? 3 * 60_000,
    now,
    logger,
  };
}
