import { randomUUID } from 'node:crypto';
import { AppError } from '../errors.js';
import { maskPersonalData } from '../privacy/mask.js';
import type { Ticket, TicketClaim, TicketReply, TicketStatus, TicketStore, TranscriptLine } from '../store/ticket-store.js';
import { newTicketCode } from './ticket-code.js';
import { assertHolder, claimLapsed } from './ticket-claim.js';

export type { Ticket, TicketClaim, TicketReply, TicketStatus, TranscriptLine } from '../store/ticket-store.js';

// Handoff tickets as the help desk and the chat use them, kept by a TicketStore: a citizen
// asked for a person; an officer reads the recent conversation, may take the ticket (then the
// assistant stays quiet), replies, hands it back or closes it. What the citizen typed is masked
// on the way in (phone and id numbers, and any run of 4 digits or more, e.g. the last-4
// answer); dossier codes stay, the officer needs them. An officer's reply is kept as written:
// it is what the citizen reads back. Every change kept is told to the listeners (the console's
// event stream).

export const TICKET_LIMITS = { transcript: 60, text: 1000, replies: 100 } as const;

export type TicketChangeKind = 'created' | 'message' | 'reply' | 'delivered' | 'claimed' | 'released' | 'closed' | 'noticed';
/** One change of a ticket, as it was kept; `lines` are the lines a 'message' added (masked). */
export interface TicketChange { kind: TicketChangeKind; ticket: Ticket; lines?: TranscriptLine[] }

/** How a line is stored: masked, shortened. */
export function maskLine(line: TranscriptLine): TranscriptLine {
  const text = maskPersonalData(line.text, { keepDossierCodes: true, shortNumbers: line.from === 'citizen' });
  return { ...line, text: text.slice(0, TICKET_LIMITS.text) };
}

export interface TicketOptions {
  /** A claim without a claim or reply of its holder for this long lapses (default 30 minutes). */
  claimLapseMs?: number;
  now?: () => Date;
}

export class Tickets {
  private readonly listeners = new Set<(change: TicketChange) => void>();
  private changes = 0;
  private readonly claimLapseMs: number;
  private readonly now: () => Date;

  constructor(private readonly store: TicketStore, options: TicketOptions = {}) {
    this.claimLapseMs = options.claimLapseMs ?? 30 * 60_000;
    this.now = options.now ?? (() => new Date());
  }

  /** A new open ticket for a conversation, with its recent transcript (masked here). */
  async create(input: { conversationId: string; channelId: string; serviceUrl?: string | undefined; transcript: TranscriptLine[] }): Promise<Ticket> {
    const now = this.now().toISOString();
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
      if (await this.store.insert(ticket)) {
        this.emit({ kind: 'created', ticket });
        return ticket;
      }
    }
  }

  /** Called after every change is kept (the help desk's event stream); answers an unsubscribe. */
  onChange(listener: (change: TicketChange) => void): () => void {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }

  /** Tickets as read: a lapsed claim reads as none (it is dropped for good at the next change). */
  async get(code: string): Promise<Ticket | undefined> {
    const ticket = await this.store.get(code);
    return ticket && this.withoutLapsedClaim(ticket);
  }

  /** Newest first; `status` filters. */
  async list(status?: TicketStatus): Promise<Ticket[]> {
    return (await this.store.list(status)).map((t) => this.withoutLapsedClaim(t));
  }

  /** The open ticket of a conversation, if the citizen already asked for a person there. */
  async openFor(conversationId: string): Promise<Ticket | undefined> {
    const code = await this.store.openCodeFor(conversationId);
    return code ? this.get(code) : undefined;
  }

  /** Its code only (asked once in every turn: src/bot/open-ticket.ts). */
  openCodeFor(conversationId: string): Promise<string | undefined> {
    return this.store.openCodeFor(conversationId);
  }

  /** Changes this process has made so far: an answer read before the last one may be out of date. */
  get changeCount(): number {
    return this.changes;
  }

  /** Who holds an open ticket, with when an officer last said something (asked on every turn of a conversation with an open ticket). */
  async claimOf(code: string): Promise<(TicketClaim & { lastReplyAt: string | null; heldNoticeAt: string | null }) | null> {
    const ticket = await this.get(code);
    if (!ticket?.claim || ticket.status !== 'open') return null;
    return { ...ticket.claim, lastReplyAt: ticket.replies.at(-1)?.at ?? null, heldNoticeAt: ticket.heldNoticeAt ?? null };
  }

  /** An officer takes the ticket; the same officer again changes nothing; another one gets TICKET_HELD. */
  claim(code: string, officer: string): Promise<Ticket> {
    return this.update(code, 'claimed', (ticket) => {
      if (ticket.status !== 'open') throw new AppError('TICKET_CLOSED');
      assertHolder(ticket, officer);
      if (!ticket.claim) ticket.claim = { officer, at: this.now().toISOString() };
    });
  }

  /** The holder lets the ticket go back to the queue (the assistant answers again meanwhile). */
  release(code: string, officer: string | null): Promise<Ticket> {
    return this.update(code, 'released', (ticket) => {
      assertHolder(ticket, officer);
      ticket.claim = null;
    });
  }

  /** Closes the ticket and gives the conversation back to the assistant. */
  handBack(code: string, officer: string | null): Promise<Ticket> {
    return this.close(code, officer, 'handed_back');
  }

  /** The citizen has just been told their message waits for the officer. */
  markHeldNotice(code: string): Promise<Ticket> {
    return this.update(code, 'noticed', (ticket) => {
      ticket.heldNoticeAt = this.now().toISOString();
    });
  }

  /** Adds what the citizen (or the bot) said after the handoff, masked, to an open ticket. */
  appendLines(code: string, lines: TranscriptLine[]): Promise<Ticket> {
    return this.update(code, 'message', (ticket) => {
      ticket.transcript.push(...lines.map(maskLine));
      ticket.transcript.splice(0, Math.max(0, ticket.transcript.length - TICKET_LIMITS.transcript));
    }, lines.length);
  }

  /** Records an officer's reply on an open ticket; `delivered` is set once delivery worked. */
  async addReply(code: string, reply: { officer: string | null; text: string }): Promise<{ ticket: Ticket; reply: TicketReply }> {
    const added: TicketReply = { id: randomUUID(), at: this.now().toISOString(), officer: reply.officer, text: reply.text, delivered: false };
    const ticket = await this.update(code, 'reply', (t) => {
      if (t.status !== 'open') throw new AppError('TICKET_CLOSED');
      assertHolder(t, reply.officer);
      if (t.replies.length >= TICKET_LIMITS.replies) throw new AppError('VALIDATION_FAILED', `A ticket holds at most ${TICKET_LIMITS.replies} replies.`);
      t.replies.push(added);
    });
    return { ticket, reply: { ...added } };
  }

  markDelivered(code: string, replyId: string): Promise<Ticket> {
    return this.update(code, 'delivered', (ticket) => {
      const reply = ticket.replies.find((r) => r.id === replyId);
      if (reply) reply.delivered = true;
    });
  }

  close(code: string, officer: string | null, reason: 'closed' | 'handed_back' = 'closed'): Promise<Ticket> {
    return this.update(code, 'closed', (ticket) => {
      if (ticket.status === 'closed') return;
      assertHolder(ticket, officer);
      ticket.status = 'closed';
      ticket.closedAt = this.now().toISOString();
      ticket.closedBy = officer;
      ticket.closedReason = reason;
      ticket.claim = null;
    });
  }

  private async update(code: string, kind: TicketChangeKind, change: (ticket: Ticket) => void, added = 0): Promise<Ticket> {
    const after = await this.store.update(code, (ticket) => {
      if (claimLapsed(ticket, this.now(), this.claimLapseMs)) ticket.claim = null;
      change(ticket);
      ticket.updatedAt = this.now().toISOString();
    });
    this.emit({ kind, ticket: after, ...(added ? { lines: after.transcript.slice(-added) } : {}) });
    return after;
  }

  private withoutLapsedClaim(ticket: Ticket): Ticket {
    return claimLapsed(ticket, this.now(), this.claimLapseMs) ? { ...ticket, claim: null } : ticket;
  }

  private emit(change: TicketChange): void {
    this.changes += 1;
    for (const listener of this.listeners) {
      try {
        listener(structuredClone(change));
      } catch {
        // A listener's failure is its own: the change is kept.
      }
    }
  }
}
