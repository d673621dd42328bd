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

// What analytics adds to a turn, on the embedded (file) stores: the same questions through
// three DvcBots on the Bot Framework TestAdapter, each with its conversation state in files:
// one without analytics, one that notes each turn and keeps the answers for votes but throws
// the events away, and one that records them (hashed, buffered, and written in batches of the
// day's events and figures, forced at the end of each block so that they count). Blocks
// rotate which bot goes first so all meet the same machine load; each figure is the median of
// the per-block differences of CPU time per turn. Then the recording alone, without a bot:
// Analytics.record, and record with its share of the batched write.

const BLOCKS = 30;
const TURNS_PER_BLOCK = 200;
const CONVERSATIONS = 40;
const SIDES = ['none', 'noted', 'recorded'] as const;
type SideName = (typeof SIDES)[number];

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

  const side = async (name: SideName): Promise<Side> => {
    const state = await PerKeyStorage.open(path.join(dir, name, 'bot-state'), silentLogger);
    const conversationState = new ConversationState(state);
    const analytics = name === 'recorded'
      ? await Analytics.open(await FileAnalyticsStore.open(path.join(dir, name), silentLogger), await FileSecretStore.open(path.join(dir, name), silentLogger), { retentionDays: 365, logger: silentLogger })
      : null;
    const sink = analytics ?? { record: () => undefined };
    const bot = new DvcBot({
      recognizer: () => recognizer, responder: new Responder(data.knowledge, composer), composer, replies, knowledge: data.knowledge, commands, conversationState,
      ...(name === 'none' ? {} : { analytics: { sink, model: () => 'm-bench' } }),
    });
    const adapters = Array.from({ length: CONVERSATIONS }, (_, i) => new TestAdapter((context) => bot.run(context), { conversation: { id: `${name}-c${i}` } as ConversationAccount }));
    return {
      adapters,
      flush: async () => { await analytics?.flush(); },
      close: async () => { await analytics?.close(); await state.close(); },
    };
  };
  const sides: Record<SideName, Side> = { none: await side('none'), noted: await side('noted'), recorded: await side('recorded') };
  const cpuPerTurn: Record<SideName, number[]> = { none: [], noted: [], recorded: [] };
  const block = async (name: SideName, first: number): Promise<number> => {
    const { adapters, flush } = sides[name];
    const before = process.cpuUsage();
    for (let i = 0; i < TURNS_PER_BLOCK; i++) {
      const adapter = adapters[(first + i) % CONVERSATIONS]!;
      await adapter.send(texts[(first + i) % texts.length]!);
      adapter.activeQueue.splice(0);
    }
    await flush();
    const used = process.cpuUsage(before);
    return (used.user + used.system) / 1000 / TURNS_PER_BLOCK;
  };
  try {
    for (const name of SIDES) await block(name, 0); // warm-up, not counted
    for (let b = 0; b < BLOCKS; b++) {
      const first = (b + 1) * TURNS_PER_BLOCK;
      const order = [...SIDES.slice(b % 3), ...SIDES.slice(0, b % 3)];
      for (const name of order) cpuPerTurn[name].push(await block(name, first));
    }
  } finally {
    for (const name of SIDES) await sides[name].close();
    rmSync(dir, { recursive: true, force: true });
  }
  const added = (more: SideName, less: SideName): number => ms(median(cpuPerTurn[more].map((x, i) => x - (cpuPerTurn[less][i] ?? NaN))));
  return {
    ...await recordCost(),
    metric: 'analytics-turn', procedures: data.knowledge.procedures.length, turns: BLOCKS * TURNS_PER_BLOCK, conversations: CONVERSATIONS,
    turn_cpu_ms: ms(median(cpuPerTurn.none)),
    noting_ms: added('noted', 'none'),
    recording_ms: added('recorded', 'noted'),
    added_ms: added('recorded', 'none'),
  };
}

/**
 * The recording alone, in microseconds: Analytics.record (hash the conversation, buffer the
 * event), and record with its share of the batched write (a batch of 100 events, as a
 * server answering 100 messages a second writes once a second).
 */
async function recordCost(): Promise<{ record_us: number; record_write_us: number }> {
  const dir = mkdtempSync(path.join(tmpdir(), 'dvc-bench-record-'));
  const analytics = await Analytics.open(await FileAnalyticsStore.open(dir, silentLogger), await FileSecretStore.open(dir, silentLogger), { retentionDays: 365, logger: silentLogger, flushMs: 60_000 });
  const event = (i: number) => ({
    at: new Date().toISOString(), kind: 'message' as const, channel: 'directline', conversationId: `conversation-${i % 500}`, intent: 'procedure.fee',
    procedure: `procedure-${i % 40}`, confidence: 0.93, understood: true, latencyMs: 3.2, handoff: false, model: 'm-bench',
  });
  const batch = 100;
  try {
    const alone: number[] = [];
    const written: number[] = [];
    for (let round = 0; round < 20; round++) {
      const started = performance.now();
      for (let i = 0; i < batch; i++) analytics.record(event(i));
      alone.push((performance.now() - started) / batch);
      await analytics.flush();
      const before = process.cpuUsage();
      for (let i = 0; i < batch; i++) analytics.record(event(i));
      await analytics.flush();
      const used = process.cpuUsage(before);
      written.push((used.user + used.system) / batch);
    }
    const us = (x: number): number => Math.round(x * 100) / 100;
    return { record_us: us(median(alone) * 1000), record_write_us: us(median(written)) };
  } finally {
    await analytics.close();
    rmSync(dir, { recursive: true, force: true });
  }
}
