import { AppError } from '../../errors.js';
import { KeyedQueue } from '../keyed-queue.js';
import { ticketSchema, type Ticket, type TicketStatus, type TicketStore } from '../ticket-store.js';
import type { PgDatabase } from './pg-database.js';

// Handoff tickets in the tickets table: each ticket whole as JSON, with the columns it is
// found by. Changes to one ticket queue in this process, in the order asked; each reads the
// row FOR UPDATE, so they run one at a time across every process, and writes it back in the
// same transaction.

/** The open ticket of the conversation `id` (a parameter or a quoted value), newest first; a turn's opening reads it too (pg-conversation-turns.ts). */
export const openTicketSql = (id: string): string => `SELECT code FROM tickets WHERE conversation_id = ${id} AND status = 'open' ORDER BY created_at DESC LIMIT 1`;

const COLUMNS = (t: Ticket): unknown[] => [t.code, t.status, t.createdAt, t.conversationId, JSON.stringify(t)];

export class PgTicketStore implements TicketStore {
  private readonly queue = new KeyedQueue();

  constructor(private readonly db: PgDatabase) {}

  async insert(ticket: Ticket): Promise<boolean> {
    this.db.openings.forgetOpenTicket(ticket.conversationId);
    const { rowCount } = await this.db.query(
      'INSERT INTO tickets (code, status, created_at, conversation_id, ticket) VALUES ($1, $2, $3, $4, $5) ON CONFLICT (code) DO NOTHING',
      COLUMNS(ticket));
    return rowCount === 1;
  }

  async get(code: string): Promise<Ticket | undefined> {
    const { rows } = await this.db.query<{ ticket: unknown }>('SELECT ticket FROM tickets WHERE code = $1', [code]);
    return rows[0] ? ticketSchema.parse(rows[0].ticket) : undefined;
  }

  async list(status?: TicketStatus): Promise<Ticket[]> {
    const { rows } = status
      ? await this.db.query<{ ticket: unknown }>('SELECT ticket FROM tickets WHERE status = $1 ORDER BY created_at DESC', [status])
      : await this.db.query<{ ticket: unknown }>('SELECT ticket FROM tickets ORDER BY created_at DESC');
    return rows.map((r) => ticketSchema.parse(r.ticket));
  }

  async openCodeFor(conversationId: string): Promise<string | undefined> {
    // The turn's opening statement read it with its lock (pg-turn-openings.ts), or here.
    const opened = this.db.openings.takeOpenTicket(conversationId);
    if (opened !== undefined) return opened ?? undefined;
    const { rows } = await this.db.query<{ code: string }>(openTicketSql('$1'), [conversationId]);
    return rows[0]?.code;
  }

  update(code: string, change: (ticket: Ticket) => void): Promise<Ticket> {
    return this.queue.run(code, () => this.db.transaction(async (client) => {
      const { rows } = await client.query<{ ticket: unknown }>('SELECT ticket FROM tickets WHERE code = $1 FOR UPDATE', [code]);
      if (!rows[0]) throw new AppError('TICKET_NOT_FOUND');
      const ticket = ticketSchema.parse(rows[0].ticket);
      change(ticket);
      const after = ticketSchema.parse(ticket);
      this.db.openings.forgetOpenTicket(after.conversationId);
      await client.query('UPDATE tickets SET status = $2, created_at = $3, conversation_id = $4, ticket = $5 WHERE code = $1', COLUMNS(after));
      return after;
    }));
  }

  close(): Promise<void> {
    return this.queue.idle();
  }
}
