import type { AnalyticsEvent, AnalyticsStore } from '../../../src/store/analytics-store.js';
import { withStore, type OpenStore, type StoreHarness } from './harness.js';

/** A message event; `at` is UTC, so 17:00Z and later is the next day in Vietnam. */
export const message = (at: string, more: Partial<AnalyticsEvent> = {}): AnalyticsEvent => ({
  at, kind: 'message', channel: 'directline', conversation: 'h1', intent: 'procedure.fee', procedure: 'cap-the-can-cuoc',
  confidence: 0.9, understood: true, latencyMs: 12, handoff: false, model: 'm1', ...more,
});

const vote = (at: string, feedback: AnalyticsEvent['feedback'], more: Partial<AnalyticsEvent> = {}): AnalyticsEvent =>
  message(at, { kind: 'feedback', confidence: null, latencyMs: 0, feedback, ...more });

/** What every AnalyticsStore does; run by each implementation's test file. */
export function describeAnalyticsStore(name: string, open: OpenStore<AnalyticsStore>): void {
  const run = (test: (h: StoreHarness<AnalyticsStore>) => Promise<void>) => () => withStore(open, test);

  describe(`${name} (AnalyticsStore contract)`, () => {
    it('folds each event into the figures of its Vietnam day, also after a restart', run(async (h) => {
      await h.store.append([
        message('2026-11-22T02:00:00.000Z', { opens: true }),
        message('2026-11-22T02:00:05.000Z', { intent: 'none', procedure: null, understood: false, guess: 'dang-ky-khai-sinh', latencyMs: 40 }),
        // 18:00 UTC is 01:00 the next morning in Vietnam.
        message('2026-11-22T18:00:00.000Z', { opens: true, conversation: 'h2', intent: 'handoff', procedure: null, handoff: true, channel: 'msteams' }),
      ]);
      const check = async (store: AnalyticsStore) => {
        const days = await store.days('2026-11-01', '2026-11-30');
        expect(days.map((d) => d.date)).toEqual(['2026-11-22', '2026-11-23']);
        expect(days[0]).toMatchObject({
          conversations: 1, messages: 2, understood: 1, handoffs: 0,
          byIntent: { 'procedure.fee': 1, none: 1 }, byProcedure: { 'cap-the-can-cuoc': 1 }, misunderstood: { 'dang-ky-khai-sinh': 1 },
          byChannel: { directline: 2 }, byModel: { m1: { messages: 2, understood: 1, up: 0, down: 0 } },
        });
        expect(Object.values(days[0]!.latency).reduce((a, b) => a + b, 0)).toBe(2);
        expect(days[1]).toMatchObject({ conversations: 1, messages: 1, handoffs: 1, byIntent: { handoff: 1 }, byChannel: { msteams: 1 } });
      };
      await check(h.store);
      await check(await h.reopen());
    }));

    it('answers only the days of the range, oldest first, and nothing for a range without events', run(async ({ store }) => {
      await store.append([message('2026-11-25T03:00:00.000Z'), message('2026-11-20T03:00:00.000Z'), message('2026-11-22T03:00:00.000Z')]);
      expect((await store.days('2026-11-21', '2026-11-25')).map((d) => d.date)).toEqual(['2026-11-22', '2026-11-25']);
      expect((await store.days('2026-11-22', '2026-11-22')).map((d) => d.date)).toEqual(['2026-11-22']);
      expect(await store.days('2026-10-01', '2026-10-31')).toEqual([]);
    }));

    it('counts a changed vote once, moved from up to down, and a changed rating once', run(async ({ store }) => {
      const at = '2026-11-22T03:00:00.000Z';
      await store.append([
        vote(at, { vote: 'up' }),
        vote(at, { vote: 'down', previous: 'up' }),
        vote(at, { vote: 'down', previous: 'down', reason: 'wrong-info' }),
        vote(at, { vote: 'up' }, { procedure: 'dang-ky-khai-sinh' }),
        message(at, { kind: 'rating', rating: { value: 2 } }),
        message(at, { kind: 'rating', rating: { value: 5, previous: 2 } }),
        message(at, { kind: 'rating', conversation: 'h2', rating: { value: 4 } }),
      ]);
      const [day] = await store.days('2026-11-22', '2026-11-22');
      expect(day).toMatchObject({
        messages: 0, feedback: { up: 1, down: 1 }, reasons: { 'wrong-info': 1 },
        ratings: { count: 2, sum: 9, byValue: { 4: 1, 5: 1 } },
        feedbackByProcedure: { 'cap-the-can-cuoc': { up: 0, down: 1 }, 'dang-ky-khai-sinh': { up: 1, down: 0 } },
      });
      expect(day!.byModel.m1).toMatchObject({ up: 1, down: 1 });
    }));

    it('keeps every event of many batches appended at once', run(async ({ store }) => {
      await Promise.all(Array.from({ length: 40 }, (_, i) => store.append([
        message(new Date(Date.UTC(2026, 10, 22, 3, 0, i)).toISOString(), { opens: true, conversation: `h${i}` }),
        message(new Date(Date.UTC(2026, 10, 22, 3, 1, i)).toISOString(), { conversation: `h${i}` }),
      ])));
      const [day] = await store.days('2026-11-22', '2026-11-22');
      expect(day).toMatchObject({ conversations: 40, messages: 80 });
    }));

    it('forgets the days before the retention date, also after a restart, and keeps counting the others', run(async (h) => {
      await h.store.append([message('2026-11-20T03:00:00.000Z'), message('2026-11-21T03:00:00.000Z'), message('2026-11-22T03:00:00.000Z')]);
      await h.store.prune('2026-11-21');
      expect((await h.store.days('2026-01-01', '2026-12-31')).map((d) => d.date)).toEqual(['2026-11-21', '2026-11-22']);
      const store = await h.reopen();
      await store.append([message('2026-11-22T04:00:00.000Z')]);
      const days = await store.days('2026-01-01', '2026-12-31');
      expect(days.map((d) => [d.date, d.messages])).toEqual([['2026-11-21', 1], ['2026-11-22', 2]]);
    }));

    it('answers copies: changing what it answered changes nothing kept', run(async ({ store }) => {
      await store.append([message('2026-11-22T03:00:00.000Z')]);
      const [day] = await store.days('2026-11-22', '2026-11-22');
      day!.messages = 99;
      day!.byIntent['procedure.fee'] = 99;
      expect((await store.days('2026-11-22', '2026-11-22'))[0]).toMatchObject({ messages: 1, byIntent: { 'procedure.fee': 1 } });
    }));
  });
}
