import { Dialog, type DialogContext, type DialogReason, type DialogTurnResult } from 'botbuilder-dialogs';
import type { StatePropertyAccessor, TurnContext } from 'botbuilder';
import type { ActionValue, Answer, AnswerComposer, QuestionValue } from '../../answers/compose.js';
import type { ConversationMemory } from '../../answers/responder.js';
import type { Replies } from '../../answers/replies.js';
import type { KnowledgeBase } from '../../knowledge/knowledge-base.js';
import type { CommandName, Commands, ShortText } from '../../nlu/commands.js';
import type { Intent } from '../../nlu/intents.js';
import type { ParseResult } from '../../nlu/recognizer.js';
import { answerToActivity } from '../to-activity.js';

// The contract between DvcBot and the dialogs (see the comment block at the top of dvc-bot.ts).
// Each turn, the bot first asks the dialog on top of the stack whether the message answers
// its prompt (`recognize`, pure). If so, the bot keeps the answer in the turn and continues
// the dialog, which reads it back with `answerOf`. If not, the message is an interruption:
// the bot answers it like any question and the dialog waits ('keep') or ends ('drop').

/** What the citizen sent this turn, as a dialog sees it. */
export interface TurnInput {
  /** The text typed, or the title of the button pressed, trimmed. */
  text: string;
  /** The text as the typed-reply commands read it (once per turn): give it to `services.commands`, not `text`. */
  short: ShortText;
  /** The value of a dialog button ("Có rồi"), when one was pressed. */
  action: ActionValue | null;
  /** The whole message read as a short reply or command ("có", "chua co"), or null. */
  command: CommandName | null;
  /** What the NLU understands of the text (parsed on first use, then kept). */
  parse(): ParseResult;
}

/** What every dialog may use: data, wording, typed-reply matching, the conversation memory. */
export interface DialogServices {
  knowledge: KnowledgeBase;
  composer: AnswerComposer;
  replies: Replies;
  commands: Commands;
  memory: StatePropertyAccessor<ConversationMemory>;
}

/** How a dialog starts: a flow replaces the dialogs under way; an aside goes on top of them. */
export interface DialogStart {
  id: string;
  options: object;
  mode: 'flow' | 'aside';
}

const ANSWER = Symbol('dvc.dialogAnswer');
const HANDED = Symbol('dvc.handedQuestion');
/** The result of a dialog that ended by handing a question to the bot (see endWithQuestion). */
export const HANDED_OVER = 'handedOver';
/** The result of a 'drop' dialog the bot ended because the citizen asked something else. */
export const DROPPED = 'dropped';

/** A child ended without anything for its parent to say: the parent keeps waiting, silently. */
export function isSilentEnd(result: unknown): boolean {
  return result === HANDED_OVER || result === DROPPED;
}

export abstract class AssistantDialog<State extends object, Reply, Options extends object = object> extends Dialog<Options> {
  /**
   * When the citizen asks something else while this dialog waits for an answer:
   * 'keep' — the dialog stays, the answer offers a "resume" button (`resumeTitle`);
   * 'drop' — the dialog ends (a short question that is moot once the topic changed).
   */
  abstract readonly onInterruption: 'keep' | 'drop';
  /** Reply template id of the resume button's title. */
  readonly resumeTitle: string = 'buttonResume';

  constructor(id: string, protected readonly services: DialogServices) {
    super(id);
  }

  /**
   * Whether the message answers the current prompt, by button or typed: the dialog's own
   * reading of it, or null for an interruption. Pure: sends nothing, changes nothing.
   */
  abstract recognize(input: TurnInput, state: State): Reply | null;

  /**
   * False when stored state no longer makes sense (the data it refers to is gone after a
   * restart): the bot then ends the dialog silently and answers the message normally.
   */
  isAlive(_state: State): boolean {
    return true;
  }

  /** A line under an answer given while this dialog waits ('keep'), saying how to come back. */
  pausedNote(_state: State): string | null {
    return null;
  }

  /** The procedure the dialog is about, for answers given while it waits. */
  procedureOf(_state: State): string | null {
    return null;
  }

  /** True when starting this dialog with `options` would start what is already under way. */
  isUnderway(_state: State, _options: object): boolean {
    return false;
  }

  /** A child dialog ended: ask this dialog's question again, unless the child ended silently. */
  override async resumeDialog(dc: DialogContext, _reason: DialogReason, result?: unknown): Promise<DialogTurnResult> {
    if (!isSilentEnd(result)) await this.repromptDialog(dc.context, dc.activeDialog!);
    return Dialog.EndOfTurn;
  }

  protected stateOf(dc: DialogContext): State {
    return dc.activeDialog!.state as State;
  }

  /** The reply `recognize` gave for this turn (the bot sets it before continuing the dialog). */
  protected replyOf(dc: DialogContext): Reply | undefined {
    return dc.context.turnState.get(ANSWER) as Reply | undefined;
  }

  /** Ends this dialog; the bot then answers `question` as if the citizen had asked it. */
  protected async endWithQuestion(dc: DialogContext, question: QuestionValue): Promise<DialogTurnResult> {
    dc.context.turnState.set(HANDED, question);
    return dc.endDialog(HANDED_OVER);
  }

  protected async send(context: TurnContext, answer: Answer): Promise<void> {
    await context.sendActivity(answerToActivity(answer));
  }

  /**
   * Makes `procedure` (and the citizen's case of it, when known) what follow-up questions are
   * about; `lastIntent`, the question a message stating only a situation asks again.
   */
  protected async setProcedure(context: TurnContext, procedure: string, caseId: string | null = null, lastIntent?: Intent): Promise<void> {
    const memory = await this.services.memory.get(context, { procedure: null });
    const same = memory.procedure === procedure;
    await this.services.memory.set(context, { ...memory, procedure, caseId, lastIntent: lastIntent ?? (same ? memory.lastIntent ?? null : null) });
  }

  /** What the conversation remembers (procedure in play, the citizen's situation). */
  protected async memoryOf(context: TurnContext): Promise<ConversationMemory> {
    return this.services.memory.get(context, { procedure: null });
  }
}

/** For the bot: keeps the reply `recognize` gave, for the dialog's continueDialog. */
export function setReply(context: TurnContext, reply: unknown): void {
  context.turnState.set(ANSWER, reply);
}

/** For the bot: the question a dialog handed over this turn, if any. */
export function takeHandedQuestion(context: TurnContext): QuestionValue | undefined {
  const question = context.turnState.get(HANDED) as QuestionValue | undefined;
  context.turnState.delete(HANDED);
  return question;
}

/** Any dialog of ours, whatever its state and reply types. */
export type AnyAssistantDialog = AssistantDialog<object, unknown, object>;
