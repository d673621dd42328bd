import { existsSync, mkdtempSync, readdirSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { Analytics, type TurnEvent } from '../../src/analytics/analytics.js';
import { readFeedbackValue, readRatingValue } from '../../src/analytics/feedback-values.js';
import { buildReport } from '../../src/analytics/report.js';
import { silentLogger } from '../../src/log/logger.js';
import { addEvent, emptyDay, latencyQuantile, vietnamDate } from '../../src/store/analytics-day.js';
import type { AnalyticsEvent, AnalyticsStore } from '../../src/store/analytics-store.js';
import { FileAnalyticsStore } from '../../src/store/file/file-analytics-store.js';
import { FileSecretStore } from '../../src/store/file/file-secret-store.js';
import { captureLogger } from '../store/capture-logger.js';

const turn = (at: string, more: Partial<TurnEvent> = {}): TurnEvent => ({
  at, kind: 'message', channel: 'directline', conversationId: 'conv-1', intent: 'procedure.fee', procedure: 'cap-the-can-cuoc',
  confidence: 0.9, understood: true, latencyMs: 10, handoff: false, model: 'm1', ...more,
});

describe('Analytics', () => {
  let dir: string;
  beforeEach(() => { dir = mkdtempSync(path.join(tmpdir(), 'dvc-analytics-svc-')); });
  afterEach(() => rmSync(dir, { recursive: true, force: true }));

  const open = async (now: Date, retentionDays = 365, store?: AnalyticsStore) => Analytics.open(
    store ?? await FileAnalyticsStore.open(dir, silentLogger), await FileSecretStore.open(dir, silentLogger), { retentionDays, logger: silentLogger, now: () => now });

  it('forgets the days past ANALYTICS_DAYS when it opens, keeping the last ones whole', async () => {
    let analytics = await open(new Date('2026-11-10T03:00:00Z'));
    for (const day of ['2026-11-01', '2026-11-05', '2026-11-08', '2026-11-10']) analytics.record(turn(`${day}T03:00:00.000Z`));
    await analytics.close();
    // Three days kept on 2026-11-10: the 8th, 9th and 10th.
    analytics = await open(new Date('2026-11-10T03:00:00Z'), 3);
    const report = await analytics.report('2026-10-01', '2026-11-10');
    expect(report.messages).toBe(2);
    expect(report.byDay.filter((d) => d.messages).map((d) => d.date)).toEqual(['2026-11-08', '2026-11-10']);
    expect(readdirSync(path.join(dir, 'analytics')).filter((f) => f.includes('2026-11-0') && !f.includes('-08'))).toEqual([]);
    await analytics.close();
  });

  it('hashes the conversation with a key of its own: the same id gives the same hash, across restarts, and another id another', async () => {
    const first = await open(new Date());
    const hash = first.conversationHash('conv-1');
    expect(hash).not.toContain('conv');
    expect(first.conversationHash('conv-2')).not.toBe(hash);
    await first.close();
    expect(existsSync(path.join(dir, 'analytics-key'))).toBe(true);
    const again = await open(new Date());
    expect(again.conversationHash('conv-1')).toBe(hash);
    await again.close();
  });

  it('holds at most maxPending events while the store is stuck, drops the rest and says so in the log', async () => {
    let release: () => void = () => undefined;
    const appended: AnalyticsEvent[][] = [];
    const stuck: AnalyticsStore = {
      append: (events) => { appended.push([...events]); return new Promise<void>((resolve) => { release = resolve; }); },
      days: async () => [],
      prune: async () => undefined,
      close: async () => undefined,
    };
    const { logger, lines } = captureLogger();
    const analytics = await Analytics.open(stuck, await FileSecretStore.open(dir, silentLogger), { retentionDays: 30, logger, maxPending: 5, flushMs: 60_000 });
    for (let i = 0; i < 8; i++) analytics.record(turn(new Date().toISOString()));
    const flushed = analytics.flush();
    while (!appended.length) await new Promise((r) => setImmediate(r));
    release();
    await flushed;
    expect(appended.map((b) => b.length)).toEqual([5]);
    expect(lines.some((l) => String(l.msg).includes('events dropped') && l.dropped === 3)).toBe(true);
    await analytics.close();
  });

  it('gives the turn its event back at once and writes events in batches', async () => {
    const batches: number[] = [];
    const store = await FileAnalyticsStore.open(dir, silentLogger);
    const counting: AnalyticsStore = { ...store, append: (events) => { batches.push(events.length); return store.append(events); }, days: (f, t) => store.days(f, t), prune: (b) => store.prune(b), close: () => store.close() };
    const analytics = await open(new Date(), 365, counting);
    for (let i = 0; i < 120; i++) analytics.record(turn(new Date().toISOString(), { conversationId: `c${i % 7}` }));
    expect(batches).toEqual([]);
    const today = analytics.today();
    expect((await analytics.report(today, today)).messages).toBe(120);
    expect(batches).toEqual([120]);
    await analytics.close();
  });
});

describe('the range report', () => {
  it('sums days, lists every day of the range, and leaves rates null without data', () => {
    const a = emptyDay('2026-11-22');
    const b = emptyDay('2026-11-24');
    const at = '2026-11-22T03:00:00.000Z';
    addEvent(a, { ...turn(at), conversation: 'h', opens: true });
    addEvent(a, { ...turn(at, { intent: 'none', understood: false, procedure: null, guess: 'dang-ky-khai-sinh' }), conversation: 'h' });
    addEvent(b, { ...turn(at, { kind: 'feedback', feedback: { vote: 'up' } }), conversation: 'h' });
    addEvent(b, { ...turn(at, { kind: 'feedback', feedback: { vote: 'down' } }), conversation: 'h' });
    addEvent(b, { ...turn(at, { kind: 'rating', rating: { value: 5 } }), conversation: 'h' });
    const report = buildReport('2026-11-21', '2026-11-25', [a, b]);
    expect(report).toMatchObject({
      conversations: 1, messages: 2, understood: 1, understoodRate: 0.5, feedback: { up: 1, down: 1 }, satisfaction: 0.5,
      rating: { count: 1, average: 5, byValue: { 1: 0, 2: 0, 3: 0, 4: 0, 5: 1 } },
      misunderstood: [{ procedure: 'dang-ky-khai-sinh', count: 1 }],
    });
    expect(report.byDay.map((d) => [d.date, d.messages, d.satisfaction])).toEqual([
      ['2026-11-21', 0, null], ['2026-11-22', 2, null], ['2026-11-23', 0, null], ['2026-11-24', 0, 0.5], ['2026-11-25', 0, null],
    ]);
    const empty = buildReport('2026-11-21', '2026-11-21', []);
    expect(empty).toMatchObject({ messages: 0, understoodRate: null, satisfaction: null, rating: { average: null }, latency: { p50: null, p95: null } });
  });

  it('lists procedures and intents most asked first', () => {
    const day = emptyDay('2026-11-22');
    const at = '2026-11-22T03:00:00.000Z';
    for (const procedure of ['b', 'a', 'c', 'a', 'c', 'c']) addEvent(day, { ...turn(at, { procedure }), conversation: 'h' });
    expect(Object.entries(buildReport('2026-11-22', '2026-11-22', [day]).byProcedure)).toEqual([['c', 3], ['a', 2], ['b', 1]]);
  });

  it.each([
    [[5, 5, 5, 5, 1000], 0.5, 5],
    [[5, 5, 5, 5, 1000], 0.95, 1000],
    [Array.from({ length: 100 }, (_, i) => i + 1), 0.5, 50],
    [Array.from({ length: 100 }, (_, i) => i + 1), 0.95, 95],
  ])('reads a latency percentile within 10 %% of the true one (%#)', (latencies, q, truth) => {
    const day = emptyDay('2026-11-22');
    for (const latencyMs of latencies) addEvent(day, { ...turn('2026-11-22T03:00:00.000Z', { latencyMs }), conversation: 'h' });
    const p = latencyQuantile(day.latency, q)!;
    expect(Math.abs(p - truth) / truth).toBeLessThanOrEqual(0.1);
  });

  it.each([
    ['2026-11-22T16:59:59.000Z', '2026-11-22'],
    ['2026-11-22T17:00:00.000Z', '2026-11-23'],
    ['2026-12-31T20:00:00.000Z', '2027-01-01'],
  ])('puts %s on the Vietnam day %s', (at, day) => {
    expect(vietnamDate(at)).toBe(day);
  });
});

describe('feedback values', () => {
  it.each([
    [{ feedback: 'up', replyTo: 'a1' }, { feedback: 'up', replyTo: 'a1' }],
    [{ feedback: 'down', replyTo: 'a1', reason: 'wrong-info' }, { feedback: 'down', replyTo: 'a1', reason: 'wrong-info' }],
    // Free text is never kept: it counts as "other".
    [{ feedback: 'down', replyTo: 'a1', reason: 'tên tôi là Lan, sđt 0912345678' }, { feedback: 'down', replyTo: 'a1', reason: 'other' }],
    [{ feedback: 'up', replyTo: 'a1', reason: 'wrong-info' }, { feedback: 'up', replyTo: 'a1' }],
    [{ feedback: 'meh', replyTo: 'a1' }, null],
    [{ feedback: 'up' }, null],
    [{ feedback: 'up', replyTo: 'x'.repeat(500) }, null],
    ['up', null],
  ])('reads %j as %j', (value, expected) => {
    expect(readFeedbackValue(value)).toEqual(expected);
  });

  it.each([
    [{ rating: 4 }, { rating: 4 }],
    [{ rating: 0 }, null],
    [{ rating: 6 }, null],
    [{ rating: 3.5 }, null],
    [{ rating: '5' }, null],
  ])('reads the rating %j as %j', (value, expected) => {
    expect(readRatingValue(value)).toEqual(expected);
  });
});
