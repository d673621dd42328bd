import path from 'node:path';
import { mkdirSync } from 'node:fs';
import { ConversationState, type Storage } from 'botbuilder';
import type { Server } from 'restify';
import type { Config } from './config.js';
import type { Logger } from './log/logger.js';
import { loadNluData } from './nlu/load.js';
import type { Recognizer } from './nlu/recognizer.js';
import { loadReplies } from './answers/replies.js';
import { AnswerComposer } from './answers/compose.js';
import { loadCommands } from './nlu/commands.js';
import { DvcBot } from './bot/dvc-bot.js';
import { createCloudAdapter, turnErrorHandler } from './bot/adapter.js';
import { createServer } from './web/server.js';
import { LowdbStorage } from './store/lowdb-storage.js';
import { openDirectLine, type DirectLine } from './directline/direct-line.js';
import { loadStaffTokens, type StaffTokens } from './web/staff-auth.js';
import { openAdmin, type Admin } from './admin/admin.js';
import { staticRoutes } from './web/static-routes.js';

export interface App {
  server: Server;
  /** The model serving now; staff retraining swaps it without a restart. */
  recognizer: () => Recognizer;
  admin: Admin;
  directLine: DirectLine;
  /** Bearer tokens of the staff routes (configured, or made once and kept in DATA_DIR). */
  staffTokens: StaffTokens;
  close(): Promise<void>;
}

/** The composition root: builds every part from configuration. Nothing listens yet. */
export async function buildApp(config: Config, logger: Logger, options: { storage?: Storage } = {}): Promise<App> {
  const data = loadNluData(config.KNOWLEDGE_DIR, config.INTENTS_DIR);
  const replies = loadReplies(path.join(config.INTENTS_DIR, 'responses', 'vi.yaml'));
  const composer = new AnswerComposer(data.knowledge, replies);
  mkdirSync(config.DATA_DIR, { recursive: true });
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
  // Conversation state lives in DATA_DIR, so a conversation goes on after a restart.
  const storage = options.storage ?? await LowdbStorage.open(path.join(config.DATA_DIR, 'bot-state.json'), logger);
  const conversationState = new ConversationState(storage);
  const commands = loadCommands(path.join(config.INTENTS_DIR, 'commands', 'vi.yaml'), data.lexicon);
  const bot = new DvcBot({ recognizer: current, responder, composer, replies, knowledge: data.knowledge, commands, conversationState, inbox: admin.inbox });
  const onTurnError = turnErrorHandler(logger, composer, conversationState);
  const adapter = createCloudAdapter({ appId: config.MicrosoftAppId, appPassword: config.MicrosoftAppPassword });
  adapter.onTurnError = onTurnError;
  const directLine = await openDirectLine({ dataDir: config.DATA_DIR, logger, bot });
  directLine.adapter.onTurnError = onTurnError;
  const server = createServer({ logger, knowledge: data.knowledge, recognizer: current, adapter, bot, routes: [directLine.routes, admin.routes, staticRoutes({ logger })] });
  return {
    server,
    recognizer: current,
    admin,
    directLine,
    staffTokens,
    async close() {
      // Stop accepting; idle keep-alive sockets close now, requests in flight finish first.
      const closed = new Promise<void>((resolve) => server.close(() => resolve()));
      server.server.closeIdleConnections();
      await closed;
      await directLine.close();
      await admin.close();
      if (storage instanceof LowdbStorage) await storage.close();
    },
  };
}
