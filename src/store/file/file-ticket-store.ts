import { mkdir, readdir } from 'node:fs/promises';
import path from 'node:path';
import { z } from 'zod';
import { Low } from 'lowdb';
import { JSONFile } from 'lowdb/node';
import { AppError } from '../../errors.js';
import type { Logger } from '../../log/logger.js';
import { KeyedQueue } from '../keyed-queue.js';
import { ticketSchema, type Ticket, type TicketStatus, type TicketStore } from '../ticket-store.js';
import { readJsonFile } from './read-json-file.js';

// Tickets as one lowdb file per ticket in DATA_DIR/tickets (owner-only), every change
// serialised per ticket and written before it is answered or seen. Tickets are few (people
// answer them), so all are held in memory; a line added to one ticket rewrites that ticket only.

export const TICKETS_DIR = 'tickets';

const fileSchema = z.object({ version: z.literal(1), ticket: ticketSchema });
type TicketFile = z.infer<typeof fileSchema>;

export class FileTicketStore implements TicketStore {
  private readonly queue = new KeyedQueue();
  private readonly tickets = new Map<string, Low<TicketFile>>();
  /** The open ticket of each conversation. */
  private readonly openByConversation = new Map<string, string>();

  private constructor(private readonly dir: string) {}

  static async open(dataDir: string, logger: Logger): Promise<FileTicketStore> {
    const dir = path.join(dataDir, TICKETS_DIR);
    await mkdir(dir, { recursive: true, mode: 0o700 });
    const store = new FileTicketStore(dir);
    for (const name of (await readdir(dir)).filter((n) => /^HT-[A-Z0-9]+\.json$/.test(n))) {
      const file = path.join(dir, name);
      const data = await readJsonFile(file, fileSchema, logger);
      if (data) store.index(new Low(new JSONFile<TicketFile>(file), data));
    }
    return store;
  }

  insert(ticket: Ticket): Promise<boolean> {
    return this.queue.run(ticket.code, async () => {
      if (this.tickets.has(ticket.code)) return false;
      const db = new Low(new JSONFile<TicketFile>(path.join(this.dir, `${ticket.code}.json`)), { version: 1, ticket: clone(ticket) });
      await db.write();
      this.index(db);
      return true;
    });
  }

  async get(code: string): Promise<Ticket | undefined> {
    const db = this.tickets.get(code);
    return db ? clone(db.data.ticket) : undefined;
  }

  async list(status?: TicketStatus): Promise<Ticket[]> {
    return [...this.tickets.values()].map((db) => db.data.ticket)
      .filter((t) => !status || t.status === status)
      .sort((a, b) => b.createdAt.localeCompare(a.createdAt))
      .map(clone);
  }

  async openCodeFor(conversationId: string): Promise<string | undefined> {
    return this.openByConversation.get(conversationId);
  }

  /** Changes a copy and writes it; memory changes only once the file is written. */
  update(code: string, change: (ticket: Ticket) => void): Promise<Ticket> {
    return this.queue.run(code, async () => {
      const db = this.tickets.get(code);
      if (!db) throw new AppError('TICKET_NOT_FOUND');
      const before = db.data;
      const after = clone(before.ticket);
      change(after);
      db.data = { version: 1, ticket: after };
      try {
        await db.write();
      } catch (err) {
        db.data = before;
        throw err;
      }
      this.index(db);
      return clone(after);
    });
  }

  close(): Promise<void> {
    return this.queue.idle();
  }

  private index(db: Low<TicketFile>): void {
    const { ticket } = db.data;
    this.tickets.set(ticket.code, db);
    if (ticket.status === 'open') this.openByConversation.set(ticket.conversationId, ticket.code);
    else if (this.openByConversation.get(ticket.conversationId) === ticket.code) this.openByConversation.delete(ticket.conversationId);
  }
}

function clone<T>(value: T): T {
  return structuredClone(value);
}
