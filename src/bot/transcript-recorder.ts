import { ActivityTypes, type ConversationState, type StatePropertyAccessor, type TurnContext } from 'botbuilder';
import type { Logger } from '../log/logger.js';
import { maskLine, type TranscriptLine, type TicketStore } from '../helpdesk/ticket-store.js';

// The last few lines of a conversation, masked, for the officer who takes it over: what the
// citizen typed (phone and id numbers and digit runs masked) and what the bot answered. Kept
// in the conversation state, so it is cleared with it ("bắt đầu lại"). Once a handoff ticket
// is open, each new line also goes to the ticket, so the officer sees the follow-ups.

export const TRANSCRIPT_PROPERTY = 'recentTranscript';
export const TRANSCRIPT_LINES = 12;

interface PendingLine { line: TranscriptLine; forwarded: boolean }
const PENDING = Symbol('dvc.transcriptPending');

export class TranscriptRecorder {
  private readonly lines: StatePropertyAccessor<TranscriptLine[]>;

  constructor(state: ConversationState, private readonly tickets: TicketStore, private readonly logger: Logger) {
    this.lines = state.createProperty<TranscriptLine[]>(TRANSCRIPT_PROPERTY);
  }

  /** Starts a turn: the citizen's message now, the bot's messages as they are sent. */
  begin(context: TurnContext): void {
    const pending: PendingLine[] = [];
    context.turnState.set(PENDING, pending);
    const { type, text } = context.activity;
    if (type === ActivityTypes.Message && typeof text === 'string' && text.trim()) {
      pending.push({ line: maskLine({ from: 'citizen', text: text.trim(), at: new Date().toISOString() }), forwarded: false });
    }
    context.onSendActivities(async (_ctx, activities, next) => {
      for (const a of activities) {
        if (a.type === ActivityTypes.Message && typeof a.text === 'string' && a.text) {
          pending.push({ line: maskLine({ from: 'bot', text: a.text, at: new Date().toISOString() }), forwarded: false });
        }
      }
      return next();
    });
  }

  /** The recent lines, this turn's so far included (for a new ticket). */
  async recent(context: TurnContext): Promise<TranscriptLine[]> {
    const kept = await this.lines.get(context, []);
    return [...kept, ...this.pending(context).map((p) => p.line)].slice(-TRANSCRIPT_LINES);
  }

  /** This turn's lines so far are in a ticket already: do not forward them again. */
  markForwarded(context: TurnContext): void {
    for (const p of this.pending(context)) p.forwarded = true;
  }

  /** Ends a turn, before the state is saved: keeps the recent lines, forwards new ones to an open ticket. */
  async commit(context: TurnContext): Promise<void> {
    const pending = this.pending(context);
    if (!pending.length) return;
    const kept = await this.lines.get(context, []);
    await this.lines.set(context, [...kept, ...pending.map((p) => p.line)].slice(-TRANSCRIPT_LINES));
    const fresh = pending.filter((p) => !p.forwarded).map((p) => p.line);
    const ticket = fresh.length ? this.tickets.openFor(context.activity.conversation.id) : undefined;
    if (!ticket) return;
    try {
      await this.tickets.appendLines(ticket.code, fresh);
    } catch (err) {
      // The citizen's answer is not held up by the ticket: the officer sees the rest next time.
      this.logger.warn({ err: { name: (err as Error)?.name }, ticket: ticket.code }, 'could not add lines to the ticket');
    }
  }

  private pending(context: TurnContext): PendingLine[] {
    return (context.turnState.get(PENDING) as PendingLine[] | undefined) ?? [];
  }
}
