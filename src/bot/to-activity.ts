import { ActionTypes, ActivityTypes, type Activity, type CardAction } from 'botbuilder';
import type { Answer } from '../answers/compose.js';

/** An answer as a Bot Framework message: Markdown text, buttons, and what was understood. */
export function answerToActivity(answer: Answer): Partial<Activity> {
  const actions: CardAction[] = answer.suggestions.map((s) => ({
    type: ActionTypes.MessageBack,
    title: s.title,
    text: s.title,
    displayText: s.title,
    value: s.value,
  }));
  return {
    type: ActivityTypes.Message,
    text: answer.text,
    textFormat: 'markdown',
    locale: 'vi-VN',
    ...(actions.length ? { suggestedActions: { actions, to: [] } } : {}),
    channelData: { intent: answer.intent, procedure: answer.procedure, ...(answer.caseId ? { case: answer.caseId } : {}) },
  };
}
