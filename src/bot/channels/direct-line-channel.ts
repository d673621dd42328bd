import type { TurnContext } from 'botbuilder';
import type { Logger } from '../../log/logger.js';
import { directLineRoutes } from '../../directline/routes.js';
import { directLineStream, type DirectLineStream } from '../../directline/stream.js';
import { TokenService } from '../../directline/token-service.js';
import type { ActivityLog } from '../../store/activity-log.js';
import type { SecretStore } from '../../store/secret-store.js';
import type { ConversationTurns } from '../../store/state-storage.js';
import { DIRECT_LINE_CHANNEL, DirectLineAdapter } from '../directline-adapter.js';
import { answerToActivity } from '../to-activity.js';
import { transcriptFromActivities, type TranscriptRecorderOptions } from '../transcript-recorder.js';
import type { Channel } from './channel.js';

// Our own Direct Line (the citizens' chat page and widget): the REST routes and the WebSockets
// of src/directline, the token secret, and the in-process adapter that runs the bot and logs
// what it says in the conversation's activity log, where polling and streaming clients read it.

export interface DirectLineChannel extends Channel {
  /** Runs turns and delivers activities into a conversation (tests use it directly). */
  adapter: DirectLineAdapter;
  tokens: TokenService;
  /** The conversations' WebSockets (streamUrl): attach it to the HTTP server. */
  stream: DirectLineStream;
}

export async function openDirectLineChannel(options: {
  logger: Logger;
  secrets: SecretStore;
  /** DIRECT_LINE_SECRET, when configured (hex). */
  secret?: string | undefined;
  activities: ActivityLog;
  turns: ConversationTurns;
  bot: { run(context: TurnContext): Promise<void> };
  /** The bot's name as citizens see it. */
  botName: string;
  onTurnError: (context: TurnContext, error: Error) => Promise<void>;
  /** Take the citizen's address from X-Forwarded-For (TRUST_PROXY). */
  trustProxy?: boolean;
}): Promise<DirectLineChannel> {
  const { logger, activities } = options;
  const tokens = await TokenService.open(options.secrets, logger, options.secret);
  const trustProxy = options.trustProxy ?? false;
  const stream = directLineStream({ logger, tokens, conversations: activities, trustProxy });
  const adapter = new DirectLineAdapter({ conversations: activities, turns: options.turns, bot: options.bot, botName: options.botName });
  adapter.onTurnError = options.onTurnError;
  return {
    name: 'directline',
    adapter,
    tokens,
    stream,
    routes: directLineRoutes({ logger, tokens, conversations: activities, turns: adapter, trustProxy, stream }),
    reaches: (to) => to.channelId === DIRECT_LINE_CHANNEL,
    async deliver(to, answer, channelData = {}) {
      const activity = answerToActivity(answer);
      await adapter.deliver(to.conversationId, { ...activity, channelData: { ...activity.channelData, ...channelData } });
      return true;
    },
    async close() {
      await stream.close();
      await adapter.idle();
    },
  };
}

/** A ticket's transcript, for Direct Line conversations, read from their activity log (nothing is stored twice). */
export function directLineTranscripts(activities: ActivityLog): TranscriptRecorderOptions {
  return {
    historyChannel: DIRECT_LINE_CHANNEL,
    async history(conversationId) {
      const log = await activities.since(conversationId, 0);
      return transcriptFromActivities(log.activities);
    },
  };
}
