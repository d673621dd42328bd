import {
  CloudAdapter,
  ConfigurationBotFrameworkAuthentication,
  type ConversationState,
  type TurnContext,
} from 'botbuilder';
import type { Logger } from '../log/logger.js';
import type { AnswerComposer } from '../answers/compose.js';
import { answerToActivity } from './to-activity.js';

export interface AdapterOptions {
  appId?: string | undefined;
  appPassword?: string | undefined;
}

/** The Bot Framework adapter for /api/messages; no credentials needed locally (Emulator). */
export function createCloudAdapter(options: AdapterOptions): CloudAdapter {
  return new CloudAdapter(new ConfigurationBotFrameworkAuthentication({
    MicrosoftAppId: options.appId ?? '',
    MicrosoftAppPassword: options.appPassword ?? '',
    MicrosoftAppType: options.appId ? 'MultiTenant' : '',
  }));
}

/**
 * The one turn-error handler: log the error's name (never the message, which may hold user
 * text), apologise in Vietnamese, and clear the conversation state so a broken dialog never
 * traps the citizen.
 */
export function turnErrorHandler(logger: Logger, composer: AnswerComposer, state: ConversationState) {
  return async (context: TurnContext, error: Error): Promise<void> => {
    logger.error({ err: { name: error.name, code: (error as { code?: unknown }).code }, conversation: context.activity.conversation?.id }, 'turn failed');
    try {
      await state.delete(context);
      await context.sendActivity(answerToActivity({ text: composer.say('turnError'), suggestions: [], intent: 'none', procedure: null }));
    } catch (sendError) {
      logger.error({ err: { name: (sendError as Error).name } }, 'could not apologise after a failed turn');
    }
  };
}
