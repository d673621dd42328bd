import type { RateCounters, RateHit } from '../rate-counters.js';
import type { PgDatabase } from './pg-database.js';

// Lookup counts in rate_hits, shared by every process, so that the limits hold for the
// service as a whole however many processes answer. Old hits are deleted now and then.

const SWEEP_EVERY = 500;

export class PgRateCounters implements RateCounters {
  private calls = 0;

  constructor(private readonly db: PgDatabase) {}

  async recent(key: string, since: number): Promise<RateHit[]> {
    const { rows } = await this.db.query<{ item: string; at: string }>(
      'SELECT item, at FROM rate_hits WHERE key = $1 AND at > $2 ORDER BY at, item', [key, since]);
    return rows.map((r) => ({ item: r.item, at: Number(r.at) }));
  }

  async record(key: string, item: string, at: number, since: number): Promise<void> {
    if (++this.calls % SWEEP_EVERY === 0) await this.db.query('DELETE FROM rate_hits WHERE at <= $1', [since]);
    await this.db.query(
      'INSERT INTO rate_hits (key, item, at) VALUES ($1, $2, $3) ON CONFLICT (key, item) DO UPDATE SET at = GREATEST(rate_hits.at, excluded.at)',
      [key, item, at]);
  }
}
