import path from 'node:path';
import { mkdirSync } from 'node:fs';
import { ConversationState } from 'botbuilder';
import type { Server } from 'restify';
import type { Config } from './config.js';
import type { Logger } from './log/logger.js';
import { withTrainingData } from './nlu/load.js';
import { loadKnowledgeBaseCached } from './knowledge/knowledge-cache.js';
import type { Recognizer } from './nlu/recognizer.js';
import { loadReplies } from './answers/replies.js';
import { AnswerComposer } from './answers/compose.js';
import { loadCommands } from './nlu/commands.js';
import { DvcBot } from './bot/dvc-bot.js';
import { createCloudAdapter, turnErrorHandler } from './bot/adapter.js';
import { createServer } from './web/server.js';
import { openStores, storeLocation } from './store/open-stores.js';
import type { Stores } from './store/stores.js';
import { openDirectLine, type DirectLine } from './directline/direct-line.js';
import { loadStaffTokens, type StaffTokens } from './web/staff-auth.js';
import { adminRoutes } from './admin/admin.js';
import { Inbox } from './inbox/inbox.js';
import { openTraining, type Training } from './training/training.js';
import { staticRoutes } from './web/static-routes.js';
import type { PortalClient } from './portal/portal-client.js';
import { HttpPortalClient } from './portal/http-portal-client.js';
import { InProcessPortalClient } from './portal/in-process-portal-client.js';
import type { AuditLog } from './helpdesk/audit-log.js';
import type { Tickets } from './helpdesk/tickets.js';
import { deskServices } from './bot/dialogs/desk-services.js';
import { transcriptFromActivities } from './bot/transcript-recorder.js';
import { helpdeskRoutes } from './helpdesk/routes.js';
import { answerToActivity } from './bot/to-activity.js';
import { DIRECT_LINE_CHANNEL } from './bot/directline-adapter.js';

export interface App {
  server: Server;
  /** The model serving now; staff retraining swaps it without a restart. */
  recognizer: () => Recognizer;
  /** The serving model, its training data and the jobs that retrain it. */
  training: Training;
  /** The questions the assistant did not understand, for staff. */
  inbox: Inbox;
  directLine: DirectLine;
  /** Bearer tokens of the staff routes (configured, or made once and kept in DATA_DIR). */
  staffTokens: StaffTokens;
  /** The dossier portal: the embedded mock, or PORTAL_URL over HTTP. */
  portal: PortalClient;
  /** Handoff tickets and the audit log of the help desk, both in DATA_DIR. */
  tickets: Tickets;
  audit: AuditLog;
  close(): Promise<void>;
}

/** The composition root: builds every part from configuration. Nothing listens yet. */
export async function buildApp(config: Config, logger: Logger, options: { stores?: Stores } = {}): Promise<App> {
  mkdirSync(config.DATA_DIR, { recursive: true });
  const stores = options.stores ?? await openStores(storeLocation(config), logger);
  const knowledge = await loadKnowledgeBaseCached(config.KNOWLEDGE_DIR, path.join(config.DATA_DIR, 'cache'), logger);
  const data = withTrainingData(knowledge, config.INTENTS_DIR);
  const replies = loadReplies(path.join(config.INTENTS_DIR, 'responses', 'vi.yaml'));
  const composer = new AnswerComposer(data.knowledge, replies);
  const staffTokens = await loadStaffTokens({ admin: config.ADMIN_TOKEN, helpdesk: config.HELPDESK_TOKEN }, stores.secrets, logger);
  // The saved model when it matches the current data, else one trained now (src/training/startup.ts).
  const training = await openTraining({
    stores,
    nlu: data,
    recognizerOptions: config.NONE_THRESHOLD === undefined ? {} : { noneThreshold: config.NONE_THRESHOLD },
    logger,
  });
  const inbox = new Inbox(stores.inbox, logger);
  const current = training.recognizer;
  const responder = training.responder(composer);
  // PORTAL_TIMEOUT_MS bounds a whole portal call, retries and back-off included, so a slow or
  // stopped portal still leaves time to answer the citizen within 5 s.
  const portal: PortalClient = config.PORTAL_URL
    ? new HttpPortalClient(config.PORTAL_URL, { timeoutMs: config.PORTAL_TIMEOUT_MS })
    : await InProcessPortalClient.start({ dataDir: config.DATA_DIR, timeoutMs: config.PORTAL_TIMEOUT_MS, logger });
  // Conversation state is kept (DATA_DIR), so a conversation goes on after a restart.
  const conversationState = new ConversationState(stores.state);
  let directLine: DirectLine | undefined;
  const desk = deskServices({
    stores, logger, portal, replies, knowledge: data.knowledge,
    transcripts: {
      historyChannel: DIRECT_LINE_CHANNEL,
      async history(conversationId) {
        const log = await directLine?.conversations.since(conversationId, 0);
        return log ? transcriptFromActivities(log.activities) : null;
      },
    },
    limits: { perConversation: config.LOOKUPS_PER_CONVERSATION, perAddress: config.LOOKUPS_PER_ADDRESS, windowMs: 60_000 },
    async redact(conversationId, activityId, text) {
      await directLine?.conversations.redact(conversationId, activityId, text);
    },
  });
  const { audit, tickets } = desk;
  const commands = loadCommands(path.join(config.INTENTS_DIR, 'commands', 'vi.yaml'), data.lexicon);
  const bot = new DvcBot({ recognizer: current, responder, composer, replies, knowledge: data.knowledge, commands, conversationState, inbox, desk });
  const onTurnError = turnErrorHandler(logger, composer, conversationState);
  const adapter = createCloudAdapter({ appId: config.MicrosoftAppId, appPassword: config.MicrosoftAppPassword });
  adapter.onTurnError = onTurnError;
  directLine = await openDirectLine({ logger, secrets: stores.secrets, secret: config.DIRECT_LINE_SECRET, bot, activities: stores.activities, turns: stores.turns, trustProxy: config.TRUST_PROXY });
  directLine.adapter.onTurnError = onTurnError;
  const helpdesk = helpdeskRoutes({
    logger, token: staffTokens.helpdesk, portal, knowledge: data.knowledge, tickets, audit, messages: desk.handoff,
    async deliver(ticket, answer) {
      // Only our own Direct Line conversations can be reached outside a turn without channel credentials.
      if (ticket.channelId !== DIRECT_LINE_CHANNEL) return false;
      const activity = answerToActivity(answer);
      await directLine?.adapter.deliver(ticket.conversationId, { ...activity, channelData: { ...activity.channelData, ticket: ticket.code } });
      return true;
    },
  });
  const server = createServer({ logger, knowledge: data.knowledge, recognizer: current, adapter, bot, health: stores.health, routes: [directLine.routes, adminRoutes({ logger, token: staffTokens.admin, inbox, data: training.data, models: training.models, knowledge: data.knowledge }), helpdesk, staticRoutes({ logger })] });
  directLine.stream.attach(server.server);
  return {
    server,
    recognizer: current,
    training,
    inbox,
    directLine,
    staffTokens,
    portal,
    tickets,
    audit,
    async close() {
      // Stop accepting; idle keep-alive sockets and WebSockets close now (a streaming client
      // reconnects, to another process if there is one), requests in flight finish first.
      const closed = new Promise<void>((resolve) => server.close(() => resolve()));
      server.server.closeIdleConnections();
      await directLine.stream.close();
      await closed;
      await directLine.close();
      await inbox.close();
      await training.close();
      await portal.close();
      await stores.close();
    },
  };
}
