import type { Answer } from '../answers/compose.js';
import type { Replies } from '../answers/replies.js';
import { formatVietnamTime } from '../dossier/vietnam-time.js';
import type { Ticket, TicketReply } from './tickets.js';
import { TICKET_CODE_EXAMPLE } from './ticket-code.js';

// What the citizen reads about a handoff ticket, from the reply templates: the new ticket,
// an officer's reply pushed into the chat, and the replies read back later by code.

const INTENT = 'handoff' as const;

export class HandoffMessages {
  constructor(private readonly replies: Replies) {}

  created(ticket: Ticket): Answer {
    const text = `${this.replies.say('handoffCreated', { code: ticket.code })}\n\n${this.replies.say('handoffPrivacy')}`;
    return this.answer(text);
  }

  alreadyOpen(ticket: Ticket): Answer {
    return this.answer(this.replies.say('handoffAlreadyOpen', { code: ticket.code }));
  }

  unavailable(): Answer {
    return this.answer(this.replies.say('handoffUnavailable'));
  }

  /** An officer's reply as it appears in the citizen's open chat. */
  officerReply(ticket: Ticket, reply: TicketReply): Answer {
    return this.answer(this.replies.say('handoffOfficerReply', { officer: officerName(reply.officer), code: ticket.code, text: reply.text }));
  }

  /** An officer took the ticket: the assistant leaves the conversation to them. */
  claimed(ticket: Ticket): Answer {
    return this.answer(this.replies.say('handoffClaimed', { officer: officerName(ticket.claim?.officer), code: ticket.code }));
  }

  /** The citizen wrote while an officer holds the ticket, and no officer has answered for a while. */
  held(ticket: { code: string; officer: string }): Answer {
    return this.answer(this.replies.say('handoffHeld', { officer: officerName(ticket.officer), code: ticket.code }));
  }

  /** The officer gave the conversation back to the assistant, or closed the ticket. */
  closed(ticket: Ticket): Answer {
    const id = ticket.closedReason === 'handed_back' ? 'handoffHandedBack' : 'handoffClosed';
    return this.answer(this.replies.say(id, { officer: officerName(ticket.closedBy), code: ticket.code }));
  }

  /** The replies of a ticket, read back by its code (another day, another device). */
  readBack(ticket: Ticket): Answer {
    const r = this.replies;
    if (!ticket.replies.length) {
      return this.answer(r.say('ticketNoReplyYet', { code: ticket.code, date: formatVietnamTime(ticket.createdAt, r) }));
    }
    const status = r.say(ticket.status === 'open' ? 'ticketStatusOpen' : 'ticketStatusClosed');
    const lines = ticket.replies.map((reply) => r.say('ticketReplyLine', {
      date: formatVietnamTime(reply.at, r), officer: reply.officer ? ` — ${reply.officer}` : '', text: reply.text,
    }));
    return this.answer([r.say('ticketRepliesIntro', { code: ticket.code, status }), ...lines].join('\n'));
  }

  notFound(code: string): Answer {
    return this.answer(this.replies.say('ticketNotFound', { code }));
  }

  badCode(typed: string): Answer {
    return this.answer(this.replies.say('ticketBadCode', { typed: typed.slice(0, 40) || TICKET_CODE_EXAMPLE }));
  }

  private answer(text: string): Answer {
    return { text, suggestions: [], intent: INTENT, procedure: null };
  }
}

/** " Lan" after "Cán bộ", or nothing when the officer gave no name. */
function officerName(name: string | null | undefined): string {
  return name ? ` ${name}` : '';
}
