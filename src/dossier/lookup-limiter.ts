import type { RateCounters } from '../store/rate-counters.js';

// Bounds how fast one conversation, or one client address, can try dossier and ticket codes:
// a code opens a dossier's status, so trying codes in a row is how someone would go fishing.
// Looking at the same code again costs nothing (a citizen asking twice is not guessing);
// every new code counts against both the conversation and the address.

export interface LookupLimits {
  /** New codes one conversation may look up per window. */
  perConversation: number;
  /** New codes one client address may look up per window (many citizens can share one address). */
  perAddress: number;
  windowMs: number;
}

export const DEFAULT_LOOKUP_LIMITS: LookupLimits = { perConversation: 5, perAddress: 60, windowMs: 60_000 };

export interface LookupKeys {
  /** Left out for what is bounded per conversation otherwise (the last-4 tries). */
  conversation?: string | undefined;
  /** Unknown on channels where the citizen's address is not ours to see (Bot Framework). */
  address?: string | undefined;
}

export type LookupDecision = { allowed: true } | { allowed: false; retryAfterMs: number };

export class LookupLimiter {
  constructor(
    private readonly counters: RateCounters,
    private readonly limits: LookupLimits = DEFAULT_LOOKUP_LIMITS,
    private readonly now: () => number = Date.now,
  ) {}

  /** Records a lookup of `item` (a canonical code) unless a limit is reached; nothing is recorded when refused. */
  async take(keys: LookupKeys, item: string): Promise<LookupDecision> {
    const decision = await this.check(keys, item);
    if (decision.allowed) await this.record(keys, item);
    return decision;
  }

  /** Whether a lookup of `item` would be allowed now, recording nothing. */
  async check(keys: LookupKeys, item: string): Promise<LookupDecision> {
    const at = this.now();
    let retryAfterMs = 0;
    for (const [key, limit] of this.buckets(keys)) {
      const recent = await this.counters.recent(key, at - this.limits.windowMs);
      if (recent.some((h) => h.item === item)) continue;
      if (recent.length >= limit) retryAfterMs = Math.max(retryAfterMs, (recent[0]?.at ?? at) + this.limits.windowMs - at);
    }
    return retryAfterMs > 0 ? { allowed: false, retryAfterMs } : { allowed: true };
  }

  /** Counts a lookup of `item` (again within the window: no new count). */
  async record(keys: LookupKeys, item: string): Promise<void> {
    const at = this.now();
    await Promise.all(this.buckets(keys).map(([key]) => this.counters.record(key, item, at, at - this.limits.windowMs)));
  }

  private buckets(keys: LookupKeys): Array<[string, number]> {
    const buckets: Array<[string, number]> = [];
    if (keys.conversation) buckets.push([`c:${keys.conversation}`, this.limits.perConversation]);
    if (keys.address) buckets.push([`a:${keys.address}`, this.limits.perAddress]);
    return buckets;
  }
}
