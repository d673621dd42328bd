import { randomUUID } from 'node:crypto';
import { mkdir } from 'node:fs/promises';
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

// Handoff tickets: a citizen asked for a person; an officer reads the recent conversation,
// replies, closes. One lowdb file in DATA_DIR, every change serialised and written before it
// is answered. What the citizen typed is masked on the way in (phone and id numbers, and
// any run of 4 digits or more, e.g. the last-4 answer); dossier codes stay, the officer
// needs them. An officer's reply is kept as written: it is what the citizen reads back.

export const TICKETS_FILE = 'helpdesk-tickets.json';
export const TICKET_LIMITS = { transcript: 60, text: 1000, replies: 100 } as const;

const speakerSchema = z.enum(['citizen', 'bot']);
const lineSchema = z.object({ from: speakerSchema, text: z.string(), at: z.string() });
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
  conversationId: z.string(),
  channelId: z.string(),
  transcript: z.array(lineSchema),
  replies: z.array(replySchema),
});
const fileSchema = z.object({ version: z.literal(1), tickets: z.array(ticketSchema) });

export type TranscriptLine = z.infer<typeof lineSchema>;
export type TicketReply = z.infer<typeof replySchema>;
export type Ticket = z.infer<typeof ticketSchema>;
export type TicketStatus = Ticket['status'];
type TicketsFile = z.infer<typeof fileSchema>;

/** How a line is stored: masked, shortened. */
export function maskLine(line: TranscriptLine): TranscriptLine {
  const text = maskPersonalData(line.text, { keepDossierCodes: true, shortNumbers: line.from === 'citizen' });
  return { ...line, text: text.slice(0, TICKET_LIMITS.text) };
}

export class TicketStore {
  private readonly queue = new KeyedQueue();

  private constructor(private readonly db: Low<TicketsFile>) {}

  static async open(dataDir: string, logger: Logger): Promise<TicketStore> {
    await mkdir(dataDir, { recursive: true });
    const file = path.join(dataDir, TICKETS_FILE);
    const data = await readJsonFile(file, fileSchema, logger);
    return new TicketStore(new Low(new JSONFile<TicketsFile>(file), data ?? { version: 1, tickets: [] }));
  }

  /** A new open ticket for a conversation, with its recent transcript (masked here). */
  create(input: { conversationId: string; channelId: string; transcript: TranscriptLine[] }): Promise<Ticket> {
    return this.queue.run('file', async () => {
      const taken = new Set(this.db.data.tickets.map((t) => t.code));
      let code = newTicketCode();
      while (taken.has(code)) code = newTicketCode();
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
      await this.commit(() => { this.db.data.tickets.push(ticket); }, () => { this.db.data.tickets.pop(); });
      return clone(ticket);
    });
  }

  get(code: string): Ticket | undefined {
    const ticket = this.find(code);
    return ticket ? clone(ticket) : undefined;
  }

  /** Newest first; `status` filters. */
  list(status?: TicketStatus): Ticket[] {
    return this.db.data.tickets.filter((t) => !status || t.status === status)
      .sort((a, b) => b.createdAt.localeCompare(a.createdAt))
      .map(clone);
  }

  /** The open ticket of a conversation, if the citizen already asked for a person there. */
  openFor(conversationId: string): Ticket | undefined {
    const ticket = this.db.data.tickets.findLast((t) => t.conversationId === conversationId && t.status === 'open');
    return ticket ? clone(ticket) : undefined;
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

  /** Waits for queued writes, for a clean shutdown. */
  idle(): Promise<void> {
    return this.queue.idle();
  }

  private find(code: string): Ticket | undefined {
    return this.db.data.tickets.find((t) => t.code === code);
  }

  /** Changes a copy, swaps it in and writes; the old ticket comes back if the write fails. */
  private update(code: string, change: (ticket: Ticket) => void): Promise<Ticket> {
    return this.queue.run('file', async () => {
      const index = this.db.data.tickets.findIndex((t) => t.code === code);
      const before = this.db.data.tickets[index];
      if (!before) throw new AppError('TICKET_NOT_FOUND');
      const after = clone(before);
      change(after);
      after.updatedAt = new Date().toISOString();
      await this.commit(() => { this.db.data.tickets[index] = after; }, () => { this.db.data.tickets[index] = before; });
      return clone(after);
    });
  }

  private async commit(apply: () => void, undo: () => void): Promise<void> {
    apply();
    try {
      await this.db.write();
    } catch (err) {
      undo();
      throw err;
    }
  }
}

function clone<T>(value: T): T {
  return structuredClone(value);
}
