import type { TurnContext } from 'botbuilder';
import type { Logger } from '../../log/logger.js';
import type { Replies } from '../../answers/replies.js';
import type { KnowledgeBase } from '../../knowledge/knowledge-base.js';
import type { PortalClient } from '../../portal/portal-client.js';
import { DossierAnswers } from '../../dossier/dossier-answers.js';
import { LookupLimiter, type LookupKeys, type LookupLimits } from '../../dossier/lookup-limiter.js';
import { VerificationGuard } from '../../dossier/verification-guard.js';
import { AuditLog, type AuditEntry } from '../../helpdesk/audit-log.js';
import { TicketStore } from '../../helpdesk/ticket-store.js';
import { HandoffMessages } from '../../helpdesk/handoff-messages.js';
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
  tickets: TicketStore;
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
  dataDir: string;
  logger: Logger;
  portal: PortalClient;
  replies: Replies;
  knowledge: KnowledgeBase;
  limits: LookupLimits;
  /** Where the recent conversation is read from for a ticket (our Direct Line log). */
  transcripts: TranscriptRecorderOptions;
  /** See DeskServices.heldNoticeAfterMs (default 3 minutes). */
  heldNoticeAfterMs?: number;
  /** See DeskServices.redact; bound late, since Direct Line is opened after the bot. */
  redact: DeskServices['redact'];
  now?: () => Date;
}

/** Opens the desk's stores in DATA_DIR (audit log, tickets, verification guard) and builds its parts. */
export async function openDeskServices(options: DeskOptions): Promise<DeskServices & { close(): Promise<void> }> {
  const { dataDir, logger } = options;
  const audit = await AuditLog.open(dataDir, logger);
  const tickets = await TicketStore.open(dataDir, logger);
  const guard = await VerificationGuard.open(dataDir, logger);
  return {
    portal: options.portal,
    answers: new DossierAnswers(options.replies, options.knowledge),
    handoff: new HandoffMessages(options.replies),
    limiter: new LookupLimiter(options.limits),
    guard,
    audit,
    tickets,
    recorder: new TranscriptRecorder(tickets, logger, options.transcripts),
    redact: options.redact,
    heldNoticeAfterMs: options.heldNoticeAfterMs ?? 3 * 60_000,
    now: options.now ?? (() => new Date()),
    logger,
    async close() {
      await tickets.idle();
      await guard.idle();
      await audit.close();
    },
  };
}
