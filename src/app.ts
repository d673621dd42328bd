import path from 'node:path';
import { mkdirSync } from 'node:fs';
import type { Server } from 'restify';
import type { Config } from './config.js';
import type { Logger } from './log/logger.js';
import { withTrainingData } from './nlu/load.js';
import { loadKnowledge } from './catalogue/load-knowledge.js';
import type { Recognizer } from './nlu/recognizer.js';
import { loadReplies } from './answers/replies.js';
import { AnswerComposer } from './answers/compose.js';
import { loadCommands } from './nlu/commands.js';
import { openBot } from './bot/open-bot.js';
import { deskServices } from './bot/dialogs/desk-services.js';
import { reachThrough, type Channel } from './bot/channels/channel.js';
import { directLineTranscripts, openDirectLineChannel, type DirectLineChannel } from './bot/channels/direct-line-channel.js';
import { openBotFrameworkChannel } from './bot/channels/bot-framework-channel.js';
import { createServer } from './web/server.js';
import { staticRoutes } from './web/static-routes.js';
import { loadStaffTokens, type StaffTokens } from './web/staff-auth.js';
import { openStores, storeLocation } from './store/open-stores.js';
import type { Stores } from './store/stores.js';
import { adminRoutes } from './admin/admin.js';
import { Inbox } from './inbox/inbox.js';
import { openTraining, type Training } from './training/training.js';
import type { PortalClient } from './portal/portal-client.js';
import { HttpPortalClient } from './portal/http-portal-client.js';
import { InProcessPortalClient } from './portal/in-process-portal-client.js';
import type { AuditLog } from './helpdesk/audit-log.js';
import type { Tickets } from './helpdesk/tickets.js';
import { helpdeskRoutes } from './helpdesk/routes.js';
import { DIRECT_LINE_CHANNEL } from './bot/directline-adapter.js';
import { answerTextsFrom } from './bot/feedback-handler.js';
import { Analytics } from './analytics/analytics.js';
import { analyticsRoutes } from './analytics/routes.js';
import { Metrics } from './metrics/metrics.js';
import { metricsRoutes, metricsServer } from './metrics/routes.js';
import { timedRecognizer } from './metrics/timed-recognizer.js';
import { timedStores } from './metrics/timed-stores.js';
import type { Server as HttpServer } from 'node:http';
import { takeoverRoutes } from './helpdesk/takeover-routes.js';
import { asTicketEvent, ticketEvent, type TicketEvents } from './helpdesk/ticket-events.js';
import { loadReadyReplies, READY_REPLIES_FILE } from './helpdesk/ready-replies.js';
import { pageRoutes } from './admin/page-routes.js';
import { HELPDESK_PAGE_DIR } from './helpdesk/page.js';
import { KnowledgeService } from './knowledge/knowledge-service.js';
import { selectCheck } from './answers/select-problems.js';
import { loadSuperseded } from './knowledge/superseded.js';

export interface App {
  server: Server;
  /** The model serving now; staff retraining swaps it without a restart. */
  recognizer: () => Recognizer;
  /** The serving model, its training data and the jobs that retrain it. */
  training: Training;
  /** The questions the assistant did not understand, for staff. */
  inbox: Inbox;
  /** Our own Direct Line (the chat page and widget); with the others in `channels`. */
  directLine: DirectLineChannel;
  channels: Channel[];
  /** Bearer tokens of the staff routes (configured, or made once and kept). */
  staffTokens: StaffTokens;
  /** The dossier portal: the embedded mock, or PORTAL_URL over HTTP. */
  portal: PortalClient;
  /** Handoff tickets and the audit log of the help desk. */
  tickets: Tickets;
  audit: AuditLog;
  /** One event per citizen turn, and the figures staff read. */
  analytics: Analytics;
  metrics: Metrics;
  /** The server of METRICS_PORT (`GET /metrics` without a token), not yet listening. */
  metricsServer: HttpServer;
  /** Every ticket change, as the help-desk console's event stream sends it. */
  ticketEvents: TicketEvents;
  /** Staff edits of the knowledge; `refresh()` serves what another process kept. */
  knowledge: KnowledgeService;
  close(): Promise<void>;
}

/**
 * The composition root: builds every part from configuration. Nothing listens yet. The stores
 * are opened here (files in DATA_DIR, or PostgreSQL with DATABASE_URL) unless `stores` are given.
 */
export async function buildApp(config: Config, logger: Logger, options: { stores?: Stores } = {}): Promise<App> {
  mkdirSync(config.DATA_DIR, { recursive: true });
  let servingModel = (): string | null => null;
  const metrics = new Metrics({ model: () => servingModel() });
  const stores = timedStores(options.stores ?? await openStores(storeLocation(config), logger), (store, operation, seconds) => metrics.storeOperation(store, operation, seconds));
  const data = withTrainingData(await loadKnowledge(config, logger), config.INTENTS_DIR);
  // The knowledge files (and the catalogue), with the staff edits kept in DATA_DIR over them.
  const knowledge = await KnowledgeService.open(data.knowledge, stores.knowledgeEdits, logger, { check: selectCheck(data.situation.slots) });
  const replies = loadReplies(path.join(config.INTENTS_DIR, 'responses', 'vi.yaml'));
  const composer = new AnswerComposer(data.knowledge, replies);
  const commands = loadCommands(path.join(config.INTENTS_DIR, 'commands', 'vi.yaml'), data.lexicon);
  const staffTokens = await loadStaffTokens({ admin: config.ADMIN_TOKEN, helpdesk: config.HELPDESK_TOKEN }, stores.secrets, logger);
  // The saved model when it matches the current data, else one trained now (src/training/startup.ts).
  const training = await openTraining({
    stores,
    nlu: data,
    recognizerOptions: config.NONE_THRESHOLD === undefined ? {} : { noneThreshold: config.NONE_THRESHOLD },
    edited: () => knowledge.editedIds(),
    logger,
  });
  // An edit is served by the next turn: answers read the knowledge base as it is; the serving
  // model is rebuilt with new names before the edit is answered.
  knowledge.onChange((change) => training.knowledgeChanged(change.before));
  // What staff edit through another process is served here too.
  const unfollowKnowledge = knowledge.follow(stores.changes);
  const inbox = new Inbox(stores.inbox, logger);
  servingModel = () => training.models.servingId;
  const recognizer = timedRecognizer(training.recognizer, (work) => metrics.parse(work));
  const analytics = await Analytics.open(stores.analytics, stores.secrets, { retentionDays: config.ANALYTICS_DAYS, logger });
  // PORTAL_TIMEOUT_MS bounds a whole portal call, retries and back-off included, so a slow or
  // stopped portal still leaves time to answer the citizen within 5 s.
  const portal: PortalClient = config.PORTAL_URL
    ? new HttpPortalClient(config.PORTAL_URL, { timeoutMs: config.PORTAL_TIMEOUT_MS })
    : await InProcessPortalClient.start({ dataDir: config.DATA_DIR, timeoutMs: config.PORTAL_TIMEOUT_MS, logger });
  const desk = deskServices({
    stores, logger, portal, replies, knowledge: data.knowledge,
    transcripts: directLineTranscripts(stores.activities),
    limits: { perConversation: config.LOOKUPS_PER_CONVERSATION, perAddress: config.LOOKUPS_PER_ADDRESS, windowMs: 60_000 },
    heldNoticeAfterMs: config.HANDOFF_NOTICE_MINUTES * 60_000,
    claimLapseMs: config.HANDOFF_CLAIM_MINUTES * 60_000,
    async redact(conversationId, activityId, text) {
      await stores.activities.redact(conversationId, activityId, text);
    },
  });
  const { bot, onTurnError } = openBot({
    state: stores.state, logger, recognizer, responder: training.responder(composer),
    composer, replies, knowledge: data.knowledge, commands, inbox, desk,
    analytics: {
      sink: { record(event) { analytics.record(event); metrics.turn(event); } },
      model: servingModel,
      downVotes: inbox,
      // The texts a thumbs down shows staff come from our Direct Line log (other channels keep none here).
      async texts(context, answerId) {
        if (context.activity.channelId !== DIRECT_LINE_CHANNEL) return null;
        return answerTextsFrom((await stores.activities.since(context.activity.conversation.id, 0)).activities, answerId);
      },
    },
  });
  const directLine = await openDirectLineChannel({
    logger, secrets: stores.secrets, secret: config.DIRECT_LINE_SECRET, activities: stores.activities, turns: stores.turns, bot, botName: replies.say('botName'), onTurnError, trustProxy: config.TRUST_PROXY,
  });
  const channels: Channel[] = [
    directLine,
    openBotFrameworkChannel({ logger, appId: config.MicrosoftAppId, appPassword: config.MicrosoftAppPassword, bot, onTurnError }),
  ];
  const reach = reachThrough(channels);
  const { audit, tickets } = desk;
  const helpdesk = helpdeskRoutes({ logger, token: staffTokens.helpdesk, portal, knowledge: data.knowledge, tickets, audit, messages: desk.handoff, reach });
  // The console (/helpdesk): its page, and its routes fed by every change of the tickets, made
  // by this process or another on the same store.
  const ticketEvents: TicketEvents = stores.broadcast('ticket-events', asTicketEvent);
  const procedureName = (id: string) => data.knowledge.get(id)?.name ?? null;
  tickets.onChange((change) => { void ticketEvents.publish(ticketEvent(change, procedureName)); });
  const takeover = takeoverRoutes({
    logger, token: staffTokens.helpdesk, tickets, audit, messages: desk.handoff, events: ticketEvents, reach,
    readyReplies: loadReadyReplies(path.join(config.INTENTS_DIR, ...READY_REPLIES_FILE)),
  });
  const consolePage = pageRoutes(logger, HELPDESK_PAGE_DIR, '/helpdesk');
  const admin = adminRoutes({
    logger, token: staffTokens.admin, inbox, data: training.data, models: training.models, knowledge: data.knowledge, edits: knowledge, audit,
    review: { superseded: loadSuperseded(config.KNOWLEDGE_DIR), reviewMonths: config.REVIEW_MONTHS },
  });
  const staffFigures = [analyticsRoutes({ logger, token: staffTokens.admin, analytics }), metricsRoutes({ logger, token: staffTokens.admin, metrics })];
  const server = createServer({
    logger, knowledge: data.knowledge, recognizer, health: stores.health,
    routes: [...channels.map((c) => (s: Server) => c.routes(s)), admin, helpdesk, takeover.routes, consolePage, ...staffFigures, staticRoutes({ logger })],
  });
  directLine.stream.attach(server.server);
  metrics.instrument(server);
  const opsServer = metricsServer(metrics, logger);
  return {
    server,
    recognizer,
    training,
    inbox,
    directLine,
    channels,
    staffTokens,
    portal,
    tickets,
    audit,
    ticketEvents,
    knowledge,
    analytics,
    metrics,
    metricsServer: opsServer,
    async close() {
      // Stop accepting; idle keep-alive sockets and WebSockets close now (a streaming client
      // reconnects, to another process if there is one), and each socket whose request was in
      // flight as soon as its answer is sent (Node would keep it for the keep-alive timeout).
      const closed = new Promise<void>((resolve) => server.close(() => resolve()));
      server.server.closeIdleConnections();
      const sweep = setInterval(() => server.server.closeIdleConnections(), 100);
      takeover.close();
      await directLine.stream.close();
      await closed;
      clearInterval(sweep);
      if (opsServer.listening) await new Promise<void>((resolve) => opsServer.close(() => resolve()));
      await Promise.all(channels.map((c) => c.close()));
      await analytics.close();
      await inbox.close();
      unfollowKnowledge();
      await knowledge.idle();
      await training.close();
      await portal.close();
      await stores.close();
    },
  };
}
