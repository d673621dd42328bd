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

interface Hit { at: number; item: string }

const SWEEP_EVERY = 1000;

export class LookupLimiter {
  private readonly hits = new Map<string, Hit[]>();
  private calls = 0;

  constructor(private readonly limits: LookupLimits = DEFAULT_LOOKUP_LIMITS, private readonly now: () => number = Date.now) {}

  /** Records a lookup of `item` (a canonical code) unless a limit is reached; nothing is recorded when refused. */
  take(keys: LookupKeys, item: string): LookupDecision {
    const decision = this.check(keys, item);
    if (decision.allowed) this.record(keys, item);
    return decision;
  }

  /** Whether a lookup of `item` would be allowed now, recording nothing. */
  check(keys: LookupKeys, item: string): LookupDecision {
    const at = this.now();
    this.calls += 1;
    if (this.calls % SWEEP_EVERY === 0) this.sweep(at);
    let retryAfterMs = 0;
    for (const [key, limit] of this.buckets(keys)) {
      const recent = this.recent(key, at);
      if (recent.some((h) => h.item === item)) continue;
      if (recent.length >= limit) retryAfterMs = Math.max(retryAfterMs, (recent[0]?.at ?? at) + this.limits.windowMs - at);
    }
    return retryAfterMs > 0 ? { allowed: false, retryAfterMs } : { allowed: true };
  }

  /** Counts a lookup of `item` (again within the window: no new count). */
  record(keys: LookupKeys, item: string): void {
    const at = this.now();
    for (const [key] of this.buckets(keys)) {
      const recent = this.recent(key, at);
      const seen = recent.find((h) => h.item === item);
      if (seen) seen.at = at;
      else recent.push({ at, item });
      recent.sort((a, b) => a.at - b.at);
    }
  }

  private buckets(keys: LookupKeys): Array<[string, number]> {
    const buckets: Array<[string, number]> = [];
    if (keys.conversation) buckets.push([`c:${keys.conversation}`, this.limits.perConversation]);
    if (keys.address) buckets.push([`a:${keys.address}`, this.limits.perAddress]);
    return buckets;
  }

  /** The hits still inside the window, oldest first (the stored array, pruned in place). */
  private recent(key: string, at: number): Hit[] {
    let list = this.hits.get(key);
    if (!list) {
      list = [];
      this.hits.set(key, list);
    }
    const cutoff = at - this.limits.windowMs;
    while ((list[0]?.at ?? Infinity) <= cutoff) list.shift();
    return list;
  }

  /** Forgets keys with nothing left in the window, so memory follows the active users only. */
  private sweep(at: number): void {
    for (const key of [...this.hits.keys()]) {
      if (this.recent(key, at).length === 0) this.hits.delete(key);
    }
  }

  /** Keys held in memory (for tests). */
  get size(): number {
    return this.hits.size;
  }
}
