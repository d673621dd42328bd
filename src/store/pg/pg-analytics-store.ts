import { addEvent, emptyDay, vietnamDate } from '../analytics-day.js';
import { dayFiguresSchema, type AnalyticsEvent, type AnalyticsStore, type DayFigures } from '../analytics-store.js';
import { KeyedQueue } from '../keyed-queue.js';
import type { PgDatabase } from './pg-database.js';

// Analytics in analytics_events (each event, with its Vietnam day) and analytics_days (each
// day's figures). A batch is one transaction: its events are inserted and each day's figures
// row is locked (FOR UPDATE, days in date order, so two processes never wait on each other in
// a circle), folded forward with addEvent and written back. Figures and events are committed
// together, so they never disagree; a range reads one small row per day.

export class PgAnalyticsStore implements AnalyticsStore {
  /** Batches from this process, in the order appended. */
  private readonly queue = new KeyedQueue();

  constructor(private readonly db: PgDatabase) {}

  append(events: readonly AnalyticsEvent[]): Promise<void> {
    return this.queue.run('analytics', async () => {
      if (!events.length) return;
      const byDay = new Map<string, AnalyticsEvent[]>();
      for (const e of events) {
        const date = vietnamDate(e.at);
        byDay.set(date, [...(byDay.get(date) ?? []), e]);
      }
      await this.db.transaction(async (client) => {
        for (const date of [...byDay.keys()].sort()) {
          const batch = byDay.get(date)!;
          await client.query(
            'INSERT INTO analytics_events (day, event) SELECT $1, e FROM unnest($2::json[]) WITH ORDINALITY AS t(e, n) ORDER BY n',
            [date, batch.map((e) => JSON.stringify(e))]);
          await client.query('INSERT INTO analytics_days (day, figures) VALUES ($1, $2) ON CONFLICT (day) DO NOTHING', [date, JSON.stringify(emptyDay(date))]);
          const { rows } = await client.query<{ figures: unknown }>('SELECT figures FROM analytics_days WHERE day = $1 FOR UPDATE', [date]);
          const figures = dayFiguresSchema.parse(rows[0]?.figures);
          for (const e of batch) addEvent(figures, e);
          await client.query('UPDATE analytics_days SET figures = $2 WHERE day = $1', [date, JSON.stringify(figures)]);
        }
      });
    });
  }

  async days(from: string, to: string): Promise<DayFigures[]> {
    await this.queue.idle();
    const { rows } = await this.db.query<{ figures: unknown }>('SELECT figures FROM analytics_days WHERE day BETWEEN $1 AND $2 ORDER BY day', [from, to]);
    return rows.map((r) => dayFiguresSchema.parse(r.figures));
  }

  prune(before: string): Promise<void> {
    return this.queue.run('analytics', () => this.db.transaction(async (client) => {
      await client.query('DELETE FROM analytics_events WHERE day < $1', [before]);
      await client.query('DELETE FROM analytics_days WHERE day < $1', [before]);
    }));
  }

  close(): Promise<void> {
    return this.queue.idle();
  }
}
