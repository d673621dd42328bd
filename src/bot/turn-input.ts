import type { TurnContext } from 'botbuilder';
import type { ActionValue, QuestionValue } from '../answers/compose.js';
import type { Commands } from '../nlu/commands.js';
import { isIntent } from '../nlu/intents.js';
import type { ParseResult, Recognizer } from '../nlu/recognizer.js';
import type { TurnInput } from './dialogs/assistant-dialog.js';

export const MAX_MESSAGE_LENGTH = 2000;

/** A message as the bot reads it: for dialogs, plus a question button; or a reply id for what cannot be read. */
export type ReadMessage = { input: TurnInput; question: QuestionValue | null } | { reply: 'emptyMessage' | 'attachmentOnly' | 'tooLong' };

/**
 * The message read once for the whole turn: the commands' reading and the NLU's parse (on
 * first use) are made here and shared by every dialog. `onParsed` sees each parsed message
 * once (the staff inbox keeps the misunderstood ones).
 */
export function readMessage(context: TurnContext, recognizer: Recognizer, commands: Commands, onParsed?: (parse: ParseResult) => void): ReadMessage {
  const { text, value, attachments } = context.activity;
  const question = isQuestionValue(value) ? {
    intent: value.intent, procedure: value.procedure,
    ...(value.field ? { field: value.field } : {}), ...(value.caseId ? { caseId: value.caseId } : {}), ...(value.facet ? { facet: value.facet } : {}),
  } : null;
  const action = isActionValue(value) ? value : null;
  const trimmed = typeof text === 'string' ? text.trim() : '';
  if (trimmed.length > MAX_MESSAGE_LENGTH) return { reply: 'tooLong' };
  if (!trimmed && !question && !action) return { reply: attachments?.length ? 'attachmentOnly' : 'emptyMessage' };
  let parsed: ParseResult | undefined;
  const short = commands.read(trimmed);
  const input: TurnInput = {
    text: trimmed,
    short,
    action,
    command: trimmed && !question ? commands.command(short) : null,
    parse: () => {
      if (!parsed) {
        parsed = recognizer.parse(trimmed);
        onParsed?.(parsed);
      }
      return parsed;
    },
  };
  return { input, question };
}

export function isQuestionValue(value: unknown): value is QuestionValue {
  if (!value || typeof value !== 'object') return false;
  const v = value as Record<string, unknown>;
  return isIntent(v.intent) && (v.procedure === null || typeof v.procedure === 'string') && (v.field === undefined || typeof v.field === 'string')
    && (v.caseId === undefined || typeof v.caseId === 'string') && (v.facet === undefined || v.facet === 'legalBasis');
}

export function isActionValue(value: unknown): value is ActionValue {
  if (!value || typeof value !== 'object') return false;
  const v = value as Record<string, unknown>;
  return typeof v.action === 'string' && (v.arg === undefined || typeof v.arg === 'string') && (v.step === undefined || typeof v.step === 'string');
}
