/*
 * DvcBot: understands a message, answers from the knowledge base, remembers the procedure in
 * play, and runs dialogs (botbuilder-dialogs) whose state lives in ConversationState — plain
 * JSON in lowdb, so a conversation goes on after a page reload or a server restart.
 *
 * A turn:  reset command?  → forget everything, say so.
 *          dialog on top?  → its recognize(input) says whether the message answers its prompt:
 *                            yes → continueDialog; no → 'drop' dialogs end, a 'keep' one waits,
 *                            and "tiếp tục" / the resume button asks its question again.
 *          the question    → the first dialog whose startFor() takes it starts (a 'flow'
 *                            replaces the dialogs under way, an 'aside' goes on top);
 *                            otherwise the Responder answers, with a resume button and a
 *                            note when a 'keep' dialog waits underneath.
 *
 * HOW TO ADD A DIALOG
 * 1. One class per file under src/bot/dialogs/, extending AssistantDialog<State, Reply, Options>
 *    (assistant-dialog.ts), its id exported as a constant (`export const X_DIALOG = 'x'`).
 *    State is plain JSON (stored, restored after a restart); keep data in it, not objects.
 * 2. Implement beginDialog (set dc.activeDialog.state, send the first prompt, return
 *    Dialog.EndOfTurn); recognize(input, state) — pure: your reading of a button
 *    (input.action), a short typed reply (input.command: 'yes', 'no', …) or the text
 *    (input.text, input.parse()), or null for an interruption; continueDialog — act on
 *    this.replyOf(dc), then Dialog.EndOfTurn to wait or dc.endDialog(result) to finish;
 *    repromptDialog — ask the current question again; onInterruption 'keep' | 'drop';
 *    optionally pausedNote(state), isUnderway(state, options), isAlive(state) (stored state
 *    still valid after a restart?), resumeDialog (a child ended),
 *    and endWithQuestion(dc, {intent, procedure}) to end and have the bot answer a question.
 * 3. Say what starts it: a static startFor(understood) → DialogStart | null, listed with the
 *    dialog in dialogEntries() (src/bot/dialogs/registry.ts); order there is priority.
 * 4. Buttons: Suggestion values {action, arg?, step?} come back as input.action; values
 *    {intent, procedure} are questions and take the normal path. Wording goes in
 *    intents/responses/vi.yaml, typed short replies in intents/commands/vi.yaml.
 * Every message to the citizen goes through answerToActivity (channelData.intent/procedure).
 * A throw ends in turnErrorHandler (adapter.ts): it apologises and clears the state, dialogs too.
 */
import { ActivityHandler, ActivityTypes, type ConversationState, type StatePropertyAccessor, type TurnContext } from 'botbuilder';
import { DialogSet, type DialogContext, type DialogInstance, type DialogState } from 'botbuilder-dialogs';
import type { Answer, AnswerComposer } from '../answers/compose.js';
import type { Replies } from '../answers/replies.js';
import { EMPTY_MEMORY, type ConversationMemory, type Question, type Responder } from '../answers/responder.js';
import type { KnowledgeBase } from '../knowledge/knowledge-base.js';
import type { Commands } from '../nlu/commands.js';
import { PROCEDURE_INTENTS } from '../nlu/intents.js';
import type { ParseResult, Recognizer } from '../nlu/recognizer.js';
import { DROPPED, setReply, takeHandedQuestion, type AnyAssistantDialog, type DialogServices, type DialogStart } from './dialogs/assistant-dialog.js';
import { dialogEntries, type DialogEntry } from './dialogs/registry.js';
import { CASE_DIALOG } from './dialogs/case-dialog.js';
import type { DeskServices } from './dialogs/desk-services.js';
import type { Understood } from './dialogs/understood.js';
import { answerToActivity } from './to-activity.js';
import { quietWhileHeld } from './officer-hold.js';
import { MAX_MESSAGE_LENGTH, readMessage } from './turn-input.js';
import { FeedbackHandler, type AnswerTexts, type DownVoteSink } from './feedback-handler.js';
import { TurnAnalytics, type TurnSink } from './turn-analytics.js';

export { MAX_MESSAGE_LENGTH };
export const MEMORY_PROPERTY = 'dvcMemory';
export const DIALOG_STATE_PROPERTY = 'dialogState';

export interface DvcBotDeps {
  /** The model serving now; retraining swaps it without a restart. */
  recognizer: () => Recognizer;
  responder: Responder;
  composer: AnswerComposer;
  replies: Replies;
  knowledge: KnowledgeBase;
  commands: Commands;
  conversationState: ConversationState;
  /** Keeps the questions it did not understand for staff (src/inbox/inbox.ts). */
  inbox?: { record(parse: ParseResult, conversationId: string | undefined): void };
  /** The portal, the help desk and their guards, for the dossier, handoff and ticket dialogs. */
  desk?: DeskServices;
  /** One analytics event per citizen turn, and the citizens' votes and ratings. */
  analytics?: BotAnalytics;
}

/** Where a turn's analytics go (src/bot/turn-analytics.ts, src/bot/feedback-handler.ts). */
export interface BotAnalytics {
  /** Takes each turn's event (Analytics buffers it). */
  sink: TurnSink;
  /** The model serving now. */
  model: () => string | null;
  /** Where a thumbs down goes for staff (the inbox). */
  downVotes?: DownVoteSink;
  /** The question and answer texts of a voted answer, where the channel keeps them. */
  texts?: AnswerTexts;
}

export class DvcBot extends ActivityHandler {
  private readonly memory: StatePropertyAccessor<ConversationMemory>;
  private readonly dialogs: DialogSet;
  private readonly entries: DialogEntry[];
  private readonly turnAnalytics: TurnAnalytics | undefined;
  private readonly feedback: FeedbackHandler | undefined;

  constructor(private readonly deps: DvcBotDeps) {
    super();
    this.memory = deps.conversationState.createProperty<ConversationMemory>(MEMORY_PROPERTY);
    this.dialogs = new DialogSet(deps.conversationState.createProperty<DialogState>(DIALOG_STATE_PROPERTY));
    const services: DialogServices = { knowledge: deps.knowledge, composer: deps.composer, replies: deps.replies, commands: deps.commands, memory: this.memory };
    this.entries = dialogEntries(services, deps.desk);
    for (const { dialog } of this.entries) this.dialogs.add(dialog);
    const { analytics } = deps;
    this.turnAnalytics = analytics && new TurnAnalytics({ conversationState: deps.conversationState, sink: analytics.sink, model: analytics.model });
    this.feedback = analytics && new FeedbackHandler({ replies: deps.replies, inbox: analytics.downVotes, ...(analytics.texts ? { texts: analytics.texts } : {}) });
    this.onMessage(async (context, next) => {
      // An officer holding the conversation's ticket answers it, not the assistant.
      if (!deps.desk || !(await quietWhileHeld(deps.desk, context))) await this.answer(context);
      await next();
    });
    this.onMembersAdded(async (context, next) => {
      const joined = (context.activity.membersAdded ?? []).some((m) => m.id !== context.activity.recipient.id);
      if (joined) await this.send(context, deps.composer.simple('greeting', 'greeting', deps.composer.starters()));
      await next();
    });
  }

  override async run(context: TurnContext): Promise<void> {
    await this.turnAnalytics?.begin(context);
    this.deps.desk?.recorder.begin(context);
    await super.run(context);
    await this.deps.desk?.recorder.commit(context);
    this.turnAnalytics?.commit(context);
    await this.deps.conversationState.saveChanges(context, false);
  }

  private async answer(context: TurnContext): Promise<void> {
    if (await this.feedback?.handle(context)) return;
    const read = readMessage(context, this.deps.recognizer(), this.deps.commands, (parse) => {
      this.deps.inbox?.record(parse, context.activity.conversation?.id);
      this.turnAnalytics?.parsed(context, parse);
    });
    if ('reply' in read) {
      await this.send(context, { text: this.deps.composer.say(read.reply, { max: MAX_MESSAGE_LENGTH }), suggestions: [], intent: 'none', procedure: null });
      return;
    }
    const { input } = read;
    await context.sendActivity({ type: ActivityTypes.Typing });
    if (input.command === 'reset' || input.action?.action === 'reset') return this.reset(context);
    const dc = await this.dialogs.createContext(context);
    let question: Question | null = read.question ? { kind: 'button', ...read.question } : null;

    // The dialogs under way get the message first, top down through those that 'drop'. An attempt
    // to override the rules or obtain people's data answers no prompt (not even with the dossier
    // code it holds): it is an interruption, answered as such.
    const flagged = () => Boolean(input.text) && !input.action && input.parse().flags?.includes('manipulation') === true;
    for (let top = this.top(dc); top && !question; top = this.top(dc)) {
      const reply = top.dialog.isAlive(top.instance.state as object) && !flagged() ? top.dialog.recognize(input, top.instance.state as object) : null;
      if (reply !== null) {
        setReply(context, reply);
        await dc.continueDialog();
        const handed = takeHandedQuestion(context);
        if (!handed) return;
        question = { kind: 'button', ...handed };
      } else if (top.dialog.onInterruption === 'drop' || !top.dialog.isAlive(top.instance.state as object)) {
        await dc.endDialog(DROPPED);
      } else {
        if (input.command === 'resume' || input.action?.action === 'resume') {
          await dc.repromptDialog();
          return;
        }
        break;
      }
    }
    // An answer about something else: the short dialogs it makes moot end.
    for (let top = this.top(dc); top && (top.dialog.onInterruption === 'drop' || !top.dialog.isAlive(top.instance.state as object)); top = this.top(dc)) {
      await dc.endDialog(DROPPED);
    }
    if (!question && input.action) {
      // A dialog's button, with no dialog left to take it (an old message, or after a reset).
      await this.send(context, this.deps.composer.simple('none', input.action.action === 'resume' ? 'resumeNothing' : 'staleButton'));
      return;
    }
    await this.answerQuestion(dc, question ?? { kind: 'text', parse: input.parse() });
  }

  /** A question: starts the dialog made for it, or gets the Responder's answer. */
  private async answerQuestion(dc: DialogContext, asked: Question): Promise<void> {
    const { context } = dc;
    const { question, memory } = this.deps.responder.understand(asked, await this.memory.get(context, { ...EMPTY_MEMORY }));
    await this.memory.set(context, memory);
    const understood = understand(question, memory);
    for (const entry of this.entries) {
      const start = entry.startFor?.(understood);
      if (start) return this.start(dc, start);
    }
    const { answer, memory: next } = this.deps.responder.respond(question, memory);
    await this.memory.set(context, next);
    if (answer.intent === 'thanks' || answer.intent === 'goodbye') this.feedback?.offerRating(context, answer);
    const top = this.top(dc);
    if (top) {
      // The answer to the interruption, and a way back to the dialog that waits.
      const note = top.dialog.pausedNote(top.instance.state as object);
      if (note) answer.text = `${answer.text}\n\n${note}`;
      answer.suggestions = [{ title: this.deps.composer.say(top.dialog.resumeTitle), value: { action: 'resume' } }, ...answer.suggestions];
      // An answer about nothing in particular is still given within the waiting dialog's procedure.
      answer.procedure ??= top.dialog.procedureOf(top.instance.state as object);
    }
    await this.send(context, answer);
    // "Bạn thuộc trường hợp nào?": a typed choice may follow.
    if (answer.asksCase) await dc.beginDialog(CASE_DIALOG, answer.asksCase);
  }

  private async start(dc: DialogContext, start: DialogStart): Promise<void> {
    const top = this.top(dc);
    if (start.mode === 'flow') {
      if (top && top.instance.id === start.id && top.dialog.isUnderway(top.instance.state as object, start.options)) {
        await dc.repromptDialog();
        return;
      }
      await dc.cancelAllDialogs();
    }
    await dc.beginDialog(start.id, start.options);
  }

  private async reset(context: TurnContext): Promise<void> {
    await this.deps.conversationState.clear(context);
    await this.send(context, this.deps.composer.simple('none', 'reset', this.deps.composer.starters()));
  }

  private top(dc: DialogContext): { dialog: AnyAssistantDialog; instance: DialogInstance } | undefined {
    const instance = dc.activeDialog;
    const entry = instance && this.entries.find((e) => e.dialog.id === instance.id);
    return instance && entry ? { dialog: entry.dialog, instance } : undefined;
  }

  private async send(context: TurnContext, answer: Answer): Promise<void> {
    await context.sendActivity(answerToActivity(answer));
  }
}

/** The question's intent and the procedure it is about (named, or the one in play). */
function understand(question: Question, memory: ConversationMemory): Understood {
  const intent = question.kind === 'text' ? question.parse.intent : question.intent;
  const named = question.kind === 'text' ? question.parse.procedure : question.procedure;
  const procedure = PROCEDURE_INTENTS.has(intent) ? named ?? memory.procedure : named;
  return { intent, procedure, parse: question.kind === 'text' ? question.parse : null };
}
