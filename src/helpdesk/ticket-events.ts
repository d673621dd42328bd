import { randomUUID } from 'node:crypto';
import type { TicketChange, TicketChangeKind, TicketReply, TranscriptLine } from './tickets.js';
import { ticketSummary, type ProcedureNames, type TicketSummary } from './ticket-summary.js';

// What the help-desk page hears about tickets as they change: a new ticket, the citizen's new
// lines, a reply, a claim, a release, a close. Published through a small interface so that
// the events can later come from other processes (PostgreSQL LISTEN/NOTIFY); today they come
// from this process's ticket store. An event is plain JSON and small: the queue row, and the
// lines or the reply that changed, so that the page needs no (audited) read per event.

export interface TicketEvent {
  id: string;
  at: string;
  kind: TicketChangeKind;
  code: string;
  ticket: TicketSummary;
  /** The masked lines a 'message' added. */
  lines?: TranscriptLine[];
  /** The reply a 'reply' or 'delivered' is about. */
  reply?: TicketReply;
}

export type TicketEventListener = (event: TicketEvent) => void;

export interface TicketEvents {
  publish(event: TicketEvent): Promise<void>;
  /** Answers an unsubscribe. */
  subscribe(listener: TicketEventListener): () => void;
}

/** Events within one process. */
export class InProcessTicketEvents implements TicketEvents {
  private readonly listeners = new Set<TicketEventListener>();

  async publish(event: TicketEvent): Promise<void> {
    for (const listener of this.listeners) {
      try {
        listener(event);
      } catch {
        // One stream's failure does not stop the others.
      }
    }
  }

  subscribe(listener: TicketEventListener): () => void {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }
}

/** A change of the ticket store as the event the page gets. */
export function ticketEvent(change: TicketChange, procedureName?: ProcedureNames): TicketEvent {
  const { kind, ticket, lines } = change;
  const reply = kind === 'reply' ? ticket.replies.at(-1) : kind === 'delivered' ? ticket.replies.findLast((r) => r.delivered) : undefined;
  return {
    id: randomUUID(),
    at: ticket.updatedAt,
    kind,
    code: ticket.code,
    ticket: ticketSummary(ticket, procedureName),
    ...(lines ? { lines } : {}),
    ...(reply ? { reply } : {}),
  };
}
