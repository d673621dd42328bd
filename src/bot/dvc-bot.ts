import { ActivityHandler, ActivityTypes, type StatePropertyAccessor, type TurnContext, ConversationState } from 'botbuilder';
import type { Responder, Question, ConversationMemory } from '../answers/responder.js';
import { EMPTY_MEMORY } from '../answers/responder.js';
import type { AnswerComposer } from '../answers/compose.js';
import type { ParseResult, Recognizer } from '../nlu/recognizer.js';
import { isIntent, type Intent } from '../nlu/intents.js';
import { answerToActivity } from './to-activity.js';

export const MAX_MESSAGE_LENGTH = 2000;
const MEMORY_PROPERTY = 'dvcMemory';

export interface DvcBotDeps {
  /** The model serving now; retraining swaps it without a restart. */
  recognizer: () => Recognizer;
  responder: Responder;
  composer: AnswerComposer;
  conversationState: ConversationState;
  /** Keeps the questions it did not understand for staff (src/admin/inbox.ts). */
  inbox?: { record(parse: ParseResult, conversationId: string | undefined): void };
}

/** The assistant: understands a message, answers from the knowledge base, remembers the procedure in play. */
export class DvcBot extends ActivityHandler {
  private readonly memory: StatePropertyAccessor<ConversationMemory>;

  constructor(private readonly deps: DvcBotDeps) {
    super();
    this.memory = deps.conversationState.createProperty<ConversationMemory>(MEMORY_PROPERTY);
    this.onMessage(async (context, next) => {
      await this.answer(context);
      await next();
    });
    this.onMembersAdded(async (context, next) => {
      const joined = (context.activity.membersAdded ?? []).some((m) => m.id !== context.activity.recipient.id);
      if (joined) await context.sendActivity(answerToActivity(deps.composer.simple('greeting', 'greeting')));
      await next();
    });
  }

  override async run(context: TurnContext): Promise<void> {
    await super.run(context);
    await this.deps.conversationState.saveChanges(context, false);
  }

  private async answer(context: TurnContext): Promise<void> {
    const question = this.question(context);
    if ('reply' in question) {
      const text = this.deps.composer.say(question.reply, { max: MAX_MESSAGE_LENGTH });
      await context.sendActivity(answerToActivity({ text, suggestions: [], intent: 'none', procedure: null }));
      return;
    }
    await context.sendActivity({ type: ActivityTypes.Typing });
    const memory = await this.memory.get(context, { ...EMPTY_MEMORY });
    const { answer, memory: next } = this.deps.responder.respond(question, memory);
    await this.memory.set(context, next);
    await context.sendActivity(answerToActivity(answer));
  }

  /** What the citizen asked, or the polite reply for a message we cannot read. */
  private question(context: TurnContext): Question | { reply: string } {
    const { text, value, attachments } = context.activity;
    if (isButtonValue(value)) return { kind: 'button', intent: value.intent, procedure: value.procedure };
    const trimmed = typeof text === 'string' ? text.trim() : '';
    if (!trimmed) return { reply: attachments?.length ? 'attachmentOnly' : 'emptyMessage' };
    if (trimmed.length > MAX_MESSAGE_LENGTH) return { reply: 'tooLong' };
    const parse = this.deps.recognizer().parse(trimmed);
    this.deps.inbox?.record(parse, context.activity.conversation?.id);
    return { kind: 'text', parse };
  }
}

function isButtonValue(value: unknown): value is { intent: Intent; procedure: string | null } {
  if (!value || typeof value !== 'object') return false;
  const v = value as Record<string, unknown>;
  return isIntent(v.intent) && (v.procedure === null || typeof v.procedure === 'string');
}
