import { performance } from 'node:perf_hooks';
import { ActivityTypes, Channels, type ConversationState, type TurnContext } from 'botbuilder';
import type { TurnEvent } from '../analytics/analytics.js';
import type { ParseResult } from '../nlu/recognizer.js';
import type { FeedbackReason, Vote } from '../store/analytics-store.js';
import { isQuestionValue } from './turn-input.js';

// One analytics event per citizen turn: what the assistant answered (the intent and procedure
// of its reply, the NLU's confidence), whether it understood, how long the answer took, and
// whether the citizen asked for an officer. The turn only notes what happens; the event is
// handed to the sink when the turn ends (Analytics buffers it and writes in batches).
//
// The conversation state keeps, for the votes to come, the latest answers about a procedure:
// the answer's activity id, what it was about, the model that gave it, and the vote given —
// a few small fields, so the state a turn writes hardly grows (the texts a thumbs down shows
// staff are read from the channel's own log when it comes, src/bot/feedback-handler.ts).

export const FEEDBACK_PROPERTY = 'dvcFeedback';
/** Answers a citizen can still vote on. */
export const RECENT_ANSWERS = 10;

export interface AnsweredEntry {
  id: string;
  intent: string;
  procedure: string;
  model: string | null;
  vote?: Vote;
  reason?: FeedbackReason;
}

export interface FeedbackState {
  /** The conversation's first message was counted. */
  opened?: boolean;
  answers: AnsweredEntry[];
  rating?: number;
}

/** What a vote or rating changed (set by the feedback handler). */
export type FeedbackOutcome =
  | { kind: 'feedback'; entry: AnsweredEntry; previous?: Vote; previousReason?: FeedbackReason }
  | { kind: 'rating'; value: number; previous?: number }
  | { kind: 'ignored' };

interface SentMessage { id: string | undefined; intent: string | null; procedure: string | null }

export interface TurnNotes {
  state: FeedbackState;
  parse: ParseResult | null;
  outcome: FeedbackOutcome | null;
  readonly at: string;
  readonly startMs: number;
  readonly sent: SentMessage[];
}

export interface TurnSink {
  record(event: TurnEvent): void;
}

const NOTES = Symbol('dvc.turnNotes');
/** The Bot Framework's channel ids; a client that names another (it can, on /api/messages) counts as `other`. */
const KNOWN_CHANNELS: ReadonlySet<string> = new Set(Object.values(Channels));

export class TurnAnalytics {
  constructor(private readonly deps: { conversationState: ConversationState; sink: TurnSink; model: () => string | null }) {}

  /** Starts noting a citizen's message turn (other activities are not counted). */
  async begin(context: TurnContext): Promise<void> {
    if (context.activity.type !== ActivityTypes.Message) return;
    // The turn loads the conversation state anyway; read ours from it directly (a property
    // accessor costs more than the rest of the turn's analytics).
    const all = await this.deps.conversationState.load(context) as Record<string, unknown>;
    const state = (all[FEEDBACK_PROPERTY] as FeedbackState | undefined) ?? { answers: [] };
    const notes: TurnNotes = { state, parse: null, outcome: null, at: new Date().toISOString(), startMs: performance.now(), sent: [] };
    context.turnState.set(NOTES, notes);
    context.onSendActivities(async (_ctx, activities, next) => {
      const responses = await next();
      activities.forEach((a, i) => {
        if (a.type !== ActivityTypes.Message) return;
        const data = a.channelData as { intent?: unknown; procedure?: unknown } | undefined;
        notes.sent.push({
          id: responses?.[i]?.id || undefined,
          intent: typeof data?.intent === 'string' ? data.intent : null,
          procedure: typeof data?.procedure === 'string' ? data.procedure : null,
        });
      });
      return responses;
    });
  }

  /** The NLU's reading of the message (when it was parsed). */
  parsed(context: TurnContext, parse: ParseResult): void {
    const notes = turnNotes(context);
    if (notes) notes.parse = parse;
  }

  /** Ends the turn: hands over its event and keeps the answers for votes (before the state is saved). */
  commit(context: TurnContext): void {
    const notes = turnNotes(context);
    if (!notes || notes.outcome?.kind === 'ignored') return;
    const opens = !notes.state.opened && !notes.outcome;
    const event = this.event(context, notes, opens);
    const answered = notes.outcome ? [] : notes.sent.filter((s): s is SentMessage & { id: string; procedure: string } => Boolean(s.id && s.procedure));
    if (answered.length) {
      const entries = answered.map((s) => ({ id: s.id, intent: s.intent ?? 'none', procedure: s.procedure, model: event.model }));
      notes.state.answers = [...notes.state.answers, ...entries].slice(-RECENT_ANSWERS);
    }
    if (opens) notes.state.opened = true;
    // Set again: a reset during the turn cleared the state, but not what analytics keeps.
    const all = this.deps.conversationState.get(context) as Record<string, unknown> | undefined;
    if (all) all[FEEDBACK_PROPERTY] = notes.state;
    this.deps.sink.record(event);
  }

  private event(context: TurnContext, notes: TurnNotes, opens: boolean): TurnEvent {
    const { activity } = context;
    const base = {
      at: notes.at,
      channel: KNOWN_CHANNELS.has(activity.channelId) ? activity.channelId : 'other',
      conversationId: activity.conversation?.id ?? '',
      latencyMs: Math.round((performance.now() - notes.startMs) * 10) / 10,
      handoff: false,
      confidence: null,
    };
    const outcome = notes.outcome;
    if (outcome?.kind === 'feedback') {
      const { entry } = outcome;
      return {
        ...base, kind: 'feedback', intent: entry.intent, procedure: entry.procedure, understood: entry.intent !== 'none', model: entry.model,
        feedback: {
          vote: entry.vote ?? 'up',
          ...(outcome.previous ? { previous: outcome.previous } : {}),
          ...(entry.reason ? { reason: entry.reason } : {}),
          ...(outcome.previousReason ? { previousReason: outcome.previousReason } : {}),
        },
      };
    }
    if (outcome?.kind === 'rating') {
      return {
        ...base, kind: 'rating', intent: null, procedure: null, understood: false, model: null,
        rating: { value: outcome.value, ...(outcome.previous ? { previous: outcome.previous } : {}) },
      };
    }
    const answer = notes.sent.findLast((s) => s.intent !== null);
    const intent = answer?.intent ?? null;
    const understood = intent !== null && intent !== 'none';
    const value: unknown = activity.value;
    const asked = notes.parse?.intent ?? (isQuestionValue(value) ? value.intent : null);
    return {
      ...base,
      kind: 'message',
      ...(opens ? { opens } : {}),
      intent,
      procedure: answer?.procedure ?? null,
      confidence: notes.parse ? Math.round(notes.parse.confidence * 1000) / 1000 : null,
      understood,
      handoff: asked === 'handoff' && intent === 'handoff',
      ...(understood ? {} : { guess: notes.parse?.procedures[0]?.id ?? null }),
      model: this.deps.model(),
    };
  }
}

/** This turn's notes; undefined outside a citizen's message turn. */
export function turnNotes(context: TurnContext): TurnNotes | undefined {
  return context.turnState.get(NOTES) as TurnNotes | undefined;
}
