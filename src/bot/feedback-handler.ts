import type { TurnContext } from 'botbuilder';
import type { Answer, Suggestion } from '../answers/compose.js';
import type { Replies } from '../answers/replies.js';
import { readFeedbackValue, readRatingValue, type FeedbackValue } from '../analytics/feedback-values.js';
import { maskPersonalData } from '../privacy/mask.js';
import { FEEDBACK_REASONS, type FeedbackReason } from '../store/analytics-store.js';
import { answerToActivity } from './to-activity.js';
import { turnNotes, type AnsweredEntry, type TurnNotes } from './turn-analytics.js';

// A citizen's vote on an answer or rating of the conversation (contract section 10): not a
// question, so it is handled before understanding. A thumbs up changes the count silently; a
// thumbs down goes to the staff inbox with the question and the answer, and asks once why
// (optional buttons); a changed vote moves the counts. Thanks and goodbye answers offer one
// optional rating from 1 to 5.

/** A thumbs down for staff: the question (masked) and the answer it got. */
export interface DownVote {
  /** The same for every vote on one answer (the conversation and the answer's id). */
  key: string;
  conversationId: string;
  at: string;
  question: string;
  answer: string;
  intent: string;
  procedure: string;
  reason?: FeedbackReason;
}

export interface DownVoteSink {
  recordDownVote(vote: DownVote): void;
  /** The citizen changed their thumbs down to up: staff need not see it (if it is not shown yet). */
  withdrawDownVote(key: string): void;
}

/** The question and the answer of an answer's activity id, as the channel kept them; null when it keeps none. */
export type AnswerTexts = (context: TurnContext, answerId: string) => Promise<{ question: string; answer: string } | null>;

const MAX_QUESTION = 300;
const MAX_ANSWER = 600;

const REASON_REPLIES: Record<FeedbackReason, string> = {
  'wrong-info': 'feedbackReasonWrongInfo',
  'not-my-question': 'feedbackReasonNotMyQuestion',
  'hard-to-understand': 'feedbackReasonHardToUnderstand',
  other: 'feedbackReasonOther',
};

export class FeedbackHandler {
  constructor(private readonly deps: { replies: Replies; inbox?: DownVoteSink | undefined; texts?: AnswerTexts }) {}

  /** Handles a vote or a rating; false when the message is neither (a question, for the rest of the bot). */
  async handle(context: TurnContext): Promise<boolean> {
    const value: unknown = context.activity.value;
    const vote = readFeedbackValue(value);
    const rating = vote ? null : readRatingValue(value);
    if (!vote && !rating) return false;
    const notes = turnNotes(context);
    if (!notes) return true;
    if (vote) await this.vote(context, notes, vote);
    else if (rating) {
      const previous = notes.state.rating;
      notes.state.rating = rating.rating;
      notes.outcome = previous === rating.rating ? { kind: 'ignored' } : { kind: 'rating', value: rating.rating, ...(previous ? { previous } : {}) };
      await this.say(context, 'ratingThanks');
    }
    return true;
  }

  /** Adds the 1–5 rating to a thanks or goodbye answer, until the conversation is rated. */
  offerRating(context: TurnContext, answer: Answer): void {
    const notes = turnNotes(context);
    if (!notes || notes.state.rating !== undefined) return;
    const r = this.deps.replies;
    answer.text = `${answer.text}\n\n${r.say('ratingAsk')}`;
    answer.suggestions = [...answer.suggestions, ...[1, 2, 3, 4, 5].map((v) => ({ title: r.say('ratingButton', { value: v }), value: { rating: v } }))];
  }

  private async vote(context: TurnContext, notes: TurnNotes, vote: FeedbackValue): Promise<void> {
    const entry = notes.state.answers.find((a) => a.id === vote.replyTo);
    if (!entry) {
      // Not an answer of this conversation about a procedure (or one too old): nothing to count.
      notes.outcome = { kind: 'ignored' };
      return;
    }
    const previous = entry.vote;
    const previousReason = entry.reason;
    const reason = vote.feedback === 'down' ? vote.reason ?? previousReason : undefined;
    if (previous === vote.feedback && reason === previousReason) {
      notes.outcome = { kind: 'ignored' };
      return;
    }
    entry.vote = vote.feedback;
    if (reason) entry.reason = reason;
    else delete entry.reason;
    notes.outcome = { kind: 'feedback', entry, ...(previous ? { previous } : {}), ...(previousReason ? { previousReason } : {}) };
    if (vote.feedback === 'up') {
      if (previous === 'down') this.deps.inbox?.withdrawDownVote(voteKey(context, entry));
      return;
    }
    if (this.deps.inbox) this.deps.inbox.recordDownVote(await this.downVote(context, entry));
    if (reason) await this.say(context, 'feedbackThanks');
    else if (previous !== 'down') await this.askReason(context, entry);
  }

  private async askReason(context: TurnContext, entry: AnsweredEntry): Promise<void> {
    const r = this.deps.replies;
    const suggestions: Suggestion[] = FEEDBACK_REASONS.map((reason) => ({
      title: r.say(REASON_REPLIES[reason]),
      value: { feedback: 'down', replyTo: entry.id, reason },
    }));
    await context.sendActivity(answerToActivity({ text: r.say('feedbackAskReason'), suggestions, intent: 'none', procedure: null }));
  }

  private async say(context: TurnContext, id: string): Promise<void> {
    await context.sendActivity(answerToActivity({ text: this.deps.replies.say(id), suggestions: [], intent: 'none', procedure: null }));
  }

  /** The thumbs down for staff, with the texts masked (a channel without a log gives none). */
  private async downVote(context: TurnContext, entry: AnsweredEntry): Promise<DownVote> {
    const conversationId = context.activity.conversation?.id ?? '';
    const texts = await this.deps.texts?.(context, entry.id).catch(() => null) ?? null;
    return {
      key: voteKey(context, entry),
      conversationId,
      at: new Date().toISOString(),
      question: maskPersonalData((texts?.question ?? '').trim().slice(0, MAX_QUESTION), { shortNumbers: true }),
      answer: maskPersonalData((texts?.answer ?? '').slice(0, MAX_ANSWER)),
      intent: entry.intent,
      procedure: entry.procedure,
      ...(entry.reason ? { reason: entry.reason } : {}),
    };
  }
}

/** The same for every vote on one answer. */
function voteKey(context: TurnContext, entry: AnsweredEntry): string {
  return `${context.activity.conversation?.id ?? ''}|${entry.id}`;
}

/** An answer's text and the citizen's message it replied to, from a channel's log of activities. */
export function answerTextsFrom(activities: ReadonlyArray<Record<string, unknown>>, answerId: string): { question: string; answer: string } | null {
  const answer = activities.find((a) => a.id === answerId);
  if (!answer) return null;
  const question = typeof answer.replyToId === 'string' ? activities.find((a) => a.id === answer.replyToId) : undefined;
  return { question: typeof question?.text === 'string' ? question.text : '', answer: typeof answer.text === 'string' ? answer.text : '' };
}
