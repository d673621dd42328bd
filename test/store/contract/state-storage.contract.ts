import { StorageConflictError, type StateStorage } from '../../../src/store/state-storage.js';
import { withStore, type OpenStore } from './harness.js';

/** What every StateStorage does (botbuilder's Storage with eTags); run by each implementation's test file. */
export function describeStateStorage(name: string, open: OpenStore<StateStorage & { close(): Promise<void> }>): void {
  const run = (test: Parameters<typeof withStore<StateStorage & { close(): Promise<void> }>>[1]) => () => withStore(open, test);

  describe(`${name} (StateStorage contract)`, () => {
    it('reads back what it wrote, with an eTag; missing keys are absent', run(async ({ store }) => {
      await store.write({ a: { count: 1, nested: { list: [1, 2] }, text: 'đăng ký tạm trú' } });
      expect(await store.read(['a', 'missing'])).toEqual({ a: { count: 1, nested: { list: [1, 2] }, text: 'đăng ký tạm trú', eTag: expect.any(String) } });
    }));

    it('answers copies, so changing what was read or written changes nothing stored', run(async ({ store }) => {
      const item = { nested: { value: 'before' } };
      await store.write({ a: item });
      item.nested.value = 'written object changed';
      const first = await store.read(['a']);
      (first.a?.nested as { value: string }).value = 'read object changed';
      expect((await store.read(['a'])).a?.nested).toEqual({ value: 'before' });
    }));

    it('gives every write a new eTag', run(async ({ store }) => {
      await store.write({ a: { n: 1 } });
      const first = (await store.read(['a'])).a?.eTag;
      await store.write({ a: { n: 2, eTag: first } });
      const second = (await store.read(['a'])).a?.eTag;
      expect(second).toEqual(expect.any(String));
      expect(second).not.toBe(first);
    }));

    it.each([['"*"', '*'], ['no eTag', undefined]])('always writes an item with %s', (_kind, eTag) => withStore(open, async ({ store }) => {
      await store.write({ a: { n: 1 } });
      await store.write({ a: { n: 2, ...(eTag ? { eTag } : {}) } });
      expect((await store.read(['a'])).a?.n).toBe(2);
    }));

    it('refuses a write with a stale eTag and changes nothing, not even the other items', run(async ({ store }) => {
      await store.write({ a: { n: 1 }, c: { n: 1 } });
      const stale = (await store.read(['a'])).a?.eTag;
      await store.write({ a: { n: 2, eTag: stale } });
      const c = (await store.read(['c'])).c?.eTag;
      await expect(store.write({ c: { n: 3, eTag: c }, a: { n: 3, eTag: stale }, b: { n: 1 } })).rejects.toBeInstanceOf(StorageConflictError);
      expect(await store.read(['a', 'b', 'c'])).toEqual({ a: expect.objectContaining({ n: 2 }), c: expect.objectContaining({ n: 1 }) });
    }));

    it('lets exactly one of two writers holding the same eTag win', run(async ({ store }) => {
      await store.write({ a: { n: 0 } });
      const eTag = (await store.read(['a'])).a?.eTag;
      const results = await Promise.allSettled([store.write({ a: { n: 1, eTag } }), store.write({ a: { n: 2, eTag } })]);
      expect(results.map((r) => r.status).sort()).toEqual(['fulfilled', 'rejected']);
      const winner = results[0]?.status === 'fulfilled' ? 1 : 2;
      expect((await store.read(['a'])).a?.n).toBe(winner);
    }));

    it('counts correctly when many writers update one item with its eTag and retry on conflict', run(async ({ store }) => {
      await store.write({ counter: { n: 0 } });
      const increment = async (): Promise<void> => {
        for (;;) {
          const { counter } = await store.read(['counter']);
          try {
            await store.write({ counter: { n: Number(counter?.n) + 1, eTag: counter?.eTag } });
            return;
          } catch (err) {
            if (!(err instanceof StorageConflictError)) throw err;
          }
        }
      };
      await Promise.all(Array.from({ length: 25 }, increment));
      expect((await store.read(['counter'])).counter?.n).toBe(25);
    }));

    it('deletes a key', run(async ({ store }) => {
      await store.write({ a: { n: 1 }, b: { n: 2 } });
      await store.delete(['a']);
      expect(Object.keys(await store.read(['a', 'b']))).toEqual(['b']);
    }));

    it('keeps everything, eTags included, across a restart, and loses no write made at once', run(async (h) => {
      const keys = Array.from({ length: 60 }, (_, i) => `conversation/${i}/`);
      await Promise.all(keys.map((key, i) => h.store.write({ [key]: { i } })));
      await h.store.delete([keys[0]!]);
      const before = await h.store.read(keys);
      const store = await h.reopen();
      const after = await store.read(keys);
      expect(after).toEqual(before);
      expect(Object.keys(after)).toHaveLength(59);
      await expect(store.write({ [keys[1]!]: { i: -1, eTag: 'stale' } })).rejects.toBeInstanceOf(StorageConflictError);
    }));
  });
}
