import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { ConversationState, TestAdapter, type ConversationAccount } from 'botbuilder';
import { Analytics } from '../../src/analytics/analytics.js';
import { AnswerComposer } from '../../src/answers/compose.js';
import { loadReplies } from '../../src/answers/replies.js';
import { Responder } from '../../src/answers/responder.js';
import { DvcBot } from '../../src/bot/dvc-bot.js';
import { loadConfig } from '../../src/config.js';
import { silentLogger } from '../../src/log/logger.js';
import { loadCommands } from '../../src/nlu/commands.js';
import { loadNluData } from '../../src/nlu/load.js';
import { trainRecognizer } from '../../src/nlu/train.js';
import { FileAnalyticsStore } from '../../src/store/file/file-analytics-store.js';
import { FileSecretStore } from '../../src/store/file/file-secret-store.js';
import { PerKeyStorage } from '../../src/store/file/per-key-storage.js';
import type { Figure } from './report.js';
import { median, ms } from './stats.js';

// What recording analytics adds to a turn, on the embedded (file) stores: the same questions
// through two DvcBots on the Bot Framework TestAdapter, each with its conversation state in
// files, one with analytics (TurnAnalytics noting the turn, Analytics hashing and buffering
// the event, and the batched writes of events and day figures, forced at the end of each
// block so they are counted) and one without. Blocks alternate so both meet the same machine
// load; the figure is the difference of the CPU time per turn.

const BLOCKS = 24;
const TURNS_PER_BLOCK = 250;
const CONVERSATIONS = 40;

interface Side {
  adapters: TestAdapter[];
  flush(): Promise<void>;
  close(): Promise<void>;
}

export async function measureAnalytics(texts: readonly string[]): Promise<Figure> {
  const dir = mkdtempSync(path.join(tmpdir(), 'dvc-bench-analytics-'));
  const config = loadConfig({});
  const data = loadNluData(config.KNOWLEDGE_DIR, config.INTENTS_DIR);
  const recognizer = trainRecognizer(data);
  const replies = loadReplies(path.join(config.INTENTS_DIR, 'responses', 'vi.yaml'));
  const composer = new AnswerComposer(data.knowledge, replies);
  const commands = loadCommands(path.join(config.INTENTS_DIR, 'commands', 'vi.yaml'), data.lexicon);

  const side = async (name: string, withAnalytics: boolean): Promise<Side> => {
    const state = await PerKeyStorage.open(path.join(dir, name, 'bot-state'), silentLogger);
    const conversationState = new ConversationState(state);
    const analytics = withAnalytics
      ? await Analytics.open(await FileAnalyticsStore.open(path.join(dir, name), silentLogger), await FileSecretStore.open(path.join(dir, name), silentLogger), { retentionDays: 365, logger: silentLogger })
      : null;
    const bot = new DvcBot({
      recognizer: () => recognizer, responder: new Responder(data.knowledge, composer), composer, replies, knowledge: data.knowledge, commands, conversationState,
      ...(analytics ? { analytics: { sink: analytics, model: () => 'm-bench' } } : {}),
    });
    const adapters = Array.from({ length: CONVERSATIONS }, (_, i) => new TestAdapter((context) => bot.run(context), { conversation: { id: `${name}-c${i}` } as ConversationAccount }));
    return {
      adapters,
      flush: async () => { await analytics?.flush(); },
      close: async () => { await analytics?.close(); await state.close(); },
    };
  };
  const sides = { with: await side('with', true), without: await side('without', false) };
  const cpuPerTurn: Record<'with' | 'without', number[]> = { with: [], without: [] };
  let asked = 0;
  const block = async (name: 'with' | 'without', first: number): Promise<void> => {
    const { adapters, flush } = sides[name];
    const before = process.cpuUsage();
    for (let i = 0; i < TURNS_PER_BLOCK; i++) {
      const adapter = adapters[(first + i) % CONVERSATIONS]!;
      await adapter.send(texts[(first + i) % texts.length]!);
      adapter.activeQueue.splice(0);
    }
    await flush();
    const used = process.cpuUsage(before);
    cpuPerTurn[name].push((used.user + used.system) / 1000 / TURNS_PER_BLOCK);
  };
  try {
    // Warm-up: both sides, once, not counted.
    await block('with', 0);
    await block('without', 0);
    cpuPerTurn.with = [];
    cpuPerTurn.without = [];
    for (let b = 0; b < BLOCKS; b++) {
      const first = asked;
      asked += TURNS_PER_BLOCK;
      // Alternate which side goes first, so neither always meets a warmer cache.
      const order: Array<'with' | 'without'> = b % 2 ? ['without', 'with'] : ['with', 'without'];
      for (const name of order) await block(name, first);
    }
  } finally {
    await sides.with.close();
    await sides.without.close();
    rmSync(dir, { recursive: true, force: true });
  }
  const differences = cpuPerTurn.with.map((w, i) => w - (cpuPerTurn.without[i] ?? NaN));
  return {
    ...await recordCost(),
    metric: 'analytics-turn', procedures: data.knowledge.procedures.length, turns: BLOCKS * TURNS_PER_BLOCK, conversations: CONVERSATIONS,
    turn_cpu_ms_without: ms(median(cpuPerTurn.without)), turn_cpu_ms_with: ms(median(cpuPerTurn.with)),
    added_ms: ms(median(differences)),
  };
}

/** The turn's own share, alone: Analytics.record (hash the conversation, buffer the event), in microseconds. */
async function recordCost(): Promise<{ record_us: number }> {
  const dir = mkdtempSync(path.join(tmpdir(), 'dvc-bench-record-'));
  const analytics = await Analytics.open(await FileAnalyticsStore.open(dir, silentLogger), await FileSecretStore.open(dir, silentLogger), { retentionDays: 365, logger: silentLogger, flushMs: 60_000 });
  try {
    const count = 4000;
    const at = new Date().toISOString();
    const samples: number[] = [];
    for (let round = 0; round < 10; round++) {
      const started = performance.now();
      for (let i = 0; i < count; i++) {
        analytics.record({
          at, kind: 'message', channel: 'directline', conversationId: `conversation-${i % 500}`, intent: 'procedure.fee', procedure: 'cap-the-can-cuoc',
          confidence: 0.93, understood: true, latencyMs: 3.2, handoff: false, model: 'm-bench',
        });
      }
      samples.push((performance.now() - started) / count);
      await analytics.flush();
    }
    return { record_us: Math.round(median(samples) * 1000 * 100) / 100 };
  } finally {
    await analytics.close();
    rmSync(dir, { recursive: true, force: true });
  }
}
