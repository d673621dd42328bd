import path from 'node:path';
import { mkdirSync } from 'node:fs';
import { ConversationState, type Storage } from 'botbuilder';
import type { Server } from 'restify';
import type { Config } from './config.js';
import type { Logger } from './log/logger.js';
import { withTrainingData } from './nlu/load.js';
import { loadKnowledge } from './catalogue/load-knowledge.js';
import type { Recognizer } from './nlu/recognizer.js';
import { loadReplies } from './answers/replies.js';
import { AnswerComposer, type Answer } from './answers/compose.js';
import { loadCommands } from './nlu/commands.js';
import { DvcBot } from './bot/dvc-bot.js';
import { createCloudAdapter, turnErrorHandler } from './bot/adapter.js';
import { createServer } from './web/server.js';
import { PerKeyStorage } from './store/per-key-storage.js';
import { openDirectLine, type DirectLine } from './directline/direct-line.js';
import { loadStaffTokens, type StaffTokens } from './web/staff-auth.js';
import { openAdmin, type Admin } from './admin/admin.js';
import { staticRoutes } from './web/static-routes.js';
import type { PortalClient } from './portal/portal-client.js';
import { HttpPortalClient } from './portal/http-portal-client.js';
import { InProcessPortalClient } from './portal/in-process-portal-client.js';
import type { AuditLog } from './helpdesk/audit-log.js';
import type { Ticket, TicketStore } from './helpdesk/ticket-store.js';
import { openDeskServices } from './bot/dialogs/desk-services.js';
import { transcriptFromActivities } from './bot/transcript-recorder.js';
import { helpdeskRoutes } from './helpdesk/routes.js';
import { takeoverRoutes } from './helpdesk/takeover-routes.js';
import { InProcessTicketEvents, ticketEvent, type TicketEvents } from './helpdesk/ticket-events.js';
import { loadReadyReplies, READY_REPLIES_FILE } from './helpdesk/ready-replies.js';
import { pageRoutes } from './admin/routes/page-routes.js';
import { HELPDESK_PAGE_DIR } from './helpdesk/page.js';
import { answerToActivity } from './bot/to-activity.js';
import { DIRECT_LINE_CHANNEL } from './bot/directline-adapter.js';

export interface App {
  server: Server;
  /** The model serving now; staff retraining swaps it without a restart. */
  recognizer: () => Recognizer;
  admin: Admin;
  directLine: DirectLine;
  /** Bearer tokens of the staff routes (configured, or made once and kept in DATA_DIR). */
  staffTokens: StaffTokens;
  /** The dossier portal: the embedded mock, or PORTAL_URL over HTTP. */
  portal: PortalClient;
  /** Handoff tickets and the audit log of the help desk, both in DATA_DIR. */
  tickets: TicketStore;
  audit: AuditLog;
  /** Every ticket change, as the help-desk console's event stream sends it. */
  ticketEvents: TicketEvents;
  close(): Promise<void>;
}

/** The composition root: builds every part from configuration. Nothing listens yet. */
export async function buildApp(config: Config, logger: Logger, options: { storage?: Storage } = {}): Promise<App> {
  mkdirSync(config.DATA_DIR, { recursive: true });
  const knowledge = await loadKnowledge(config, logger);
  const data = withTrainingData(knowledge, config.INTENTS_DIR);
  const replies = loadReplies(path.join(config.INTENTS_DIR, 'responses', 'vi.yaml'));
  const composer = new AnswerComposer(data.knowledge, replies);
  const staffTokens = loadStaffTokens({ admin: config.ADMIN_TOKEN, helpdesk: config.HELPDESK_TOKEN }, config.DATA_DIR, logger);
  // The saved model when it matches the current data, else one trained now (src/admin/startup.ts).
  const admin = await openAdmin({
    dataDir: config.DATA_DIR,
    nlu: data,
    recognizerOptions: config.NONE_THRESHOLD === undefined ? {} : { noneThreshold: config.NONE_THRESHOLD },
    adminToken: staffTokens.admin,
    logger,
  });
  const current = admin.recognizer;
  const responder = admin.responder(composer);
  // PORTAL_TIMEOUT_MS bounds a whole portal call, retries and back-off included, so a slow or
  // stopped portal still leaves time to answer the citizen within 5 s.
  const portal: PortalClient = config.PORTAL_URL
    ? new HttpPortalClient(config.PORTAL_URL, { timeoutMs: config.PORTAL_TIMEOUT_MS })
    : await InProcessPortalClient.start({ dataDir: config.DATA_DIR, timeoutMs: config.PORTAL_TIMEOUT_MS, logger });
  // Conversation state lives in DATA_DIR, so a conversation goes on after a restart.
  const storage = options.storage ?? await PerKeyStorage.open(path.join(config.DATA_DIR, 'bot-state'), logger);
  const conversationState = new ConversationState(storage);
  let directLine: DirectLine | undefined;
  const desk = await openDeskServices({
    dataDir: config.DATA_DIR, logger, portal, replies, knowledge: data.knowledge,
    transcripts: {
      historyChannel: DIRECT_LINE_CHANNEL,
      async history(conversationId) {
        const log = await directLine?.conversations.since(conversationId, 0);
        return log ? transcriptFromActivities(log.activities) : null;
      },
    },
    limits: { perConversation: config.LOOKUPS_PER_CONVERSATION, perAddress: config.LOOKUPS_PER_ADDRESS, windowMs: 60_000 },
    heldNoticeAfterMs: config.HANDOFF_NOTICE_MINUTES * 60_000,
    async redact(conversationId, activityId, text) {
      await directLine?.conversations.redact(conversationId, activityId, text);
    },
  });
  const { audit, tickets } = desk;
  const commands = loadCommands(path.join(config.INTENTS_DIR, 'commands', 'vi.yaml'), data.lexicon);
  const bot = new DvcBot({ recognizer: current, responder, composer, replies, knowledge: data.knowledge, commands, conversationState, inbox: admin.inbox, desk });
  const onTurnError = turnErrorHandler(logger, composer, conversationState);
  const adapter = createCloudAdapter({ appId: config.MicrosoftAppId, appPassword: config.MicrosoftAppPassword });
  adapter.onTurnError = onTurnError;
  directLine = await openDirectLine({ dataDir: config.DATA_DIR, logger, bot, trustProxy: config.TRUST_PROXY });
  directLine.adapter.onTurnError = onTurnError;
  const deliver = async (ticket: Ticket, answer: Answer): Promise<boolean> => {
    // Only our own Direct Line conversations can be reached outside a turn without channel credentials.
    if (ticket.channelId !== DIRECT_LINE_CHANNEL) return false;
    const activity = answerToActivity(answer);
    await directLine?.adapter.deliver(ticket.conversationId, { ...activity, channelData: { ...activity.channelData, ticket: ticket.code } });
    return true;
  };
  const helpdesk = helpdeskRoutes({ logger, token: staffTokens.helpdesk, portal, knowledge: data.knowledge, tickets, audit, messages: desk.handoff, deliver });
  // The console (/helpdesk): its page, and its routes fed by every change of the ticket store.
  const ticketEvents = new InProcessTicketEvents();
  const procedureName = (id: string) => data.knowledge.get(id)?.name ?? null;
  tickets.onChange((change) => { void ticketEvents.publish(ticketEvent(change, procedureName)); });
  const takeover = takeoverRoutes({
    logger, token: staffTokens.helpdesk, tickets, audit, messages: desk.handoff, events: ticketEvents, deliver,
    readyReplies: loadReadyReplies(path.join(config.INTENTS_DIR, ...READY_REPLIES_FILE)),
  });
  const consolePage = pageRoutes(logger, HELPDESK_PAGE_DIR, '/helpdesk');
  const server = createServer({ logger, knowledge: data.knowledge, recognizer: current, adapter, bot, routes: [directLine.routes, admin.routes, helpdesk, takeover.routes, consolePage, staticRoutes({ logger })] });
  return {
    server,
    recognizer: current,
    admin,
    directLine,
    staffTokens,
    portal,
    tickets,
    audit,
    ticketEvents,
    async close() {
      // Stop accepting; idle keep-alive sockets close now, requests in flight finish first.
      const closed = new Promise<void>((resolve) => server.close(() => resolve()));
      server.server.closeIdleConnections();
      takeover.close();
      await closed;
      await directLine.close();
      await admin.close();
      await desk.close();
      await portal.close();
      if (storage instanceof PerKeyStorage) await storage.close();
    },
  };
}
