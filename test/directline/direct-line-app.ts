import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import type { AddressInfo } from 'node:net';
import { ConversationState } from 'botbuilder';
import type { Server } from 'restify';
import { loadConfig } from '../../src/config.js';
import { silentLogger } from '../../src/log/logger.js';
import { loadNluData } from '../../src/nlu/load.js';
import { trainRecognizer } from '../../src/nlu/train.js';
import type { Recognizer } from '../../src/nlu/recognizer.js';
import { loadReplies } from '../../src/answers/replies.js';
import { AnswerComposer } from '../../src/answers/compose.js';
import { Responder } from '../../src/answers/responder.js';
import { loadCommands } from '../../src/nlu/commands.js';
import { DvcBot } from '../../src/bot/dvc-bot.js';
import { createCloudAdapter, turnErrorHandler } from '../../src/bot/adapter.js';
import { createServer } from '../../src/web/server.js';
import { LowdbStorage } from '../../src/store/lowdb-storage.js';
import { openDirectLine, type DirectLine } from '../../src/directline/direct-line.js';

// The real server with Direct Line wired the way src/app.ts will wire it (see the report to
// the lead), and the bot's state in lowdb, all on one DATA_DIR. Kept here until app.ts does it.

export interface DirectLineTestApp {
  url: string;
  dataDir: string;
  directLine: DirectLine;
  server: Server;
  close(): Promise<void>;
}

const config = loadConfig({ PORT: '0', HOST: '127.0.0.1' });
let trained: { recognizer: Recognizer; data: ReturnType<typeof loadNluData> } | undefined;

/** Training takes a while: one model serves every server these tests start. */
function model() {
  if (!trained) {
    const data = loadNluData(config.KNOWLEDGE_DIR, config.INTENTS_DIR);
    trained = { data, recognizer: trainRecognizer({ ...data, options: {} }) };
  }
  return trained;
}

/** Starts the server on a free loopback port; pass dataDir to restart on the same data. */
export async function startDirectLineApp(dataDir?: string): Promise<DirectLineTestApp> {
  const dir = dataDir ?? mkdtempSync(path.join(tmpdir(), 'dvc-dl-test-'));
  const { data, recognizer } = model();
  const replies = loadReplies(path.join(config.INTENTS_DIR, 'responses', 'vi.yaml'));
  const composer = new AnswerComposer(data.knowledge, replies);
  const storage = await LowdbStorage.open(path.join(dir, 'bot-state.json'), silentLogger);
  const conversationState = new ConversationState(storage);
  const commands = loadCommands(path.join(config.INTENTS_DIR, 'commands', 'vi.yaml'), data.lexicon);
  const bot = new DvcBot({
    recognizer: () => recognizer, responder: new Responder(data.knowledge, composer), composer, replies,
    knowledge: data.knowledge, commands, conversationState,
  });
  const directLine = await openDirectLine({ dataDir: dir, logger: silentLogger, bot });
  directLine.adapter.onTurnError = turnErrorHandler(silentLogger, composer, conversationState);
  const server = createServer({
    logger: silentLogger, knowledge: data.knowledge, recognizer: () => recognizer,
    adapter: createCloudAdapter({}), bot, routes: [directLine.routes],
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', () => resolve()));
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}/v3/directline`,
    dataDir: dir,
    directLine,
    server,
    async close() {
      await new Promise<void>((resolve) => server.close(() => resolve()));
      await directLine.close();
      await storage.close();
      if (!dataDir) rmSync(dir, { recursive: true, force: true });
    },
  };
}

export interface Answer { status: number; body: any }

/** One HTTP call with an optional bearer token; the body is sent as is when it is a string. */
export async function call(method: string, url: string, options: { token?: string; body?: unknown } = {}): Promise<Answer> {
  const headers: Record<string, string> = {};
  if (options.token) headers.authorization = `Bearer ${options.token}`;
  if (options.body !== undefined) headers['content-type'] = 'application/json';
  const body = options.body === undefined ? undefined : typeof options.body === 'string' ? options.body : JSON.stringify(options.body);
  const res = await fetch(url, { method, headers, ...(body === undefined ? {} : { body }) });
  const text = await res.text();
  return { status: res.status, body: text ? JSON.parse(text) : null };
}
