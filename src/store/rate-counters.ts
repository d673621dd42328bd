// What was looked up recently under a key (a conversation, a client address), for the limits
// on looking up dossier and ticket codes (src/dossier/lookup-limiter.ts). Each distinct item
// (a code) counts once, at the last time it was seen.

export interface RateHit {
  item: string;
  /** Milliseconds since the epoch. */
  at: number;
}

export interface RateCounters {
  /** The distinct items counted under `key` after `since` (ms), oldest first. */
  recent(key: string, since: number): Promise<RateHit[]>;
  /** Counts `item` under `key` at `at` (an item counted before moves to `at`); hits at or before `since` may be dropped. */
  record(key: string, item: string, at: number, since: number): Promise<void>;
}
