import path from 'node:path';
import { mkdirSync } from 'node:fs';
import { ConversationState, type Storage } from 'botbuilder';
import type { Server } from 'restify';
import type { Config } from './config.js';
import type { Logger } from './log/logger.js';
import { loadNluData } from './nlu/load.js';
import { trainRecognizer } from './nlu/train.js';
import type { Recognizer } from './nlu/recognizer.js';
import { loadReplies } from './answers/replies.js';
import { AnswerComposer } from './answers/compose.js';
import { Responder } from './answers/responder.js';
import { DvcBot } from './bot/dvc-bot.js';
import { createCloudAdapter, turnErrorHandler } from './bot/adapter.js';
import { createServer } from './web/server.js';
import { LowdbStorage } from './store/lowdb-storage.js';
import { openDirectLine, type DirectLine } from './directline/direct-line.js';
import { loadStaffTokens, type StaffTokens } from './web/staff-auth.js';
import { staticRoutes } from './web/static-routes.js';

export interface App {
  server: Server;
  recognizer: () => Recognizer;
  directLine: DirectLine;
  /** Bearer tokens of the staff routes (configured, or made once and kept in DATA_DIR). */
  staffTokens: StaffTokens;
  close(): Promise<void>;
}

/** The composition root: builds every part from configuration. Nothing listens yet. */
export async function buildApp(config: Config, logger: Logger, options: { storage?: Storage } = {}): Promise<App> {
  const data = loadNluData(config.KNOWLEDGE_DIR, config.INTENTS_DIR);
  const recognizer = trainRecognizer({ ...data, options: config.NONE_THRESHOLD === undefined ? {} : { noneThreshold: config.NONE_THRESHOLD } });
  const current = (): Recognizer => recognizer;
  const replies = loadReplies(path.join(config.INTENTS_DIR, 'responses', 'vi.yaml'));
  const composer = new AnswerComposer(data.knowledge, replies);
  const responder = new Responder(data.knowledge, composer);
  mkdirSync(config.DATA_DIR, { recursive: true });
  const staffTokens = loadStaffTokens({ admin: config.ADMIN_TOKEN, helpdesk: config.HELPDESK_TOKEN }, config.DATA_DIR, logger);
  // Conversation state lives in DATA_DIR, so a conversation goes on after a restart.
  const storage = options.storage ?? await LowdbStorage.open(path.join(config.DATA_DIR, 'bot-state.json'), logger);
  const conversationState = new ConversationState(storage);
  const bot = new DvcBot({ recognizer: current, responder, composer, conversationState });
  const onTurnError = turnErrorHandler(logger, composer, conversationState);
  const adapter = createCloudAdapter({ appId: config.MicrosoftAppId, appPassword: config.MicrosoftAppPassword });
  adapter.onTurnError = onTurnError;
  const directLine = await openDirectLine({ dataDir: config.DATA_DIR, logger, bot });
  directLine.adapter.onTurnError = onTurnError;
  const server = createServer({ logger, knowledge: data.knowledge, recognizer: current, adapter, bot, routes: [directLine.routes, staticRoutes({ logger })] });
  return {
    server,
    recognizer: current,
    directLine,
    staffTokens,
    async close() {
      await new Promise<void>((resolve) => server.close(() => resolve()));
      await directLine.close();
      if (storage instanceof LowdbStorage) await storage.close();
    },
  };
}
