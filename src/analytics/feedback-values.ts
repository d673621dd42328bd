import { FEEDBACK_REASONS, type FeedbackReason, type Vote } from '../store/analytics-store.js';

// What a citizen's vote or rating looks like as an activity's value (contract section 10):
// `{feedback: "up" | "down", replyTo: "<activity id>", reason?}` on an answer, `{rating: 1–5}`
// for the conversation. A reason is one of FEEDBACK_REASONS; any other text counts as
// "other" and is not kept (it could hold personal data).

export interface FeedbackValue {
  feedback: Vote;
  replyTo: string;
  reason?: FeedbackReason;
}

export interface RatingValue {
  rating: number;
}

const MAX_ID_LENGTH = 200;

export function readFeedbackValue(value: unknown): FeedbackValue | null {
  if (!value || typeof value !== 'object') return null;
  const v = value as Record<string, unknown>;
  if ((v.feedback !== 'up' && v.feedback !== 'down') || typeof v.replyTo !== 'string' || !v.replyTo || v.replyTo.length > MAX_ID_LENGTH) return null;
  const reason = typeof v.reason === 'string' && v.reason.trim()
    ? (FEEDBACK_REASONS as readonly string[]).includes(v.reason) ? v.reason as FeedbackReason : 'other'
    : undefined;
  return { feedback: v.feedback, replyTo: v.replyTo, ...(reason && v.feedback === 'down' ? { reason } : {}) };
}

export function readRatingValue(value: unknown): RatingValue | null {
  if (!value || typeof value !== 'object') return null;
  const { rating } = value as Record<string, unknown>;
  return typeof rating === 'number' && Number.isInteger(rating) && rating >= 1 && rating <= 5 ? { rating } : null;
}
