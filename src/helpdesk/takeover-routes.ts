import type { Request, Response, Server } from 'restify';
import { z } from 'zod';
import { AppError } from '../errors.js';
import type { Logger } from '../log/logger.js';
import { optionalBody, parseRequest } from '../web/respond-error.js';
import { staffRoute } from '../web/staff-auth.js';
import type { AuditLog } from './audit-log.js';
import type { HandoffMessages } from './handoff-messages.js';
import type { ConversationReach } from './conversation-reach.js';
import type { Ticket, Tickets } from './tickets.js';
import type { TicketEvents } from './ticket-events.js';
import type { ReadyReply } from './ready-replies.js';
import { deliverSafely, MAX_OFFICER_LENGTH, officerOf, ticketOf } from './helpdesk-request.js';
import { HELPDESK_BASE } from './routes.js';

// The console's routes (the page at /helpdesk), behind the help-desk token like the others:
//   POST /api/helpdesk/tickets/:code/claim     {"officer"?}: the officer takes the ticket; the assistant goes quiet
//   POST /api/helpdesk/tickets/:code/release   back to the queue; the assistant answers again
//   POST /api/helpdesk/tickets/:code/handback  closes it and gives the conversation back to the assistant
//   GET  /api/helpdesk/events                  server-sent events: every ticket change as it happens
//   GET  /api/helpdesk/replies                 the ready-made replies (intents/helpdesk/replies.yaml)
// Claim, release and hand back need the officer's name (X-Officer or "officer"); a ticket held
// by someone else answers 409 TICKET_HELD with the holder's name.

/** Event streams open at once (officers' tabs); more get 429. */
export const MAX_EVENT_STREAMS = 200;
/** A comment line this often keeps proxies and the browser from dropping an idle stream. */
const KEEPALIVE_MS = 20_000;

export interface TakeoverDeps {
  logger: Logger;
  token: string;
  tickets: Tickets;
  audit: AuditLog;
  messages: HandoffMessages;
  events: TicketEvents;
  readyReplies: ReadyReply[];
  /** The channels, to tell the citizen a person took over or handed back. */
  reach: ConversationReach;
}

const officerBody = z.object({ officer: z.string().trim().min(1).max(MAX_OFFICER_LENGTH).optional() }).strict();

export function takeoverRoutes(deps: TakeoverDeps): { routes: (server: Server) => void; close(): void } {
  const { logger, token, tickets, audit, messages } = deps;
  const staff = (handler: Parameters<typeof staffRoute>[2]) => staffRoute(logger, token, handler);
  /** Ends every open stream (the server is closing: it waits for no stream). */
  const streams = new Set<() => void>();

  /** The officer, named in the body or the X-Officer header; these actions need one. */
  const officerFor = (req: Request) => {
    const body = parseRequest(officerBody, optionalBody(req));
    const actor = officerOf(req, body.officer);
    if (!actor.officer) throw new AppError('OFFICER_REQUIRED');
    return { ...actor, officer: actor.officer };
  };

  const action = (name: 'claim' | 'release' | 'handback', run: (code: string, officer: string, before: Ticket) => Promise<Ticket>) =>
    staff(async (req, res) => {
      const before = await ticketOf(tickets, req);
      const actor = officerFor(req);
      const auditAction = `ticket.${name}` as const;
      try {
        const ticket = await run(before.code, actor.officer, before);
        await audit.record({ ...actor, action: auditAction, target: ticket.code, outcome: 'ok' });
        res.send(200, ticket);
      } catch (err) {
        if (err instanceof AppError) await audit.record({ ...actor, action: auditAction, target: before.code, outcome: err.code.toLowerCase() });
        throw err;
      }
    });

  const eventStream = async (req: Request, res: Response): Promise<void> => {
    if (streams.size >= MAX_EVENT_STREAMS) throw new AppError('TOO_MANY_REQUESTS');
    await audit.record({ ...officerOf(req), action: 'ticket.stream', outcome: 'ok' });
    res.writeHead(200, {
      'content-type': 'text/event-stream; charset=utf-8',
      'cache-control': 'no-store',
      'x-accel-buffering': 'no',
      'x-content-type-options': 'nosniff',
    });
    // `ready` first: the page reloads the queue then, so nothing published before is missed.
    res.write(`retry: 3000\nevent: ready\ndata: ${JSON.stringify({ at: new Date().toISOString() })}\n\n`);
    await new Promise<void>((resolve) => {
      const unsubscribe = deps.events.subscribe((event) => {
        res.write(`id: ${event.id}\nevent: ticket\ndata: ${JSON.stringify(event)}\n\n`);
      });
      const keepalive = setInterval(() => res.write(': keep-alive\n\n'), KEEPALIVE_MS);
      keepalive.unref();
      const end = () => {
        if (!streams.delete(end)) return;
        clearInterval(keepalive);
        unsubscribe();
        if (!res.writableEnded) res.end();
        resolve();
      };
      streams.add(end);
      req.on('close', end);
      res.on('close', end);
    });
  };

  return {
    routes(server) {
      server.post(`${HELPDESK_BASE}/tickets/:code/claim`, action('claim', async (code, officer) => {
        const before = await tickets.claimOf(code);
        const ticket = await tickets.claim(code, officer);
        // The citizen learns a person has taken over (once, not on a repeated claim).
        if (!before) await deliverSafely(deps, ticket, messages.claimed(ticket));
        return ticket;
      }));
      server.post(`${HELPDESK_BASE}/tickets/:code/release`, action('release', (code, officer) => tickets.release(code, officer)));
      server.post(`${HELPDESK_BASE}/tickets/:code/handback`, action('handback', async (code, officer, before) => {
        const ticket = await tickets.handBack(code, officer);
        if (before.status === 'open') await deliverSafely(deps, ticket, messages.closed(ticket));
        return ticket;
      }));
      server.get(`${HELPDESK_BASE}/events`, staff(eventStream));
      server.get(`${HELPDESK_BASE}/replies`, staff((_req, res) => {
        res.send(200, { replies: deps.readyReplies });
      }));
    },
    close() {
      for (const end of [...streams]) end();
    },
  };
}
