import type { AnalyticsEvent, DayFigures, Vote } from './analytics-store.js';

// How events fold into a day's figures: one pure function that every AnalyticsStore uses,
// so each implementation counts the same way.

const VIETNAM_OFFSET_MS = 7 * 60 * 60 * 1000;
const DATE = /^\d{4}-\d{2}-\d{2}$/;

/** The Vietnam calendar day (YYYY-MM-DD) of an instant. */
export function vietnamDate(at: string | number | Date): string {
  const ms = typeof at === 'string' ? Date.parse(at) : typeof at === 'number' ? at : at.getTime();
  return new Date(ms + VIETNAM_OFFSET_MS).toISOString().slice(0, 10);
}

/** A well-formed YYYY-MM-DD that names a real day. */
export function isDate(text: string): boolean {
  if (!DATE.test(text)) return false;
  const ms = Date.parse(`${text}T00:00:00Z`);
  return !Number.isNaN(ms) && new Date(ms).toISOString().startsWith(text);
}

/** The day `days` after `date` (negative: before). */
export function addDays(date: string, days: number): string {
  return new Date(Date.parse(`${date}T00:00:00Z`) + days * 86_400_000).toISOString().slice(0, 10);
}

export function emptyDay(date: string): DayFigures {
  return {
    date, conversations: 0, messages: 0, understood: 0, handoffs: 0,
    feedback: { up: 0, down: 0 }, reasons: {}, ratings: { count: 0, sum: 0, byValue: {} },
    byIntent: {}, byProcedure: {}, misunderstood: {}, byChannel: {}, latency: {}, byModel: {}, feedbackByProcedure: {},
  };
}

// Latency is kept as a histogram with buckets 10 % apart, so days add up and a percentile of
// any range is known to within 10 %. Bucket b holds latencies in (1.1^(b-1), 1.1^b] ms.
const BUCKET_BASE = Math.log(1.1);

export function latencyBucket(ms: number): number {
  return ms <= 1 ? 0 : Math.ceil(Math.log(ms) / BUCKET_BASE - 1e-9);
}

/** The upper bound (ms) of a bucket. */
export function bucketBound(bucket: number): number {
  return Math.round(1.1 ** bucket);
}

/** The q-quantile (0–1) of a latency histogram, as the upper bound of its bucket; null when empty. */
export function latencyQuantile(histogram: Record<string, number>, q: number): number | null {
  const buckets = Object.entries(histogram).map(([b, n]) => [Number(b), n] as const).sort((a, b) => a[0] - b[0]);
  const total = buckets.reduce((sum, [, n]) => sum + n, 0);
  if (!total) return null;
  const rank = Math.max(1, Math.ceil(q * total));
  let seen = 0;
  for (const [bucket, n] of buckets) {
    seen += n;
    if (seen >= rank) return bucketBound(bucket);
  }
  return bucketBound(buckets[buckets.length - 1]![0]);
}

const bump = (counts: Record<string, number>, key: string, by = 1): void => {
  const next = (counts[key] ?? 0) + by;
  if (next) counts[key] = next;
  else delete counts[key];
};

/** A vote counted, or a changed vote moved: +1 for the new one, −1 for the one it replaces. */
function moveVote(votes: { up: number; down: number }, vote: Vote, previous: Vote | undefined): void {
  if (previous === vote) return;
  votes[vote] += 1;
  if (previous) votes[previous] -= 1;
}

/** Folds one event into its day's figures (in place). */
export function addEvent(day: DayFigures, e: AnalyticsEvent): void {
  if (e.kind === 'message') {
    day.messages += 1;
    if (e.opens) day.conversations += 1;
    if (e.understood) day.understood += 1;
    if (e.handoff) day.handoffs += 1;
    if (e.intent) bump(day.byIntent, e.intent);
    if (e.procedure) bump(day.byProcedure, e.procedure);
    if (!e.understood) bump(day.misunderstood, e.guess ?? '');
    bump(day.byChannel, e.channel);
    bump(day.latency, String(latencyBucket(e.latencyMs)));
    if (e.model) {
      const m = (day.byModel[e.model] ??= { messages: 0, understood: 0, up: 0, down: 0 });
      m.messages += 1;
      if (e.understood) m.understood += 1;
    }
  } else if (e.kind === 'feedback' && e.feedback) {
    const { vote, previous, reason, previousReason } = e.feedback;
    moveVote(day.feedback, vote, previous);
    if (e.procedure) moveVote(day.feedbackByProcedure[e.procedure] ??= { up: 0, down: 0 }, vote, previous);
    if (e.model) moveVote(day.byModel[e.model] ??= { messages: 0, understood: 0, up: 0, down: 0 }, vote, previous);
    if (reason !== previousReason) {
      if (reason) bump(day.reasons, reason);
      if (previousReason) bump(day.reasons, previousReason, -1);
    }
  } else if (e.kind === 'rating' && e.rating) {
    const { value, previous } = e.rating;
    if (previous === undefined) day.ratings.count += 1;
    else bump(day.ratings.byValue, String(previous), -1);
    day.ratings.sum += value - (previous ?? 0);
    bump(day.ratings.byValue, String(value));
  }
}
