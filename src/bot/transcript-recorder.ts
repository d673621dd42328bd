import { ActivityTypes, type TurnContext } from 'botbuilder';
import type { Logger } from '../log/logger.js';
import { maskLine, type TranscriptLine, type Tickets } from '../helpdesk/tickets.js';
import { openTicketCode } from './open-ticket.js';

// The last lines of a conversation, masked, for the officer who takes it over: what the
// citizen typed (phone and id numbers and digit runs masked) and what the bot answered.
// Where the channel keeps the conversation (our Direct Line log), the lines are read from
// there when a ticket is opened, so nothing is stored twice and nothing is written per turn.
// Other channels get a small in-memory ring per conversation (lost on restart). Once a
// handoff ticket is open, each new line also goes to the ticket, so the officer sees the
// follow-ups.

export const TRANSCRIPT_LINES = 12;

interface PendingLine { line: TranscriptLine; forwarded: boolean }
const PENDING = Symbol('dvc.transcriptPending');

export interface TranscriptRecorderOptions {
  /** The channel whose conversations `history` reads (Direct Line). */
  historyChannel?: string;
  /** The conversation as that channel kept it, oldest first; null when it has none. */
  history?: (conversationId: string) => Promise<TranscriptLine[] | null>;
  /** Conversations whose lines are held in memory for channels without a history. */
  maxConversations?: number;
}

export class TranscriptRecorder {
  private readonly rings = new Map<string, TranscriptLine[]>();
  private readonly maxConversations: number;

  constructor(private readonly tickets: Tickets, private readonly logger: Logger, private readonly options: TranscriptRecorderOptions = {}) {
    this.maxConversations = options.maxConversations ?? 1000;
  }

  /**
   * Starts a turn: the citizen's message now, the bot's messages as they are sent. They are
   * held as typed for the turn only, and masked when they leave it (a ring, a ticket): most
   * turns open no ticket, and masking every line of every turn is work for nothing.
   */
  begin(context: TurnContext): void {
    const pending: PendingLine[] = [];
    context.turnState.set(PENDING, pending);
    const { type, text } = context.activity;
    if (type === ActivityTypes.Message && typeof text === 'string' && text.trim()) {
      pending.push({ line: { from: 'citizen', text: text.trim(), at: new Date().toISOString() }, forwarded: false });
    }
    context.onSendActivities(async (_ctx, activities, next) => {
      for (const a of activities) {
        if (a.type === ActivityTypes.Message && typeof a.text === 'string' && a.text) {
          pending.push({ line: { from: 'bot', text: a.text, at: new Date().toISOString(), ...understanding(a.channelData) }, forwarded: false });
        }
      }
      return next();
    });
  }

  /** The recent lines, this turn's so far included (for a new ticket). */
  async recent(context: TurnContext): Promise<TranscriptLine[]> {
    const conversationId = context.activity.conversation.id;
    const kept = this.hasHistory(context) ? await this.history(conversationId) : null;
    // The channel's history already holds this turn (it logs every activity as it goes).
    const lines = kept ?? [...(this.rings.get(conversationId) ?? []), ...this.pending(context).map((p) => p.line)];
    return lines.slice(-TRANSCRIPT_LINES).map(maskLine);
  }

  /** This turn's lines so far are in a ticket already: do not forward them again. */
  markForwarded(context: TurnContext): void {
    for (const p of this.pending(context)) p.forwarded = true;
  }

  /** Ends a turn: keeps the lines for channels without a history, forwards new ones to an open ticket. */
  async commit(context: TurnContext): Promise<void> {
    const pending = this.pending(context);
    if (!pending.length) return;
    const conversationId = context.activity.conversation.id;
    if (!this.hasHistory(context)) this.remember(conversationId, pending.map((p) => maskLine(p.line)));
    const unsent = pending.filter((p) => !p.forwarded);
    const code = unsent.length ? await openTicketCode(context, this.tickets) : undefined;
    if (!code) return;
    try {
      // The store masks what it keeps.
      await this.tickets.appendLines(code, unsent.map((p) => p.line));
    } catch (err) {
      // The citizen's answer is not held up by the ticket: the officer sees the rest next time.
      this.logger.warn({ err: { name: (err as Error)?.name }, ticket: code }, 'could not add lines to the ticket');
    }
  }

  private hasHistory(context: TurnContext): boolean {
    return Boolean(this.options.history) && context.activity.channelId === this.options.historyChannel;
  }

  private async history(conversationId: string): Promise<TranscriptLine[] | null> {
    if (!this.options.history) return null;
    try {
      return await this.options.history(conversationId);
    } catch {
      return null;
    }
  }

  /** Least recently used conversations drop off first. */
  private remember(conversationId: string, lines: TranscriptLine[]): void {
    const ring = [...(this.rings.get(conversationId) ?? []), ...lines].slice(-TRANSCRIPT_LINES);
    this.rings.delete(conversationId);
    this.rings.set(conversationId, ring);
    for (const oldest of this.rings.keys()) {
      if (this.rings.size <= this.maxConversations) break;
      this.rings.delete(oldest);
    }
  }

  private pending(context: TurnContext): PendingLine[] {
    return (context.turnState.get(PENDING) as PendingLine[] | undefined) ?? [];
  }
}

/** Message activities as transcript lines (for a channel's history). */
export function transcriptFromActivities(activities: ReadonlyArray<Record<string, unknown>>): TranscriptLine[] {
  return activities
    .filter((a) => a.type === ActivityTypes.Message && typeof a.text === 'string' && a.text)
    .map((a) => {
      const citizen = (a.from as { role?: string } | undefined)?.role === 'user';
      return {
        from: citizen ? 'citizen' as const : 'bot' as const,
        text: String(a.text),
        at: typeof a.timestamp === 'string' ? a.timestamp : new Date().toISOString(),
        ...(citizen ? {} : understanding(a.channelData)),
      };
    });
}

/**
 * What the assistant understood of a turn, from the channelData of its answer (every answer
 * carries its intent and procedure, see to-activity.ts): ids only, no personal data.
 */
export function understanding(channelData: unknown): Pick<TranscriptLine, 'intent' | 'procedure'> {
  const data = channelData as { intent?: unknown; procedure?: unknown } | null | undefined;
  if (typeof data?.intent !== 'string') return {};
  return { intent: data.intent.slice(0, 80), procedure: typeof data.procedure === 'string' ? data.procedure.slice(0, 160) : null };
}
