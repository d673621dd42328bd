import { createHmac, randomBytes } from 'node:crypto';
import type { Logger } from '../log/logger.js';
import { addDays, vietnamDate } from '../store/analytics-day.js';
import type { AnalyticsEvent, AnalyticsStore } from '../store/analytics-store.js';
import type { SecretStore } from '../store/secret-store.js';
import { buildReport, trafficOf, type AnalyticsReport, type TrafficFigures } from './report.js';

// Analytics off the turn's critical path: a turn hands its event over (record: hash the
// conversation id, push to a buffer) and goes on; the buffer is written in batches, once a
// second or when it fills. The buffer is bounded: past MAX_PENDING (a store that stopped
// answering) events are dropped and counted in the log, never held without limit.

/** An event as a turn gives it: the conversation id in clear, hashed before it is kept. */
export type TurnEvent = Omit<AnalyticsEvent, 'conversation'> & { conversationId: string };

export interface AnalyticsOptions {
  /** Days kept (ANALYTICS_DAYS): the day before the oldest is forgotten. */
  retentionDays: number;
  logger: Logger;
  /** Batches are written this often (ms). */
  flushMs?: number;
  /** Events held at most while the store is slow. */
  maxPending?: number;
  now?: () => Date;
}

const FLUSH_MS = 1000;
const MAX_PENDING = 10_000;
const BATCH = 500;
const PRUNE_EVERY_MS = 6 * 60 * 60 * 1000;
/** Hashes of conversations seen lately, kept so a conversation's turns hash once. */
const HASHES_KEPT = 2000;

export class Analytics {
  private pending: AnalyticsEvent[] = [];
  private timer: NodeJS.Timeout | null = null;
  private flushing: Promise<void> = Promise.resolve();
  private dropped = 0;
  private readonly hashes = new Map<string, string>();
  private readonly pruner: NodeJS.Timeout;
  private readonly flushMs: number;
  private readonly maxPending: number;
  private readonly now: () => Date;

  private constructor(private readonly store: AnalyticsStore, private readonly key: Buffer, private readonly options: AnalyticsOptions) {
    this.flushMs = options.flushMs ?? FLUSH_MS;
    this.maxPending = options.maxPending ?? MAX_PENDING;
    this.now = options.now ?? (() => new Date());
    this.pruner = setInterval(() => { void this.prune(); }, PRUNE_EVERY_MS);
    this.pruner.unref();
  }

  /** Analytics on `store`, hashing conversation ids with a key kept in `secrets`; forgets the days past retention. */
  static async open(store: AnalyticsStore, secrets: SecretStore, options: AnalyticsOptions): Promise<Analytics> {
    const { value } = await secrets.obtain('analytics-key', () => randomBytes(32).toString('base64url'));
    const analytics = new Analytics(store, Buffer.from(value), options);
    await analytics.prune();
    return analytics;
  }

  /** A keyed hash of a conversation id: the same conversation gives the same hash, which does not give the id back. */
  conversationHash(conversationId: string): string {
    let hash = this.hashes.get(conversationId);
    if (hash === undefined) {
      hash = createHmac('sha256', this.key).update(conversationId).digest('base64url').slice(0, 22);
      if (this.hashes.size >= HASHES_KEPT) this.hashes.delete(this.hashes.keys().next().value as string);
      this.hashes.set(conversationId, hash);
    }
    return hash;
  }

  /** Takes a turn's event; never waits, never throws. */
  record(turn: TurnEvent): void {
    if (this.pending.length >= this.maxPending) {
      this.dropped++;
      return;
    }
    const { conversationId, ...rest } = turn;
    this.pending.push({ ...rest, conversation: this.conversationHash(conversationId) });
    if (this.pending.length >= BATCH) void this.flush();
    else if (!this.timer) {
      this.timer = setTimeout(() => { void this.flush(); }, this.flushMs);
      this.timer.unref();
    }
  }

  /** Writes what was recorded and not yet written; resolves once it is kept. */
  flush(): Promise<void> {
    if (this.timer) clearTimeout(this.timer);
    this.timer = null;
    const batch = this.pending;
    this.pending = [];
    if (this.dropped) {
      this.options.logger.error({ dropped: this.dropped }, 'analytics: the store is not keeping up; events dropped');
      this.dropped = 0;
    }
    if (!batch.length) return this.flushing;
    this.flushing = this.flushing.then(() => this.store.append(batch)).catch((err: unknown) => {
      this.options.logger.error({ err: { name: (err as Error)?.name, message: (err as Error)?.message }, lost: batch.length }, 'analytics: could not keep events');
    });
    return this.flushing;
  }

  /** Today in Vietnam. */
  today(): string {
    return vietnamDate(this.now());
  }

  /** The figures of the days from `from` to `to` (both included, YYYY-MM-DD), this second's events included. */
  async report(from: string, to: string): Promise<AnalyticsReport> {
    await this.flush();
    return buildReport(from, to, await this.store.days(from, to));
  }

  /** Real-traffic figures of each model over the days kept. */
  async traffic(models: ReadonlyArray<string>): Promise<Record<string, TrafficFigures>> {
    await this.flush();
    const today = this.today();
    const days = await this.store.days(addDays(today, 1 - this.options.retentionDays), today);
    return Object.fromEntries(models.map((m) => [m, trafficOf(m, days)]));
  }

  /** Forgets the days past retention. */
  async prune(): Promise<void> {
    try {
      await this.store.prune(addDays(this.today(), 1 - this.options.retentionDays));
    } catch (err) {
      this.options.logger.error({ err: { name: (err as Error)?.name } }, 'analytics: could not forget old days');
    }
  }

  async close(): Promise<void> {
    clearInterval(this.pruner);
    await this.flush();
  }
}
