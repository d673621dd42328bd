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
import { takeoverRoutes } from './helpdesk/takeover-routes.js';
import { asTicketEvent, ticketEvent, type TicketEvents } from './helpdesk/ticket-events.js';
import { loadReadyReplies, READY_REPLIES_FILE } from './helpdesk/ready-replies.js';
import { pageRoutes } from './admin/page-routes.js';
import { HELPDESK_PAGE_DIR } from './helpdesk/page.js';

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
  /** Every ticket change, as the help-desk console's event stream sends it. */
  ticketEvents: TicketEvents;
  close(): Promise<void>;
}

/**
 * The composition root: builds every part from configuration. Nothing listens yet. The stores
 * are opened here (files in DATA_DIR, or PostgreSQL with DATABASE_URL) unless `stores` are given.
 */
export async function buildApp(config: Config, logger: Logger, options: { stores?: Stores } = {}): Promise<App> {
  mkdirSync(config.DATA_DIR, { recursive: true });
  const stores = options.stores ?? await openStores(storeLocation(config), logger);
  const knowledge = await loadKnowledge(config, logger);
  const data = withTrainingData(knowledge, config.INTENTS_DIR);
  const replies = loadReplies(path.join(config.INTENTS_DIR, 'responses', 'vi.yaml'));
  const composer = new AnswerComposer(data.knowledge, replies);
  const commands = loadCommands(path.join(config.INTENTS_DIR, 'commands', 'vi.yaml'), data.lexicon);
  const staffTokens = await loadStaffTokens({ admin: config.ADMIN_TOKEN, helpdesk: config.HELPDESK_TOKEN }, stores.secrets, logger);
  // The saved model when it matches the current data, else one trained now (src/training/startup.ts).
  const training = await openTraining({
    stores,
    nlu: data,
    recognizerOptions: config.NONE_THRESHOLD === undefined ? {} : { noneThreshold: config.NONE_THRESHOLD },
    logger,
  });
  const inbox = new Inbox(stores.inbox, logger);
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
    async redact(conversationId, activityId, text) {
      await stores.activities.redact(conversationId, activityId, text);
    },
  });
  const { bot, onTurnError } = openBot({
    state: stores.state, logger, recognizer: training.recognizer, responder: training.responder(composer),
    composer, replies, knowledge: data.knowledge, commands, inbox, desk,
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
  const admin = adminRoutes({ logger, token: staffTokens.admin, inbox, data: training.data, models: training.models, knowledge: data.knowledge });
  const server = createServer({
    logger, knowledge: data.knowledge, recognizer: training.recognizer, health: stores.health,
    routes: [...channels.map((c) => (s: Server) => c.routes(s)), admin, helpdesk, takeover.routes, consolePage, staticRoutes({ logger })],
  });
  directLine.stream.attach(server.server);
  return {
    server,
    recognizer: training.recognizer,
    training,
    inbox,
    directLine,
    channels,
    staffTokens,
    portal,
    tickets,
    audit,
    ticketEvents,
    async close() {
      // Stop accepting; idle keep-alive sockets and WebSockets close now (a streaming client
      // reconnects, to another process if there is one), requests in flight finish first.
      const closed = new Promise<void>((resolve) => server.close(() => resolve()));
      server.server.closeIdleConnections();
      takeover.close();
      await directLine.stream.close();
      await closed;
      await Promise.all(channels.map((c) => c.close()));
      await inbox.close();
      await training.close();
      await portal.close();
      await stores.close();
    },
  };
}
