import type { KnowledgeEditStore, NewKnowledgeVersion } from '../../../src/store/knowledge-edit-store.js';
import { withStore, type OpenStore, type StoreHarness } from './harness.js';

const at = (i: number): string => new Date(Date.UTC(2026, 10, 22, 10, 0, i)).toISOString();
const fee = (amount: number) => ({ id: 'cap-ho-chieu-pho-thong', name: 'Cấp hộ chiếu phổ thông', cases: [{ id: 'chung', fees: [{ label: 'Lệ phí', amount }] }] });
const edit = (i: number, more: Partial<NewKnowledgeVersion> = {}): NewKnowledgeVersion => ({
  at: at(i), actor: 'admin', fields: ['cases'], procedure: fee(200_000 + i), ...more,
});

/** What every KnowledgeEditStore does; run by each implementation's test file. */
export function describeKnowledgeEditStore(name: string, open: OpenStore<KnowledgeEditStore>): void {
  const run = (test: (h: StoreHarness<KnowledgeEditStore>) => Promise<void>) => () => withStore(open, test);

  describe(`${name} (KnowledgeEditStore contract)`, () => {
    it('starts empty: no procedure has a history', run(async ({ store }) => {
      expect(await store.latest()).toEqual([]);
      expect(await store.history('cap-ho-chieu-pho-thong')).toEqual([]);
    }));

    it('numbers the versions of a procedure 1, 2, 3 and answers its history newest first, whole, also after a restart', run(async (h) => {
      const first = await h.store.append('cap-ho-chieu-pho-thong', (newest) => { expect(newest).toBeNull(); return edit(1, { officer: 'Nguyễn Lan' }); });
      expect(first).toEqual({ version: 1, ...edit(1, { officer: 'Nguyễn Lan' }) });
      await h.store.append('cap-ho-chieu-pho-thong', (newest) => { expect(newest?.version).toBe(1); return edit(2, { fields: ['cases', 'reviewedAt'] }); });
      await h.store.append('cap-ho-chieu-pho-thong', () => edit(3, { revertOf: 0, procedure: null }));
      const history = await h.store.history('cap-ho-chieu-pho-thong');
      expect(history.map((v) => v.version)).toEqual([3, 2, 1]);
      expect(history[2]).toEqual(first);
      expect(history[0]).toEqual({ version: 3, ...edit(3, { revertOf: 0, procedure: null }) });
      const store = await h.reopen();
      expect(await store.history('cap-ho-chieu-pho-thong')).toEqual(history);
      expect(await store.latest()).toEqual([{ id: 'cap-ho-chieu-pho-thong', newest: history[0] }]);
    }));

    it('keeps each procedure apart, catalogue codes as ids included', run(async (h) => {
      await h.store.append('1.001193', () => edit(1));
      await h.store.append('dang-ky-khai-sinh', () => edit(2));
      await h.store.append('1.001193', () => edit(3));
      const latest = await (await h.reopen()).latest();
      expect(latest.map((l) => [l.id, l.newest.version]).sort()).toEqual([['1.001193', 2], ['dang-ky-khai-sinh', 1]]);
      expect((await h.store.history('1.001193')).map((v) => v.at)).toEqual([at(3), at(1)]);
    }));

    it('keeps nothing when the change answers null or throws, and answers its error', run(async (h) => {
      await h.store.append('p', () => edit(1));
      expect(await h.store.append('p', () => null)).toBeNull();
      await expect(h.store.append('p', () => { throw new Error('refused'); })).rejects.toThrow('refused');
      expect((await (await h.reopen()).history('p')).map((v) => v.version)).toEqual([1]);
    }));

    it('never changes an answer it gave', run(async ({ store }) => {
      const kept = await store.append('p', () => edit(1));
      const [listed] = await store.latest();
      await store.append('p', (newest) => { (newest!.fields as string[]).push('changed'); return edit(2); });
      expect(kept?.fields).toEqual(['cases']);
      expect(listed?.newest.version).toBe(1);
      expect((await store.history('p'))[1]?.fields).toEqual(['cases']);
    }));

    it('makes the versions of one procedure one at a time, each from the one before: none is lost', run(async ({ store }) => {
      const seen: Array<number | null> = [];
      await Promise.all(Array.from({ length: 20 }, (_, i) => store.append('p', (newest) => {
        seen.push(newest?.version ?? null);
        return edit(i);
      })));
      expect(seen).toEqual([null, ...Array.from({ length: 19 }, (_, i) => i + 1)]);
      expect((await store.history('p')).map((v) => v.version)).toEqual(Array.from({ length: 20 }, (_, i) => 20 - i));
    }));
  });
}
