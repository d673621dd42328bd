import type { RateCounters, RateHit } from '../rate-counters.js';

// Rate counters in this process's memory: limits are per process and start afresh after a
// restart (a minute's window, nothing worth keeping). Keys with nothing recent are swept now
// and then, so memory follows the active users only.

const SWEEP_EVERY = 1000;

export class MemoryRateCounters implements RateCounters {
  private readonly hits = new Map<string, RateHit[]>();
  private calls = 0;

  async recent(key: string, since: number): Promise<RateHit[]> {
    return this.prune(key, since).map((h) => ({ ...h }));
  }

  async record(key: string, item: string, at: number, since: number): Promise<void> {
    this.calls += 1;
    if (this.calls % SWEEP_EVERY === 0) this.sweep(since);
    const list = this.prune(key, since);
    const seen = list.find((h) => h.item === item);
    if (seen) seen.at = at;
    else list.push({ item, at });
    list.sort((a, b) => a.at - b.at);
    this.hits.set(key, list);
  }

  /** Keys held in memory (for tests). */
  get size(): number {
    return this.hits.size;
  }

  /** The key's hits after `since`, oldest first (the stored array, pruned in place). */
  private prune(key: string, since: number): RateHit[] {
    const list = this.hits.get(key) ?? [];
    while ((list[0]?.at ?? Infinity) <= since) list.shift();
    if (!list.length) this.hits.delete(key);
    return list;
  }

  private sweep(since: number): void {
    for (const key of [...this.hits.keys()]) this.prune(key, since);
  }
}
