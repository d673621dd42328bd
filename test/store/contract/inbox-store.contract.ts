import type { InboxItem, InboxStore } from '../../../src/store/inbox-store.js';
import { withStore, type OpenStore, type StoreHarness } from './harness.js';

export const inboxItem = (i: number, more: Partial<InboxItem> = {}): InboxItem => ({
  id: `q${i}`,
  text: `câu hỏi lạ số ${i}`,
  at: new Date(Date.UTC(2026, 10, 22, 10, 0, i)).toISOString(),
  conversationId: i % 2 ? `c${i}` : null,
  intent: 'none',
  confidence: 0.2,
  guesses: { intents: [{ intent: 'none', confidence: 0.2 }], procedures: [{ id: 'dang-ky-khai-sinh', score: 0.4 }] },
  status: 'open',
  ...more,
});

/** What every InboxStore does; `capacity` is the capacity the store was opened with. Run by each implementation's test file. */
export function describeInboxStore(name: string, open: OpenStore<InboxStore>, capacity: number): void {
  const run = (test: (h: StoreHarness<InboxStore>) => Promise<void>) => () => withStore(open, test);

  describe(`${name} (InboxStore contract)`, () => {
    it('keeps questions whole, oldest first, also after a restart', run(async (h) => {
      await h.store.add([inboxItem(1), inboxItem(2)]);
      await h.store.add([inboxItem(3)]);
      expect(await h.store.list('all')).toEqual([inboxItem(1), inboxItem(2), inboxItem(3)]);
      const store = await h.reopen();
      expect(await store.list('open')).toEqual([inboxItem(1), inboxItem(2), inboxItem(3)]);
      expect(await store.get('q2')).toEqual(inboxItem(2));
      expect(await store.get('q9')).toBeUndefined();
    }));

    it('keeps a thumbs down whole: the answer, its procedure and the reason', run(async (h) => {
      const voted = inboxItem(4, { intent: 'procedure.fee', confidence: 1, feedback: { answer: 'Lệ phí: **miễn phí**', procedure: 'cap-the-can-cuoc', reason: 'wrong-info' } });
      await h.store.add([voted, inboxItem(5, { feedback: { answer: 'Nộp tại UBND xã.', procedure: 'dang-ky-khai-sinh' } })]);
      const store = await h.reopen();
      expect(await store.get('q4')).toEqual(voted);
      expect((await store.list('open')).map((i) => i.feedback?.procedure)).toEqual(['cap-the-can-cuoc', 'dang-ky-khai-sinh']);
    }));

    it('marks questions handled, with their resolution, for good, and filters by status', run(async (h) => {
      await h.store.add([inboxItem(1), inboxItem(2), inboxItem(3)]);
      await h.store.resolve(['q1', 'q3', 'unknown'], { status: 'labelled', resolvedAt: '2026-11-23T08:00:00.000Z', resolution: { intent: 'procedure.fee', procedure: null } });
      await h.store.resolve(['q2'], { status: 'dismissed', resolvedAt: '2026-11-23T08:01:00.000Z' });
      const store = await h.reopen();
      expect(await store.list('open')).toEqual([]);
      expect((await store.list('labelled')).map((i) => i.id)).toEqual(['q1', 'q3']);
      expect(await store.get('q1')).toEqual({ ...inboxItem(1), status: 'labelled', resolvedAt: '2026-11-23T08:00:00.000Z', resolution: { intent: 'procedure.fee', procedure: null } });
      expect(await store.get('q2')).toMatchObject({ status: 'dismissed', resolvedAt: '2026-11-23T08:01:00.000Z' });
      expect((await store.list('all')).map((i) => i.id)).toEqual(['q1', 'q2', 'q3']);
    }));

    it('never changes a list it answered', run(async ({ store }) => {
      await store.add([inboxItem(1)]);
      const before = await store.list('all');
      await store.resolve(['q1'], { status: 'dismissed', resolvedAt: '2026-11-23T08:00:00.000Z' });
      await store.add([inboxItem(2)]);
      expect(before).toEqual([inboxItem(1)]);
    }));

    it(`keeps at most ${capacity} questions, dropping the oldest handled ones first, then the oldest open`, run(async (h) => {
      await h.store.add(Array.from({ length: capacity }, (_, i) => inboxItem(i)));
      await h.store.resolve(['q3', 'q5'], { status: 'dismissed', resolvedAt: '2026-11-23T08:00:00.000Z' });
      await h.store.add([inboxItem(capacity), inboxItem(capacity + 1), inboxItem(capacity + 2)]);
      const ids = (await h.store.list('all')).map((i) => i.id);
      expect(ids).toHaveLength(capacity);
      expect(ids).not.toContain('q3');
      expect(ids).not.toContain('q5');
      expect(ids).not.toContain('q0');
      expect(ids.slice(0, 2)).toEqual(['q1', 'q2']);
      expect(ids.at(-1)).toBe(`q${capacity + 2}`);
      const store = await h.reopen();
      expect((await store.list('all')).map((i) => i.id)).toEqual(ids);
    }));

    it('loses no question when many are added at once', run(async (h) => {
      await Promise.all(Array.from({ length: 40 }, (_, i) => h.store.add([inboxItem(i)])));
      const store = await h.reopen();
      expect(new Set((await store.list('all')).map((i) => i.id)).size).toBe(Math.min(40, capacity));
    }));
  });
}
