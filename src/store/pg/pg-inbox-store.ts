import { KeyedQueue } from '../keyed-queue.js';
import { INBOX_CAPACITY, inboxItemSchema, type InboxItem, type InboxResolution, type InboxStatus, type InboxStore } from '../inbox-store.js';
import type { PgDatabase } from './pg-database.js';

// The inbox in the inbox table, oldest first by position. Recording a question is one
// statement that inserts it and, when the inbox is beyond its capacity, drops the oldest
// handled questions, then the oldest open ones, however many processes record at once.

const ADD = `WITH added AS (
    INSERT INTO inbox (id, status, item)
    SELECT i->>'id', i->>'status', i::json FROM unnest($1::jsonb[]) WITH ORDINALITY AS t(i, n) ORDER BY n
    ON CONFLICT (id) DO UPDATE SET status = excluded.status, item = excluded.item, position = nextval('inbox_position')
    RETURNING 1
  )
  SELECT count(*) AS added FROM added`;
const TRIM = `DELETE FROM inbox WHERE id IN (
    SELECT id FROM inbox ORDER BY (status = 'open'), position
    LIMIT GREATEST(0, (SELECT count(*) FROM inbox) - $1)
  )`;

export class PgInboxStore implements InboxStore {
  /** Adds and resolutions from this process, in the order asked. */
  private readonly queue = new KeyedQueue();

  constructor(private readonly db: PgDatabase, private readonly capacity: number = INBOX_CAPACITY) {}

  add(items: InboxItem[]): Promise<void> {
    return this.queue.run('inbox', async () => {
      if (!items.length) return;
      await this.db.query(ADD, [items.map((i) => JSON.stringify(i))]);
      await this.db.query(TRIM, [this.capacity]);
    });
  }

  async list(status: InboxStatus | 'all'): Promise<InboxItem[]> {
    await this.queue.idle();
    const { rows } = status === 'all'
      ? await this.db.query<{ item: unknown }>('SELECT item FROM inbox ORDER BY position')
      : await this.db.query<{ item: unknown }>('SELECT item FROM inbox WHERE status = $1 ORDER BY position', [status]);
    return rows.map((r) => inboxItemSchema.parse(r.item));
  }

  async get(id: string): Promise<InboxItem | undefined> {
    await this.queue.idle();
    const { rows } = await this.db.query<{ item: unknown }>('SELECT item FROM inbox WHERE id = $1', [id]);
    return rows[0] ? inboxItemSchema.parse(rows[0].item) : undefined;
  }

  resolve(ids: readonly string[], resolution: InboxResolution): Promise<void> {
    return this.queue.run('inbox', async () => {
      const fields = { status: resolution.status, resolvedAt: resolution.resolvedAt, ...(resolution.resolution ? { resolution: resolution.resolution } : {}) };
      await this.db.query(
        'UPDATE inbox SET status = $2, item = (item::jsonb || $3::jsonb)::json WHERE id = ANY($1)',
        [[...ids], resolution.status, JSON.stringify(fields)]);
    });
  }

  close(): Promise<void> {
    return this.queue.idle();
  }
}
