import { addDays, emptyDay, latencyQuantile } from '../store/analytics-day.js';
import type { DayFigures } from '../store/analytics-store.js';

// The figures of a date range, summed from its days (contract section 10), with every day of
// the range listed (days without events as zeros) for the charts.

/** The national target: at least 90 % of citizens satisfied. */
export const SATISFACTION_TARGET = 0.9;
/** Misunderstood topics listed. */
const TOP_TOPICS = 10;

export interface Votes { up: number; down: number }

export interface DayRow {
  date: string;
  conversations: number;
  messages: number;
  understood: number;
  handoffs: number;
  feedback: Votes;
  satisfaction: number | null;
  ratings: { count: number; average: number | null };
  latency: { p50: number | null; p95: number | null };
}

export interface AnalyticsReport {
  from: string;
  to: string;
  conversations: number;
  messages: number;
  /** Messages answered with an intent other than `none`. */
  understood: number;
  understoodRate: number | null;
  handoffs: number;
  feedback: Votes;
  /** up / (up + down); null without votes. */
  satisfaction: number | null;
  target: number;
  /** The 1–5 ratings of conversations. */
  rating: { count: number; average: number | null; byValue: Record<string, number> };
  /** Why citizens voted down. */
  reasons: Record<string, number>;
  /** Answer latency in ms (to within 10 %). */
  latency: { p50: number | null; p95: number | null };
  /** Messages by the intent answered, most first. */
  byIntent: Record<string, number>;
  /** Messages by the procedure answered about, most first. */
  byProcedure: Record<string, number>;
  /** Votes by procedure. */
  feedbackByProcedure: Record<string, Votes>;
  byChannel: Record<string, number>;
  /** Messages not understood, by the procedure the assistant found nearest (null: none near), most first. */
  misunderstood: Array<{ procedure: string | null; count: number }>;
  byDay: DayRow[];
}

const ratio = (part: number, whole: number): number | null => (whole > 0 ? part / whole : null);
const satisfactionOf = (v: Votes): number | null => ratio(v.up, v.up + v.down);

function addCounts(into: Record<string, number>, from: Record<string, number>): void {
  for (const [key, n] of Object.entries(from)) into[key] = (into[key] ?? 0) + n;
}

/** Counts, most first (ties by name), without zeros. */
function sorted(counts: Record<string, number>): Record<string, number> {
  return Object.fromEntries(Object.entries(counts).filter(([, n]) => n !== 0).sort((a, b) => b[1] - a[1] || a[0].localeCompare(b[0])));
}

/** Several days' figures as one (for a range). */
export function sumDays(date: string, days: readonly DayFigures[]): DayFigures {
  const total = emptyDay(date);
  for (const d of days) {
    total.conversations += d.conversations;
    total.messages += d.messages;
    total.understood += d.understood;
    total.handoffs += d.handoffs;
    total.feedback.up += d.feedback.up;
    total.feedback.down += d.feedback.down;
    total.ratings.count += d.ratings.count;
    total.ratings.sum += d.ratings.sum;
    addCounts(total.ratings.byValue, d.ratings.byValue);
    for (const key of ['reasons', 'byIntent', 'byProcedure', 'misunderstood', 'byChannel', 'latency'] as const) addCounts(total[key], d[key]);
    for (const [model, m] of Object.entries(d.byModel)) {
      const t = (total.byModel[model] ??= { messages: 0, understood: 0, up: 0, down: 0 });
      t.messages += m.messages;
      t.understood += m.understood;
      t.up += m.up;
      t.down += m.down;
    }
    for (const [procedure, v] of Object.entries(d.feedbackByProcedure)) {
      const t = (total.feedbackByProcedure[procedure] ??= { up: 0, down: 0 });
      t.up += v.up;
      t.down += v.down;
    }
  }
  return total;
}

function dayRow(d: DayFigures): DayRow {
  return {
    date: d.date,
    conversations: d.conversations,
    messages: d.messages,
    understood: d.understood,
    handoffs: d.handoffs,
    feedback: { ...d.feedback },
    satisfaction: satisfactionOf(d.feedback),
    ratings: { count: d.ratings.count, average: ratio(d.ratings.sum, d.ratings.count) },
    latency: { p50: latencyQuantile(d.latency, 0.5), p95: latencyQuantile(d.latency, 0.95) },
  };
}

/** The report of the range from `from` to `to` (both included) from the days that have figures. */
export function buildReport(from: string, to: string, days: readonly DayFigures[]): AnalyticsReport {
  const total = sumDays(from, days);
  const byDate = new Map(days.map((d) => [d.date, d]));
  const byDay: DayRow[] = [];
  for (let date = from; date <= to; date = addDays(date, 1)) byDay.push(dayRow(byDate.get(date) ?? emptyDay(date)));
  const ratingValues = Object.fromEntries([1, 2, 3, 4, 5].map((v) => [String(v), total.ratings.byValue[String(v)] ?? 0]));
  return {
    from,
    to,
    conversations: total.conversations,
    messages: total.messages,
    understood: total.understood,
    understoodRate: ratio(total.understood, total.messages),
    handoffs: total.handoffs,
    feedback: { ...total.feedback },
    satisfaction: satisfactionOf(total.feedback),
    target: SATISFACTION_TARGET,
    rating: { count: total.ratings.count, average: ratio(total.ratings.sum, total.ratings.count), byValue: ratingValues },
    reasons: sorted(total.reasons),
    latency: { p50: latencyQuantile(total.latency, 0.5), p95: latencyQuantile(total.latency, 0.95) },
    byIntent: sorted(total.byIntent),
    byProcedure: sorted(total.byProcedure),
    feedbackByProcedure: Object.fromEntries(Object.entries(total.feedbackByProcedure).filter(([, v]) => v.up || v.down)),
    byChannel: sorted(total.byChannel),
    misunderstood: Object.entries(sorted(total.misunderstood)).slice(0, TOP_TOPICS).map(([procedure, count]) => ({ procedure: procedure || null, count })),
    byDay,
  };
}

/** Real-traffic figures of one model: what citizens met while it served. */
export interface TrafficFigures {
  messages: number;
  understood: number;
  understoodRate: number | null;
  feedback: Votes;
  satisfaction: number | null;
  /** The first and last days it answered (null when it never served a citizen). */
  from: string | null;
  to: string | null;
}

export function trafficOf(model: string, days: readonly DayFigures[]): TrafficFigures {
  const served = days.filter((d) => d.byModel[model]);
  const m = sumDays('', served).byModel[model] ?? { messages: 0, understood: 0, up: 0, down: 0 };
  const feedback = { up: m.up, down: m.down };
  return {
    messages: m.messages,
    understood: m.understood,
    understoodRate: ratio(m.understood, m.messages),
    feedback,
    satisfaction: satisfactionOf(feedback),
    from: served[0]?.date ?? null,
    to: served[served.length - 1]?.date ?? null,
  };
}
