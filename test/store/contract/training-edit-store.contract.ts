import type { TrainingEditStore } from '../../../src/store/training-edit-store.js';
import { withStore, type OpenStore, type StoreHarness } from './harness.js';

const at = '2026-11-22T10:00:00.000Z';

/** What every TrainingEditStore does; run by each implementation's test file. */
export function describeTrainingEditStore(name: string, open: OpenStore<TrainingEditStore>): void {
  const run = (test: (h: StoreHarness<TrainingEditStore>) => Promise<void>) => () => withStore(open, test);

  describe(`${name} (TrainingEditStore contract)`, () => {
    it('starts empty, and keeps every kind of edit whole across a restart', run(async (h) => {
      expect(await h.store.read()).toEqual({ version: 1, utterances: [], removed: [], aliases: [], faqs: [] });
      await h.store.update((d) => {
        d.utterances.push({ id: 's-1', text: 'giờ làm việc của xã', intent: 'faq.gio-lam-viec', procedure: null, at, from: 'q1' });
        d.removed.push({ id: 'f-1', text: 'chào', intent: 'greeting', at });
        d.aliases.push({ id: 'a-1', procedure: 'dang-ky-khai-sinh', text: 'làm giấy khai sinh', at });
        d.faqs.push({ intent: 'faq.gio-lam-viec', title: 'Giờ làm việc', answer: 'Từ 7 giờ 30.', at, updatedAt: at });
      });
      const before = await h.store.read();
      const store = await h.reopen();
      expect(await store.read()).toEqual(before);
      expect(before.faqs[0]?.answer).toBe('Từ 7 giờ 30.');
    }));

    it('answers what the change returned, and keeps nothing of a change that throws', run(async (h) => {
      expect(await h.store.update((d) => { d.aliases.push({ id: 'a-1', procedure: 'p', text: 't', at }); return 'kept'; })).toBe('kept');
      await expect(h.store.update((d) => { d.aliases.push({ id: 'a-2', procedure: 'p', text: 'u', at }); throw new Error('refused'); })).rejects.toThrow('refused');
      expect((await h.store.read()).aliases.map((a) => a.id)).toEqual(['a-1']);
      expect((await (await h.reopen()).read()).aliases.map((a) => a.id)).toEqual(['a-1']);
    }));

    it('never changes an answer it gave', run(async ({ store }) => {
      const before = await store.read();
      await store.update((d) => { d.aliases.push({ id: 'a-1', procedure: 'p', text: 't', at }); });
      expect(before.aliases).toEqual([]);
    }));

    it('runs changes one at a time, each on what the one before left', run(async ({ store }) => {
      await Promise.all(Array.from({ length: 20 }, (_, i) => store.update((d) => {
        d.utterances.push({ id: `s-${i}`, text: `câu ${d.utterances.length}`, intent: 'greeting', procedure: null, at });
      })));
      const { utterances } = await store.read();
      expect(utterances.map((u) => u.text)).toEqual(Array.from({ length: 20 }, (_, i) => `câu ${i}`));
    }));
  });
}
