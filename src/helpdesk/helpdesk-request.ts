import type { Request } from 'restify';
import { AppError } from '../errors.js';
import type { Answer } from '../answers/compose.js';
import type { Logger } from '../log/logger.js';
import type { AuditEntry } from './audit-log.js';
import type { ConversationReach } from './conversation-reach.js';
import type { Ticket, Tickets } from './tickets.js';
import { extractTicketCode, isTicketCode } from './ticket-code.js';

// What every help-desk route reads from a request: who is calling, and which ticket.

export const MAX_OFFICER_LENGTH = 80;

/** `X-Officer`, percent-encoded when it holds non-ASCII letters (HTTP headers are Latin-1). */
export function officerHeader(req: Request): string | undefined {
  const raw = req.header('x-officer');
  if (typeof raw !== 'string' || !raw.trim()) return undefined;
  let name = raw;
  try {
    name = decodeURIComponent(raw);
  } catch {
    // Not percent-encoded after all: keep it as sent.
  }
  return name.trim().slice(0, MAX_OFFICER_LENGTH) || undefined;
}

/** The caller as the audit log records them; a name in the body wins over the header. */
export function officerOf(req: Request, bodyOfficer?: string): Pick<AuditEntry, 'actor' | 'ip' | 'officer'> {
  const officer = bodyOfficer ?? officerHeader(req);
  return { actor: 'helpdesk', ip: req.socket?.remoteAddress ?? undefined, ...(officer ? { officer } : {}) };
}

/** The ticket a route's `:code` names (any spelling of a code); 400 or 404 otherwise. */
export async function ticketOf(tickets: Tickets, req: Request): Promise<Ticket> {
  const typed = String(req.params.code ?? '');
  const code = isTicketCode(typed) ? typed : extractTicketCode(typed);
  if (!code || !isTicketCode(code)) throw new AppError('BAD_TICKET_CODE');
  const ticket = await tickets.get(code);
  if (!ticket) throw new AppError('TICKET_NOT_FOUND');
  return ticket;
}

/**
 * Pushes a message into the ticket's chat, through the channel it came by, with the ticket's
 * code; false when that conversation cannot be reached (a channel that cannot send outside a
 * turn, a conversation gone). A failure is logged, never thrown: what the officer did is kept
 * either way.
 */
export async function deliverSafely(
  deps: { logger: Logger; reach: ConversationReach },
  ticket: Ticket,
  answer: Answer,
): Promise<boolean> {
  try {
    const to = { channelId: ticket.channelId, conversationId: ticket.conversationId, serviceUrl: ticket.serviceUrl };
    return await deps.reach.deliver(to, answer, { ticket: ticket.code });
  } catch (err) {
    deps.logger.warn({ err: { name: (err as Error)?.name, code: (err as { code?: unknown })?.code }, ticket: ticket.code }, 'message not delivered to the chat');
    return false;
  }
}
