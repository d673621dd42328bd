import type { Broadcast } from '../broadcast.js';
import { LocalBroadcast } from '../memory/local-broadcast.js';
import type { PgDatabase } from './pg-database.js';

// Events as NOTIFY on a channel of the schema, heard by every process that LISTENs, the
// publisher included (it hears its own events through the database, in the same order as the
// others do). An event too large for a notification (8000 bytes) is kept in broadcast_events
// and its id sent instead; kept events are deleted after an hour.

const MAX_NOTICE_BYTES = 7900;
const KEEP_MINUTES = 60;

export class PgBroadcast<T> implements Broadcast<T> {
  private readonly local = new LocalBroadcast<T>();
  private readonly channel: string;
  private published = 0;
  /** Notifications are handled one at a time, so that one read from the table keeps its place. */
  private handling: Promise<void> = Promise.resolve();

  /** Listens from now on (the LISTEN itself is sent in the background). */
  constructor(private readonly db: PgDatabase, name: string, private readonly parse: (value: unknown) => T) {
    this.channel = db.channel(`broadcast.${name}`);
    void db.listener.listen(this.channel, (payload) => {
      this.handling = this.handling.then(() => this.heard(payload), () => this.heard(payload));
    });
  }

  async publish(event: T): Promise<void> {
    const text = JSON.stringify(event);
    if (Buffer.byteLength(text) + 1 <= MAX_NOTICE_BYTES) {
      await this.db.query('SELECT pg_notify($1, $2)', [this.channel, text]);
      return;
    }
    if (++this.published % 100 === 1) await this.db.query(`DELETE FROM broadcast_events WHERE at < now() - interval '${KEEP_MINUTES} minutes'`);
    await this.db.query(
      'WITH kept AS (INSERT INTO broadcast_events (event) VALUES ($1) RETURNING id) SELECT pg_notify($2, \'#\' || id) FROM kept',
      [text, this.channel]);
  }

  subscribe(listener: (event: T) => void): () => void {
    return this.local.subscribe(listener);
  }

  private async heard(payload: string): Promise<void> {
    let text = payload;
    if (payload.startsWith('#')) {
      const { rows } = await this.db.query<{ event: string }>('SELECT event::text AS event FROM broadcast_events WHERE id = $1', [Number(payload.slice(1))]).catch(() => ({ rows: [] }));
      if (!rows[0]) return;
      text = rows[0].event;
    }
    let event: T;
    try {
      event = this.parse(JSON.parse(text));
    } catch {
      return; // not one of ours
    }
    await this.local.publish(event);
  }
}
