import { z } from 'zod';

// Handoff tickets: a citizen asked for a person; an officer reads the recent conversation,
// replies, closes. The store keeps the records; the help desk (src/helpdesk/tickets.ts)
// decides what goes in them (masked lines, limits, codes).

const speakerSchema = z.enum(['citizen', 'bot']);
export const transcriptLineSchema = z.object({
  from: speakerSchema,
  text: z.string(),
  at: z.string(),
  /** On a bot line: what the assistant understood of the turn (intent, procedure); no personal data. */
  intent: z.string().max(80).optional(),
  procedure: z.string().max(160).nullable().optional(),
});
/** The officer who holds a ticket: the only one who may answer it, and the assistant stays quiet. */
export const ticketClaimSchema = z.object({ officer: z.string(), at: z.string() });
export const ticketReplySchema = z.object({
  id: z.string(),
  at: z.string(),
  officer: z.string().nullable(),
  text: z.string(),
  /** Whether it reached the citizen's open conversation; either way it can be read by code. */
  delivered: z.boolean(),
});
export const ticketSchema = z.object({
  code: z.string(),
  status: z.enum(['open', 'closed']),
  createdAt: z.string(),
  updatedAt: z.string(),
  closedAt: z.string().optional(),
  closedBy: z.string().nullable().optional(),
  /** `handed_back`: the officer gave the conversation back to the assistant. */
  closedReason: z.enum(['closed', 'handed_back']).optional(),
  claim: ticketClaimSchema.nullable().optional(),
  /** When the citizen was last told their message waits for the officer holding the ticket. */
  heldNoticeAt: z.string().optional(),
  conversationId: z.string(),
  channelId: z.string(),
  /** The service that carries the conversation, as its channel names it (a Bot Framework channel's reply address). */
  serviceUrl: z.string().optional(),
  transcript: z.array(transcriptLineSchema),
  replies: z.array(ticketReplySchema),
});

export type TranscriptLine = z.infer<typeof transcriptLineSchema>;
export type TicketReply = z.infer<typeof ticketReplySchema>;
export type Ticket = z.infer<typeof ticketSchema>;
export type TicketStatus = Ticket['status'];
export type TicketClaim = z.infer<typeof ticketClaimSchema>;

export interface TicketStore {
  /** Keeps a new ticket; false (and nothing kept) when a ticket already has its code. */
  insert(ticket: Ticket): Promise<boolean>;
  /** A copy of the ticket; undefined when there is none. */
  get(code: string): Promise<Ticket | undefined>;
  /** Copies, newest first; `status` filters. */
  list(status?: TicketStatus): Promise<Ticket[]>;
  /** The code of a conversation's open ticket (asked at the end of every turn: keep it cheap). */
  openCodeFor(conversationId: string): Promise<string | undefined>;
  /**
   * Changes a ticket: `change` gets a copy, and what it leaves is kept whole, or nothing is
   * when it throws (its error is the answer). Changes to one ticket run one at a time.
   * TICKET_NOT_FOUND when there is none. Answers a copy of the ticket as kept.
   */
  update(code: string, change: (ticket: Ticket) => void): Promise<Ticket>;
  /** Waits for the changes under way, for a clean shutdown. */
  close(): Promise<void>;
}
