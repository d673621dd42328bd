import { z } from 'zod';

// Analytics: one event per citizen turn (a message, a thumbs up or down, a 1–5 rating), and
// the figures of each day folded from them (analytics-day.ts). Events hold no personal data:
// no text a citizen typed, a keyed hash instead of the conversation id, only ids of intents,
// procedures and models. A day is a calendar day in Vietnam (UTC+7).

export const FEEDBACK_REASONS = ['wrong-info', 'not-my-question', 'hard-to-understand', 'other'] as const;
export type FeedbackReason = (typeof FEEDBACK_REASONS)[number];
export type Vote = 'up' | 'down';

const vote = z.enum(['up', 'down']);
const reason = z.enum(FEEDBACK_REASONS);

export const analyticsEventSchema = z.object({
  /** When the citizen's activity came in (ISO, UTC). */
  at: z.string(),
  /** `message`: a question or a reply in a dialog; `feedback`: a thumbs up or down; `rating`: 1–5 for the conversation. */
  kind: z.enum(['message', 'feedback', 'rating']),
  channel: z.string(),
  /** The conversation, as a keyed hash (HMAC): counts conversations, cannot be turned back into the id. */
  conversation: z.string(),
  /** The conversation's first message. */
  opens: z.boolean().optional(),
  /** The intent the assistant answered with (for feedback: of the answer rated). */
  intent: z.string().nullable(),
  procedure: z.string().nullable(),
  /** The NLU's confidence, when the message was parsed. */
  confidence: z.number().nullable(),
  /** Answered with an intent other than `none`. */
  understood: z.boolean(),
  /** From the activity in to the reply out. */
  latencyMs: z.number().nonnegative(),
  /** The citizen asked for an officer. */
  handoff: z.boolean(),
  /** Not understood: the procedure the NLU found nearest, if any (the topic staff should look at). */
  guess: z.string().nullable().optional(),
  /** The model serving when the turn was answered. */
  model: z.string().nullable(),
  /** A vote on an answer; `previous` when the citizen changed their vote (the counts move, they do not add up). */
  feedback: z.object({
    vote,
    previous: vote.optional(),
    reason: reason.optional(),
    previousReason: reason.optional(),
  }).optional(),
  /** A rating of the conversation; `previous` when the citizen rated it again. */
  rating: z.object({ value: z.number().int().min(1).max(5), previous: z.number().int().min(1).max(5).optional() }).optional(),
});
export type AnalyticsEvent = z.infer<typeof analyticsEventSchema>;

const counts = z.record(z.string(), z.number());
const votes = z.object({ up: z.number(), down: z.number() });

/** The figures of one day, folded from its events (addEvent); additive, so days sum into a range. */
export const dayFiguresSchema = z.object({
  date: z.string(),
  /** Conversations whose first message came this day. */
  conversations: z.number(),
  /** Citizens' messages (feedback and ratings aside). */
  messages: z.number(),
  understood: z.number(),
  handoffs: z.number(),
  feedback: votes,
  reasons: counts,
  ratings: z.object({ count: z.number(), sum: z.number(), byValue: counts }),
  byIntent: counts,
  byProcedure: counts,
  /** Messages not understood, by the nearest procedure (`""` when none was near). */
  misunderstood: counts,
  byChannel: counts,
  /** Answer latency histogram: bucket → count (latency-histogram.ts). */
  latency: counts,
  /** Per serving model: messages, understood, votes (the real-traffic figures of a retraining). */
  byModel: z.record(z.string(), z.object({ messages: z.number(), understood: z.number(), up: z.number(), down: z.number() })),
  /** Votes per procedure. */
  feedbackByProcedure: z.record(z.string(), votes),
});
export type DayFigures = z.infer<typeof dayFiguresSchema>;

export interface AnalyticsStore {
  /** Keeps the events (each on the Vietnam day of its `at`) and folds them into their days' figures; in order, each batch kept before it settles. */
  append(events: readonly AnalyticsEvent[]): Promise<void>;
  /** The figures of the days from `from` to `to` (YYYY-MM-DD, both included) that have events, oldest first. */
  days(from: string, to: string): Promise<DayFigures[]>;
  /** Forgets every day before `before` (YYYY-MM-DD): its events and its figures. */
  prune(before: string): Promise<void>;
  /** Waits for the writes under way. */
  close(): Promise<void>;
}
