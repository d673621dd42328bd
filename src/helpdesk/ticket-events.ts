import { randomUUID } from 'node:crypto';
import type { TicketChange, TicketChangeKind, TicketReply, TranscriptLine } from './tickets.js';
import { ticketSummary, type ProcedureNames, type TicketSummary } from './ticket-summary.js';

// What the help-desk page hears about tickets as they change: a new ticket, the citizen's new
// lines, a reply, a claim, a release, a close. Published through a small interface, served by
// the stores' broadcast (Stores.broadcast): in this process with files, through PostgreSQL
// NOTIFY to every process with DATABASE_URL, so a console open on one process sees the changes
// made through another. An event is plain JSON and small: the queue row, and the
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

/** An event as it arrives from another process (Stores.broadcast): the fields the page relies on, checked. */
export function asTicketEvent(value: unknown): TicketEvent {
  const e = value as Partial<TicketEvent> | null;
  if (!e || typeof e.id !== 'string' || typeof e.kind !== 'string' || typeof e.code !== 'string' || typeof e.ticket !== 'object' || e.ticket === null) {
    throw new Error('not a ticket event');
  }
  return e as TicketEvent;
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
