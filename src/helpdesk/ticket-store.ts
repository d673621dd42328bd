import { randomUUID } from 'node:crypto';
import { mkdir, readdir } from 'node:fs/promises';
import path from 'node:path';
import { z } from 'zod';
import { Low } from 'lowdb';
import { JSONFile } from 'lowdb/node';
import { AppError } from '../errors.js';
import type { Logger } from '../log/logger.js';
import { maskPersonalData } from '../log/mask.js';
import { KeyedQueue } from '../store/keyed-queue.js';
import { readJsonFile } from '../store/read-json-file.js';
import { newTicketCode } from './ticket-code.js';
import { assertHolder } from './ticket-claim.js';

// Handoff tickets: a citizen asked for a person; an officer reads the recent conversation,
// replies, closes. One lowdb file per ticket in DATA_DIR/tickets (owner-only), every change
// serialised and written before it is answered. What the citizen typed is masked on the way in (phone and id numbers, and
// any run of 4 digits or more, e.g. the last-4 answer); dossier codes stay, the officer
// needs them. An officer's reply is kept as written: it is what the citizen reads back.

export const TICKETS_DIR = 'tickets';
export const TICKET_LIMITS = { transcript: 60, text: 1000, replies: 100 } as const;

const speakerSchema = z.enum(['citizen', 'bot']);
const lineSchema = z.object({
  from: speakerSchema,
  text: z.string(),
  at: z.string(),
  /** On a bot line: what the assistant understood of the turn (intent, procedure); no personal data. */
  intent: z.string().max(80).optional(),
  procedure: z.string().max(160).nullable().optional(),
});
/** The officer who holds a ticket: the only one who may answer it, and the assistant stays quiet. */
const claimSchema = z.object({ officer: z.string(), at: z.string() });
const replySchema = z.object({
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
  claim: claimSchema.nullable().optional(),
  /** When the citizen was last told their message waits for the officer holding the ticket. */
  heldNoticeAt: z.string().optional(),
  conversationId: z.string(),
  channelId: z.string(),
  transcript: z.array(lineSchema),
  replies: z.array(replySchema),
});
const fileSchema = z.object({ version: z.literal(1), ticket: ticketSchema });

export type TranscriptLine = z.infer<typeof lineSchema>;
export type TicketReply = z.infer<typeof replySchema>;
export type Ticket = z.infer<typeof ticketSchema>;
export type TicketStatus = Ticket['status'];
export type TicketClaim = z.infer<typeof claimSchema>;
export type TicketChangeKind = 'created' | 'message' | 'reply' | 'delivered' | 'claimed' | 'released' | 'closed' | 'noticed';
/** One change of a ticket, as it was written; `lines` are the lines a 'message' added (masked). */
export interface TicketChange { kind: TicketChangeKind; ticket: Ticket; lines?: TranscriptLine[] }
type TicketFile = z.infer<typeof fileSchema>;

/** How a line is stored: masked, shortened. */
export function maskLine(line: TranscriptLine): TranscriptLine {
  const text = maskPersonalData(line.text, { keepDossierCodes: true, shortNumbers: line.from === 'citizen' });
  return { ...line, text: text.slice(0, TICKET_LIMITS.text) };
}

interface Entry { db: Low<TicketFile> }

export class TicketStore {
  // One queue per ticket: a change and its file write are one step. Tickets are few (people
  // answer them), so all are held in memory; each has its own small file, so a line added to
  // one ticket rewrites that ticket only.
  private readonly queue = new KeyedQueue();
  private readonly tickets = new Map<string, Entry>();
  /** The open ticket of each conversation. */
  private readonly openByConversation = new Map<string, string>();
  private readonly listeners = new Set<(change: TicketChange) => void>();

  private constructor(private readonly dir: string) {}

  static async open(dataDir: string, logger: Logger): Promise<TicketStore> {
    const dir = path.join(dataDir, TICKETS_DIR);
    await mkdir(dir, { recursive: true, mode: 0o700 });
    const store = new TicketStore(dir);
    for (const name of (await readdir(dir)).filter((n) => /^HT-[A-Z0-9]+\.json$/.test(n))) {
      const file = path.join(dir, name);
      const data = await readJsonFile(file, fileSchema, logger);
      if (data) store.index(new Low(new JSONFile<TicketFile>(file), data));
    }
    return store;
  }

  /** A new open ticket for a conversation, with its recent transcript (masked here). */
  create(input: { conversationId: string; channelId: string; transcript: TranscriptLine[] }): Promise<Ticket> {
    return this.queue.run('create', async () => {
      let code = newTicketCode();
      while (this.tickets.has(code)) code = newTicketCode();
      const now = new Date().toISOString();
      const ticket: Ticket = {
        code,
        status: 'open',
        createdAt: now,
        updatedAt: now,
        conversationId: input.conversationId,
        channelId: input.channelId,
        transcript: input.transcript.slice(-TICKET_LIMITS.transcript).map(maskLine),
        replies: [],
      };
      const db = new Low(new JSONFile<TicketFile>(path.join(this.dir, `${code}.json`)), { version: 1, ticket });
      await db.write();
      this.index(db);
      this.emit({ kind: 'created', ticket });
      return clone(ticket);
    });
  }

  /** Called after every change is written (the help desk's event stream); answers an unsubscribe. */
  onChange(listener: (change: TicketChange) => void): () => void {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }

  /** Who holds a ticket, without copying it (asked on every turn of a conversation with an open ticket). */
  claimOf(code: string): (TicketClaim & { lastReplyAt: string | null; heldNoticeAt: string | null }) | null {
    const ticket = this.tickets.get(code)?.db.data.ticket;
    if (!ticket?.claim || ticket.status !== 'open') return null;
    return { ...ticket.claim, lastReplyAt: ticket.replies.at(-1)?.at ?? null, heldNoticeAt: ticket.heldNoticeAt ?? null };
  }

  /** An officer takes the ticket; the same officer again changes nothing; another one gets TICKET_HELD. */
  claim(code: string, officer: string): Promise<Ticket> {
    return this.update(code, 'claimed', (ticket) => {
      if (ticket.status !== 'open') throw new AppError('TICKET_CLOSED');
      assertHolder(ticket, officer);
      if (!ticket.claim) ticket.claim = { officer, at: new Date().toISOString() };
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
      ticket.heldNoticeAt = new Date().toISOString();
    });
  }

  get(code: string): Ticket | undefined {
    const entry = this.tickets.get(code);
    return entry ? clone(entry.db.data.ticket) : undefined;
  }

  /** Newest first; `status` filters. */
  list(status?: TicketStatus): Ticket[] {
    return [...this.tickets.values()].map((e) => e.db.data.ticket)
      .filter((t) => !status || t.status === status)
      .sort((a, b) => b.createdAt.localeCompare(a.createdAt))
      .map(clone);
  }

  /** The open ticket of a conversation, if the citizen already asked for a person there. */
  openFor(conversationId: string): Ticket | undefined {
    const code = this.openCodeFor(conversationId);
    return code ? this.get(code) : undefined;
  }

  /** Its code only: no copy of the ticket (asked at the end of every turn). */
  openCodeFor(conversationId: string): string | undefined {
    return this.openByConversation.get(conversationId);
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
    const added: TicketReply = { id: randomUUID(), at: new Date().toISOString(), officer: reply.officer, text: reply.text, delivered: false };
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
      ticket.closedAt = new Date().toISOString();
      ticket.closedBy = officer;
      ticket.closedReason = reason;
      ticket.claim = null;
    });
  }

  /** Waits for queued writes, for a clean shutdown. */
  idle(): Promise<void> {
    return this.queue.idle();
  }

  private index(db: Low<TicketFile>): void {
    const { ticket } = db.data;
    this.tickets.set(ticket.code, { db });
    if (ticket.status === 'open') this.openByConversation.set(ticket.conversationId, ticket.code);
    else if (this.openByConversation.get(ticket.conversationId) === ticket.code) this.openByConversation.delete(ticket.conversationId);
  }

  /** Changes a copy and writes it; memory changes only once the file is written. */
  private update(code: string, kind: TicketChangeKind, change: (ticket: Ticket) => void, added = 0): Promise<Ticket> {
    return this.queue.run(code, async () => {
      const entry = this.tickets.get(code);
      if (!entry) throw new AppError('TICKET_NOT_FOUND');
      const before = entry.db.data;
      const after = clone(before.ticket);
      change(after);
      after.updatedAt = new Date().toISOString();
      entry.db.data = { version: 1, ticket: after };
      try {
        await entry.db.write();
      } catch (err) {
        entry.db.data = before;
        throw err;
      }
      this.index(entry.db);
      this.emit({ kind, ticket: after, ...(added ? { lines: after.transcript.slice(-added) } : {}) });
      return clone(after);
    });
  }

  private emit(change: TicketChange): void {
    for (const listener of this.listeners) {
      try {
        listener(clone(change));
      } catch {
        // A listener's failure is its own: the change is written.
      }
    }
  }
}

function clone<T>(value: T): T {
  return structuredClone(value);
}
