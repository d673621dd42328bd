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
import type { ConversationReach } from './conversation-reach.js';
import { deliverSafely, officerOf, ticketOf } from './helpdesk-request.js';
import { ticketSummary } from './ticket-summary.js';
import { overdueCsv, overdueQuerySchema, sortOverdue } from './overdue-export.js';

// The help-desk API (contract section 6), all behind the help-desk bearer token:
//   GET  /api/helpdesk/dossiers/:code        the whole dossier (code in any spelling, URL-encoded)
//   GET  /api/helpdesk/overdue?sort=&order=&format=csv   dossiers still open after their due date
//   GET  /api/helpdesk/tickets?status=       handoff tickets (open by default; closed, all)
//   GET  /api/helpdesk/tickets/:code         one ticket with its masked transcript and replies
//   POST /api/helpdesk/tickets/:code/replies {"text", "officer"?}: recorded, pushed into the chat
//   POST /api/helpdesk/tickets/:code/close
// The console's own routes (claim, release, hand back, the event stream) are in takeover-routes.ts.
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

export function helpdeskRoutes(deps: HelpdeskDeps): (server: Server) => void {
  const { logger, token, portal, tickets, audit } = deps;
  const now = deps.now ?? (() => new Date());
  const staff = (handler: Parameters<typeof staffRoute>[2]) => staffRoute(logger, token, handler);
  const who = officerOf;
  const procedureName = (id: string) => deps.knowledge.get(id)?.name ?? null;
  const findTicket = (req: Request): Promise<Ticket> => ticketOf(tickets, req);

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
        const overdue = isOverdue(dossier, now());
        res.send(200, { ...dossier, overdue, daysOverdue: overdue ? wholeDaysBetween(dossier.dueAt, now()) : 0, procedureName: procedureName(dossier.procedure) });
      } catch (err) {
        if (!(err instanceof PortalError)) throw err;
        await audit.record({ ...base, target: canonicalDossierCode(typed), outcome: err.kind });
        throw err.toAppError();
      }
    }));

    server.get(`${HELPDESK_BASE}/overdue`, staff(async (req, res) => {
      const query = parseRequest(overdueQuerySchema, req.query ?? {});
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
      const rows = sortOverdue(dossiers.filter((d) => isOverdue(d, at)).map((d) => ({
        code: d.code,
        procedure: d.procedure,
        procedureName: procedureName(d.procedure),
        status: d.status,
        agency: d.agency,
        receivedAt: d.receivedAt,
        dueAt: d.dueAt,
        daysOverdue: wholeDaysBetween(d.dueAt, at),
      })), query.sort, query.order);
      await audit.record({ ...who(req), action: 'dossier.overdue', outcome: query.format === 'csv' ? 'csv' : 'ok', count: rows.length });
      if (query.format === 'csv') {
        const body = Buffer.from(overdueCsv(rows), 'utf8');
        res.writeHead(200, {
          'content-type': 'text/csv; charset=utf-8',
          'content-length': body.length,
          'content-disposition': `attachment; filename="ho-so-qua-han-${at.toISOString().slice(0, 10)}.csv"`,
          'cache-control': 'no-store',
        });
        res.end(body);
        return;
      }
      res.send(200, { now: at.toISOString(), count: rows.length, dossiers: rows });
    }));

    server.get(`${HELPDESK_BASE}/tickets`, staff(async (req, res) => {
      const { status } = parseRequest(listQuery, req.query ?? {});
      const list = (await tickets.list(status === 'all' ? undefined : status)).map((t) => ticketSummary(t, procedureName));
      await audit.record({ ...who(req), action: 'ticket.list', outcome: 'ok', count: list.length });
      res.send(200, { count: list.length, tickets: list });
    }));

    server.get(`${HELPDESK_BASE}/tickets/:code`, staff(async (req, res) => {
      const ticket = await findTicket(req);
      await audit.record({ ...who(req), action: 'ticket.view', target: ticket.code, outcome: 'ok' });
      // The names of the procedures the assistant understood, for the console.
      const ids = new Set(ticket.transcript.flatMap((line) => (line.procedure ? [line.procedure] : [])));
      res.send(200, { ...ticket, procedures: Object.fromEntries([...ids].map((id) => [id, procedureName(id)])) });
    }));

    server.post(`${HELPDESK_BASE}/tickets/:code/replies`, staff(async (req, res) => {
      const code = (await findTicket(req)).code;
      const body = parseRequest(replySchema, jsonBody(req));
      const actor = who(req, body.officer);
      const { ticket, reply } = await tickets.addReply(code, { officer: actor.officer ?? null, text: body.text });
      // The reply is kept either way: the citizen reads it later with the ticket code.
      const delivered = await deliverSafely(deps, ticket, deps.messages.officerReply(ticket, reply));
      const saved = delivered ? await tickets.markDelivered(code, reply.id) : ticket;
      // The reply's words stay out of the audit log; its length says that something was sent.
      await audit.record({ ...actor, action: 'ticket.reply', target: code, outcome: delivered ? 'delivered' : 'stored', count: body.text.length });
      res.send(201, { reply: { ...reply, delivered }, delivered, ticket: saved });
    }));

    server.post(`${HELPDESK_BASE}/tickets/:code/close`, staff(async (req, res) => {
      const before = await findTicket(req);
      const body = parseRequest(closeSchema, optionalBody(req));
      const actor = who(req, body.officer);
      const ticket = await tickets.close(before.code, actor.officer ?? null);
      await audit.record({ ...actor, action: 'ticket.close', target: ticket.code, outcome: 'ok' });
      // The citizen still in the chat learns that the assistant answers again.
      if (before.status === 'open') await deliverSafely(deps, ticket, deps.messages.closed(ticket));
      res.send(200, ticket);
    }));
  };
}
