import type { Server } from 'restify';
import type { Logger } from '../log/logger.js';
import { DirectLineAdapter, type DirectLineAdapterDeps } from '../bot/directline-adapter.js';
import type { ActivityLog } from '../store/activity-log.js';
import type { SecretStore } from '../store/secret-store.js';
import type { ConversationTurns } from '../store/state-storage.js';
import { TokenService } from './token-service.js';
import { directLineRoutes } from './routes.js';

export interface DirectLine {
  /** Set its onTurnError; its deliver() sends a help-desk reply into a conversation. */
  adapter: DirectLineAdapter;
  conversations: ActivityLog;
  tokens: TokenService;
  /** Pass to createServer's `routes`. */
  routes: (server: Server) => void;
  close(): Promise<void>;
}

/** Opens Direct Line: the token secret, the conversation logs, the in-process adapter. */
export async function openDirectLine(options: {
  logger: Logger;
  secrets: SecretStore;
  bot: DirectLineAdapterDeps['bot'];
  activities: ActivityLog;
  turns: ConversationTurns;
  /** Take the citizen's address from X-Forwarded-For (TRUST_PROXY). */
  trustProxy?: boolean;
}): Promise<DirectLine> {
  const { logger, bot } = options;
  const tokens = await TokenService.open(options.secrets, logger);
  const conversations = options.activities;
  const adapter = new DirectLineAdapter({ conversations, turns: options.turns, bot });
  return {
    adapter,
    conversations,
    tokens,
    routes: directLineRoutes({ logger, tokens, conversations, turns: adapter, trustProxy: options.trustProxy ?? false }),
    async close() {
      await adapter.idle();
    },
  };
}
