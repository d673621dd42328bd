import type { Request, Server } from 'restify';
import { z } from 'zod';
import { AppError } from '../errors.js';
import type { Logger } from '../log/logger.js';
import type { KnowledgeBase } from '../knowledge/knowledge-base.js';
import { jsonBody, optionalBody, parseRequest } from '../web/respond-error.js';
import { staffRoute } from '../web/staff-auth.js';
import { canonicalDossierCode, isDossierCode } from '../nlu/dossier-code.js';
import { PortalError, type PortalClient } from '../portal/portal-client.js';
import { isOverdue } from '../portal/overdue.js';
import { wholeDaysBetween } from '../dossier/vietnam-time.js';
import type { AuditLog } from './audit-log.js';
import type { Ticket, Tickets } from './tickets.js';
import type { HandoffMessages } from './handoff-messages.js';
import { extractTicketCode, isTicketCode } from './ticket-code.js';
import type { ConversationReach } from './conversation-reach.js';

// The help-desk API (contract section 6), all behind the help-desk bearer token:
//   GET  /api/helpdesk/dossiers/:code        the whole dossier (code in any spelling, URL-encoded)
//   GET  /api/helpdesk/overdue               dossiers still open after their due date
//   GET  /api/helpdesk/tickets?status=       handoff tickets (open by default; closed, all)
//   GET  /api/helpdesk/tickets/:code         one ticket with its masked transcript and replies
//   POST /api/helpdesk/tickets/:code/replies {"text", "officer"?}: recorded, pushed into the chat
//   POST /api/helpdesk/tickets/:code/close
// Every call is written to the audit log; `X-Officer: <name>` says who made it.

export const HELPDESK_BASE = '/api/helpdesk';
export const MAX_REPLY_LENGTH = 2000;

export interface HelpdeskDeps {
  logger: Logger;
  token: string;
  portal: PortalClient;
  knowledge: KnowledgeBase;
  tickets: Tickets;
  audit: AuditLog;
  messages: HandoffMessages;
  /** The channels, to push a reply into the ticket's chat. */
  reach: ConversationReach;
  now?: () => Date;
}

const replySchema = z.object({
  text: z.string().trim().min(1, 'must not be empty').max(MAX_REPLY_LENGTH, `must be at most ${MAX_REPLY_LENGTH} characters`),
  officer: z.string().trim().min(1).max(80).optional(),
}).strict();
const closeSchema = z.object({ officer: z.string().trim().min(1).max(80).optional() }).strict();
const listQuery = z.object({ status: z.enum(['open', 'closed', 'all']).default('open') }).passthrough();
const overdueQuery = z.object({ now: z.string().datetime({ offset: true, message: 'must be an ISO 8601 date-time' }).optional() }).passthrough();

export function helpdeskRoutes(deps: HelpdeskDeps): (server: Server) => void {
  const { logger, token, portal, tickets, audit } = deps;
  const now = deps.now ?? (() => new Date());
  const staff = (handler: Parameters<typeof staffRoute>[2]) => staffRoute(logger, token, handler);
  const who = (req: Request, bodyOfficer?: string) => {
    const officer = bodyOfficer ?? officerHeader(req);
    return { actor: 'helpdesk' as const, ip: req.socket?.remoteAddress ?? undefined, ...(officer ? { officer } : {}) };
  };

  return (server) => {
    server.get(`${HELPDESK_BASE}/dossiers/:code`, staff(async (req, res) => {
      const typed = String(req.params.code ?? '');
      const base = { ...who(req), action: 'dossier.view' as const, target: typed };
      if (!isDossierCode(typed)) {
        await audit.record({ ...base, outcome: 'bad_code' });
        throw new AppError('BAD_DOSSIER_CODE');
      }
      try {
        const dossier = await portal.getDossier(typed);
        await audit.record({ ...base, target: dossier.code, outcome: 'ok' });
        res.send(200, { ...dossier, overdue: isOverdue(dossier, now()) });
      } catch (err) {
        if (!(err instanceof PortalError)) throw err;
        await audit.record({ ...base, target: canonicalDossierCode(typed), outcome: err.kind });
        throw err.toAppError();
      }
    }));

    server.get(`${HELPDESK_BASE}/overdue`, staff(async (req, res) => {
      const query = parseRequest(overdueQuery, req.query ?? {});
      const at = query.now ? new Date(query.now) : now();
      let dossiers;
      try {
        dossiers = await portal.listOverdue(at);
      } catch (err) {
        if (!(err instanceof PortalError)) throw err;
        await audit.record({ ...who(req), action: 'dossier.overdue', outcome: err.kind });
        throw err.toAppError();
      }
      // A list for triage: no applicant data here; opening one dossier is its own audited lookup.
      const rows = dossiers.filter((d) => isOverdue(d, at)).map((d) => ({
        code: d.code,
        procedure: d.procedure,
        procedureName: deps.knowledge.get(d.procedure)?.name ?? null,
        status: d.status,
        agency: d.agency,
        receivedAt: d.receivedAt,
        dueAt: d.dueAt,
        daysOverdue: wholeDaysBetween(d.dueAt, at),
      })).sort((a, b) => Date.parse(a.dueAt) - Date.parse(b.dueAt));
      await audit.record({ ...who(req), action: 'dossier.overdue', outcome: 'ok', count: rows.length });
      res.send(200, { now: at.toISOString(), count: rows.length, dossiers: rows });
    }));

    server.get(`${HELPDESK_BASE}/tickets`, staff(async (req, res) => {
      const { status } = parseRequest(listQuery, req.query ?? {});
      const list = (await tickets.list(status === 'all' ? undefined : status)).map(summary);
      await audit.record({ ...who(req), action: 'ticket.list', outcome: 'ok', count: list.length });
      res.send(200, { count: list.length, tickets: list });
    }));

    server.get(`${HELPDESK_BASE}/tickets/:code`, staff(async (req, res) => {
      const ticket = await findTicket(String(req.params.code ?? ''));
      await audit.record({ ...who(req), action: 'ticket.view', target: ticket.code, outcome: 'ok' });
      res.send(200, ticket);
    }));

    server.post(`${HELPDESK_BASE}/tickets/:code/replies`, staff(async (req, res) => {
      const { code } = await findTicket(String(req.params.code ?? ''));
      const body = parseRequest(replySchema, jsonBody(req));
      const actor = who(req, body.officer);
      const { ticket, reply } = await tickets.addReply(code, { officer: actor.officer ?? null, text: body.text });
      let delivered = false;
      try {
        const to = { channelId: ticket.channelId, conversationId: ticket.conversationId, serviceUrl: ticket.serviceUrl };
        delivered = await deps.reach.deliver(to, deps.messages.officerReply(ticket, reply), { ticket: ticket.code });
      } catch (err) {
        // The reply is kept either way: the citizen reads it later with the ticket code.
        logger.warn({ err: { name: (err as Error)?.name, code: (err as { code?: unknown })?.code }, ticket: code }, 'officer reply not delivered to the chat');
      }
      const saved = delivered ? await tickets.markDelivered(code, reply.id) : ticket;
      // The reply's words stay out of the audit log; its length says that something was sent.
      await audit.record({ ...actor, action: 'ticket.reply', target: code, outcome: delivered ? 'delivered' : 'stored', count: body.text.length });
      res.send(201, { reply: { ...reply, delivered }, delivered, ticket: saved });
    }));

    server.post(`${HELPDESK_BASE}/tickets/:code/close`, staff(async (req, res) => {
      const { code } = await findTicket(String(req.params.code ?? ''));
      const body = parseRequest(closeSchema, optionalBody(req));
      const actor = who(req, body.officer);
      const ticket = await tickets.close(code, actor.officer ?? null);
      await audit.record({ ...actor, action: 'ticket.close', target: code, outcome: 'ok' });
      res.send(200, ticket);
    }));
  };

  async function findTicket(typed: string): Promise<Ticket> {
    const code = isTicketCode(typed) ? typed : extractTicketCode(typed);
    if (!code || !isTicketCode(code)) throw new AppError('BAD_TICKET_CODE');
    const ticket = await tickets.get(code);
    if (!ticket) throw new AppError('TICKET_NOT_FOUND');
    return ticket;
  }
}

/** `X-Officer`, percent-encoded when it holds non-ASCII letters (HTTP headers are Latin-1). */
function officerHeader(req: Request): string | undefined {
  const raw = req.header('x-officer');
  if (typeof raw !== 'string' || !raw.trim()) return undefined;
  let name = raw;
  try {
    name = decodeURIComponent(raw);
  } catch {
    // Not percent-encoded after all: keep it as sent.
  }
  return name.trim().slice(0, 80) || undefined;
}

/** A ticket in the list: enough to pick one, the transcript is in the ticket itself. */
function summary(ticket: Ticket) {
  const lastCitizen = ticket.transcript.findLast((line) => line.from === 'citizen');
  return {
    code: ticket.code,
    status: ticket.status,
    createdAt: ticket.createdAt,
    updatedAt: ticket.updatedAt,
    channelId: ticket.channelId,
    lastCitizenMessage: lastCitizen?.text ?? null,
    replies: ticket.replies.length,
    awaitingReply: ticket.status === 'open' && (ticket.replies.at(-1)?.at ?? '') < (lastCitizen?.at ?? ticket.createdAt),
  };
}
