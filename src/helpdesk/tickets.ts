import { randomUUID } from 'node:crypto';
import { AppError } from '../errors.js';
import { maskPersonalData } from '../privacy/mask.js';
import type { Ticket, TicketReply, TicketStatus, TicketStore, TranscriptLine } from '../store/ticket-store.js';
import { newTicketCode } from './ticket-code.js';

export type { Ticket, TicketReply, TicketStatus, TranscriptLine } from '../store/ticket-store.js';

// Handoff tickets as the help desk and the chat use them, kept by a TicketStore. What the
// citizen typed is masked on the way in (phone and id numbers, and any run of 4 digits or
// more, e.g. the last-4 answer); dossier codes stay, the officer needs them. An officer's
// reply is kept as written: it is what the citizen reads back.

export const TICKET_LIMITS = { transcript: 60, text: 1000, replies: 100 } as const;

/** How a line is stored: masked, shortened. */
export function maskLine(line: TranscriptLine): TranscriptLine {
  const text = maskPersonalData(line.text, { keepDossierCodes: true, shortNumbers: line.from === 'citizen' });
  return { ...line, text: text.slice(0, TICKET_LIMITS.text) };
}

export class Tickets {
  constructor(private readonly store: TicketStore) {}

  /** A new open ticket for a conversation, with its recent transcript (masked here). */
  async create(input: { conversationId: string; channelId: string; serviceUrl?: string | undefined; transcript: TranscriptLine[] }): Promise<Ticket> {
    const now = new Date().toISOString();
    for (;;) {
      const ticket: Ticket = {
        code: newTicketCode(),
        status: 'open',
        createdAt: now,
        updatedAt: now,
        conversationId: input.conversationId,
        channelId: input.channelId,
        ...(input.serviceUrl ? { serviceUrl: input.serviceUrl } : {}),
        transcript: input.transcript.slice(-TICKET_LIMITS.transcript).map(maskLine),
        replies: [],
      };
      if (await this.store.insert(ticket)) return ticket;
    }
  }

  get(code: string): Promise<Ticket | undefined> {
    return this.store.get(code);
  }

  /** Newest first; `status` filters. */
  list(status?: TicketStatus): Promise<Ticket[]> {
    return this.store.list(status);
  }

  /** The open ticket of a conversation, if the citizen already asked for a person there. */
  async openFor(conversationId: string): Promise<Ticket | undefined> {
    const code = await this.store.openCodeFor(conversationId);
    return code ? this.store.get(code) : undefined;
  }

  /** Its code only: no copy of the ticket (asked at the end of every turn). */
  openCodeFor(conversationId: string): Promise<string | undefined> {
    return this.store.openCodeFor(conversationId);
  }

  /** Adds what the citizen (or the bot) said after the handoff, masked, to an open ticket. */
  appendLines(code: string, lines: TranscriptLine[]): Promise<Ticket> {
    return this.update(code, (ticket) => {
      ticket.transcript.push(...lines.map(maskLine));
      ticket.transcript.splice(0, Math.max(0, ticket.transcript.length - TICKET_LIMITS.transcript));
    });
  }

  /** Records an officer's reply on an open ticket; `delivered` is set once delivery worked. */
  async addReply(code: string, reply: { officer: string | null; text: string }): Promise<{ ticket: Ticket; reply: TicketReply }> {
    const added: TicketReply = { id: randomUUID(), at: new Date().toISOString(), officer: reply.officer, text: reply.text, delivered: false };
    const ticket = await this.update(code, (t) => {
      if (t.status !== 'open') throw new AppError('TICKET_CLOSED');
      if (t.replies.length >= TICKET_LIMITS.replies) throw new AppError('VALIDATION_FAILED', `A ticket holds at most ${TICKET_LIMITS.replies} replies.`);
      t.replies.push(added);
    });
    return { ticket, reply: { ...added } };
  }

  markDelivered(code: string, replyId: string): Promise<Ticket> {
    return this.update(code, (ticket) => {
      const reply = ticket.replies.find((r) => r.id === replyId);
      if (reply) reply.delivered = true;
    });
  }

  close(code: string, officer: string | null): Promise<Ticket> {
    return this.update(code, (ticket) => {
      if (ticket.status === 'closed') return;
      ticket.status = 'closed';
      ticket.closedAt = new Date().toISOString();
      ticket.closedBy = officer;
    });
  }

  private update(code: string, change: (ticket: Ticket) => void): Promise<Ticket> {
    return this.store.update(code, (ticket) => {
      change(ticket);
      ticket.updatedAt = new Date().toISOString();
    });
  }
}
