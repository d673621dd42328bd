import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { Inbox } from '../../src/inbox/inbox.js';
import { silentLogger } from '../../src/log/logger.js';
import type { ParseResult } from '../../src/nlu/recognizer.js';
import { FileInboxStore } from '../../src/store/file/file-inbox-store.js';
import { INBOX_CAPACITY, type InboxItem } from '../../src/store/inbox-store.js';
import type { Figure } from './report.js';
import { ms, quantile } from './stats.js';

// A full inbox (INBOX_CAPACITY questions kept), then one more misunderstood question recorded
// at a time, as the bot records them: how long until it is kept, and the longest the event
// loop is held up meanwhile. Enough questions are recorded for the log to be compacted at
// least once, and that is counted in. For comparison: what rewriting the whole inbox file
// once cost (a copy and a JSON serialisation of every question), as the inbox did before.

const RECORDS = 7000;

export async function measureInbox(): Promise<Figure> {
  const dir = mkdtempSync(path.join(tmpdir(), 'dvc-bench-inbox-'));
  try {
    const store = await FileInboxStore.open(dir, silentLogger);
    const full = Array.from({ length: INBOX_CAPACITY }, (_, i) => item(i));
    for (let i = 0; i < full.length; i += 500) await store.add(full.slice(i, i + 500));
    const inbox = new Inbox(store, silentLogger);

    const wholeFile: number[] = [];
    for (let i = 0; i < 20; i++) {
      const started = performance.now();
      JSON.stringify({ version: 1, items: structuredClone(full) });
      wholeFile.push(performance.now() - started);
    }

    const ticker = loopTicker();
    const recordMs: number[] = [];
    for (let i = 0; i < RECORDS; i++) {
      const started = performance.now();
      inbox.record(misunderstood(`câu hỏi lạ số ${i} về thủ tục gì đó`), `c${i % 300}`);
      await inbox.flush();
      recordMs.push(performance.now() - started);
    }
    const { wall, cpu } = ticker.stop();
    await store.close();
    const max = (xs: number[]): number => xs.reduce((a, b) => Math.max(a, b), 0);
    return {
      metric: 'inbox-record', procedures: null, items: INBOX_CAPACITY, records: RECORDS,
      record_p50_ms: ms(quantile(recordMs, 0.5)), record_p99_ms: ms(quantile(recordMs, 0.99)),
      turn_cpu_p99_ms: ms(quantile(cpu, 0.99)), turn_cpu_max_ms: ms(max(cpu)),
      turn_wall_p99_ms: ms(quantile(wall, 0.99)), turn_wall_max_ms: ms(max(wall)),
      whole_file_rewrite_ms: ms(quantile(wholeFile, 0.5)),
    };
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

/**
 * Times every turn of the event loop (from one setImmediate callback to the next) until
 * stopped: in wall time, and in the CPU time the process used meanwhile — the work that held
 * the loop, without the time the machine gave to other processes (2 CPUs shared here).
 */
function loopTicker(): { stop(): { wall: number[]; cpu: number[] } } {
  const wall: number[] = [];
  const cpu: number[] = [];
  let last = performance.now();
  let lastCpu = process.cpuUsage();
  let running = true;
  const tick = (): void => {
    const now = performance.now();
    const used = process.cpuUsage(lastCpu);
    wall.push(now - last);
    cpu.push((used.user + used.system) / 1000);
    last = now;
    lastCpu = process.cpuUsage();
    if (running) setImmediate(tick);
  };
  setImmediate(tick);
  return { stop: () => { running = false; return { wall, cpu }; } };
}

function misunderstood(text: string): ParseResult {
  return {
    text, intent: 'none', confidence: 0.2, procedure: null, entities: {}, ambiguous: null, tokens: [],
    intents: [{ intent: 'none', confidence: 0.2 }, { intent: 'procedure.info', confidence: 0.15 }],
    procedures: [{ id: 'dang-ky-khai-sinh', score: 0.4, coverage: 0.2 }],
  };
}

function item(i: number): InboxItem {
  return {
    id: `bench-${i}`, text: `câu hỏi lạ số ${i} của người dân về một thủ tục hành chính`, at: new Date(Date.UTC(2026, 10, 1, 0, 0, i)).toISOString(),
    conversationId: `c${i % 300}`, intent: 'none', confidence: 0.2, status: 'open',
    guesses: { intents: [{ intent: 'none', confidence: 0.2 }], procedures: [{ id: 'dang-ky-khai-sinh', score: 0.4 }] },
  };
}
