import type { TurnContext } from 'botbuilder';
import { AppError } from '../../errors.js';
import type { ConversationAddress } from '../../helpdesk/conversation-reach.js';
import type { Logger } from '../../log/logger.js';
import { jsonBody, route } from '../../web/respond-error.js';
import { createCloudAdapter } from '../adapter.js';
import { DIRECT_LINE_CHANNEL } from '../directline-adapter.js';
import { answerToActivity } from '../to-activity.js';
import type { Channel } from './channel.js';

// The Bot Framework's `POST /api/messages` (Azure Bot Service channels, the Emulator). A
// help-desk reply goes back through the conversation's service, whose address the ticket
// keeps. Without app credentials anyone could post an activity naming any service, so then
// only a service on this machine (the Emulator) is reached, never an address a caller chose.

const LOOPBACK = new Set(['localhost', '127.0.0.1', '[::1]']);

export function openBotFrameworkChannel(options: {
  logger: Logger;
  appId?: string | undefined;
  appPassword?: string | undefined;
  bot: { run(context: TurnContext): Promise<void> };
  onTurnError: (context: TurnContext, error: Error) => Promise<void>;
}): Channel {
  const { logger, bot, appId } = options;
  const adapter = createCloudAdapter({ appId, appPassword: options.appPassword });
  adapter.onTurnError = options.onTurnError;
  const trusted = (serviceUrl: string): boolean => {
    if (appId) return true;
    try {
      return LOOPBACK.has(new URL(serviceUrl).hostname);
    } catch {
      return false;
    }
  };
  return {
    name: 'bot-framework',
    routes(server) {
      server.post('/api/messages', route(logger, async (req, res) => {
        // botbuilder answers a malformed activity in its own plain-text shape: refuse it here, in ours.
        const activity = jsonBody(req);
        if (typeof activity.type !== 'string') throw new AppError('VALIDATION_FAILED', 'Send a Bot Framework activity: a JSON object with a "type".');
        await adapter.process(req, res, (context) => bot.run(context));
      }));
    },
    reaches: (to: ConversationAddress) => to.channelId !== DIRECT_LINE_CHANNEL && Boolean(to.serviceUrl) && trusted(to.serviceUrl ?? ''),
    async deliver(to, answer, channelData = {}) {
      const activity = answerToActivity(answer);
      const reference = { channelId: to.channelId, serviceUrl: to.serviceUrl, conversation: { id: to.conversationId, isGroup: false, conversationType: 'personal', name: '' } };
      await adapter.continueConversationAsync(appId ?? '', reference, async (context) => {
        await context.sendActivity({ ...activity, channelData: { ...activity.channelData, ...channelData } });
      });
      return true;
    },
    async close() {},
  };
}
