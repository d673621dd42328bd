import { ConversationState } from 'botbuilder';
import type { Logger } from '../log/logger.js';
import type { StateStorage } from '../store/state-storage.js';
import { turnErrorHandler } from './adapter.js';
import { DvcBot, type DvcBotDeps } from './dvc-bot.js';

/** The bot on its conversation state, and the one turn-error handler every channel uses. */
export function openBot(deps: Omit<DvcBotDeps, 'conversationState'> & { state: StateStorage; logger: Logger }): {
  bot: DvcBot;
  onTurnError: ReturnType<typeof turnErrorHandler>;
} {
  // Conversation state is kept (DATA_DIR), so a conversation goes on after a restart.
  const conversationState = new ConversationState(deps.state);
  const bot = new DvcBot({ ...deps, conversationState });
  return { bot, onTurnError: turnErrorHandler(deps.logger, deps.composer, conversationState) };
}
