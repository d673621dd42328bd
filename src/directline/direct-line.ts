import type { Server } from 'restify';
import type { Logger } from '../log/logger.js';
import { DirectLineAdapter, type DirectLineAdapterDeps } from '../bot/directline-adapter.js';
import type { ActivityLog } from '../store/activity-log.js';
import type { SecretStore } from '../store/secret-store.js';
import type { ConversationTurns } from '../store/state-storage.js';
import { TokenService } from './token-service.js';
import { directLineRoutes } from './routes.js';
import { directLineStream, type DirectLineStream } from './stream.js';

export interface DirectLine {
  /** Set its onTurnError; its deliver() sends a help-desk reply into a conversation. */
  adapter: DirectLineAdapter;
  conversations: ActivityLog;
  tokens: TokenService;
  /** Pass to createServer's `routes`. */
  routes: (server: Server) => void;
  /** The conversations' WebSockets: attach it to the HTTP server. */
  stream: DirectLineStream;
  close(): Promise<void>;
}

/** Opens Direct Line: the token secret, the conversation logs, the in-process adapter, the WebSockets. */
export async function openDirectLine(options: {
  logger: Logger;
  secrets: SecretStore;
  /** DIRECT_LINE_SECRET, when configured (hex). */
  secret?: string | undefined;
  bot: DirectLineAdapterDeps['bot'];
  activities: ActivityLog;
  turns: ConversationTurns;
  /** Take the citizen's address from X-Forwarded-For (TRUST_PROXY). */
  trustProxy?: boolean;
}): Promise<DirectLine> {
  const { logger, bot } = options;
  const tokens = await TokenService.open(options.secrets, logger, options.secret);
  const conversations = options.activities;
  const adapter = new DirectLineAdapter({ conversations, turns: options.turns, bot });
  const trustProxy = options.trustProxy ?? false;
  const stream = directLineStream({ logger, tokens, conversations, trustProxy });
  return {
    adapter,
    conversations,
    tokens,
    routes: directLineRoutes({ logger, tokens, conversations, turns: adapter, trustProxy, stream }),
    stream,
    async close() {
      await stream.close();
      await adapter.idle();
    },
  };
}
