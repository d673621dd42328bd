import path from 'node:path';
import { ConversationState, MemoryStorage, type Storage } from 'botbuilder';
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

export interface App {
  server: Server;
  recognizer: () => Recognizer;
  close(): Promise<void>;
}

/** The composition root: builds every part from configuration. Nothing listens yet. */
export async function buildApp(config: Config, logger: Logger, options: { storage?: Storage } = {}): Promise<App> {
  const data = loadNluData(config.KNOWLEDGE_DIR, config.INTENTS_DIR);
  let recognizer = trainRecognizer({ ...data, options: config.NONE_THRESHOLD === undefined ? {} : { noneThreshold: config.NONE_THRESHOLD } });
  const current = (): Recognizer => recognizer;
  const replies = loadReplies(path.join(config.INTENTS_DIR, 'responses', 'vi.yaml'));
  const composer = new AnswerComposer(data.knowledge, replies);
  const responder = new Responder(data.knowledge, composer);
  const conversationState = new ConversationState(options.storage ?? new MemoryStorage());
  const bot = new DvcBot({ recognizer: current, responder, composer, conversationState });
  const adapter = createCloudAdapter({ appId: config.MicrosoftAppId, appPassword: config.MicrosoftAppPassword });
  adapter.onTurnError = turnErrorHandler(logger, composer, conversationState);
  const server = createServer({ logger, knowledge: data.knowledge, recognizer: current, adapter, bot });
  return {
    server,
    recognizer: current,
    async close() {
      await new Promise<void>((resolve) => server.close(() => resolve()));
      recognizer = current();
    },
  };
}
