import path from 'node:path';
import { ConversationState, MemoryStorage, TestAdapter, type Activity, type Storage } from 'botbuilder';
import { loadConfig } from '../../src/config.js';
import { silentLogger } from '../../src/log/logger.js';
import type { KnowledgeBase } from '../../src/knowledge/knowledge-base.js';
import { loadReplies } from '../../src/answers/replies.js';
import { AnswerComposer } from '../../src/answers/compose.js';
import { Responder } from '../../src/answers/responder.js';
import { loadCommands, type Commands } from '../../src/nlu/commands.js';
import { DvcBot } from '../../src/bot/dvc-bot.js';
import { turnErrorHandler } from '../../src/bot/adapter.js';
import { projectRecognizer } from './recognizer.js';

export interface BotHarness {
  composer: AnswerComposer;
  /** Sends a message (text, or an activity with a button value); answers the bot's messages. */
  say(message: string | Partial<Activity>): Promise<Partial<Activity>[]>;
}

/**
 * DvcBot on the Bot Framework TestAdapter, with the project's data and the real turn-error
 * handler. `knowledge` replaces what the dialogs see (e.g. one that fails on demand); `commands`
 * the typed-reply commands (e.g. one a test watches).
 */
export function botHarness(options: { knowledge?: KnowledgeBase; storage?: Storage; commands?: Commands } = {}): BotHarness {
  const config = loadConfig({});
  const { data, recognizer } = projectRecognizer();
  const replies = loadReplies(path.join(config.INTENTS_DIR, 'responses', 'vi.yaml'));
  const composer = new AnswerComposer(data.knowledge, replies);
  const conversationState = new ConversationState(options.storage ?? new MemoryStorage());
  const bot = new DvcBot({
    recognizer: () => recognizer, responder: new Responder(data.knowledge, composer), composer, replies,
    knowledge: options.knowledge ?? data.knowledge,
    commands: options.commands ?? loadCommands(path.join(config.INTENTS_DIR, 'commands', 'vi.yaml'), data.lexicon), conversationState,
  });
  const adapter = new TestAdapter((context) => bot.run(context));
  adapter.onTurnError = turnErrorHandler(silentLogger, composer, conversationState);
  return {
    composer,
    async say(message) {
      await adapter.send(message);
      return adapter.activeQueue.splice(0).filter((a) => a.type === 'message');
    },
  };
}
