import type { RateCounters } from '../../../src/store/rate-counters.js';
import { withStore, type OpenStore, type StoreHarness } from './harness.js';

/** What every RateCounters does; run by each implementation's test file. */
export function describeRateCounters(name: string, open: OpenStore<RateCounters>): void {
  const run = (test: (h: StoreHarness<RateCounters>) => Promise<void>) => () => withStore(open, test);

  describe(`${name} (RateCounters contract)`, () => {
    it('answers the distinct items of a key after a time, oldest first', run(async ({ store }) => {
      await store.record('c:1', 'a', 1000, 0);
      await store.record('c:1', 'b', 2000, 0);
      await store.record('c:1', 'a', 3000, 0);
      await store.record('c:2', 'z', 2500, 0);
      expect(await store.recent('c:1', 0)).toEqual([{ item: 'b', at: 2000 }, { item: 'a', at: 3000 }]);
      expect(await store.recent('c:1', 2000)).toEqual([{ item: 'a', at: 3000 }]);
      expect(await store.recent('c:3', 0)).toEqual([]);
    }));

    it('loses no hit when many come at once', run(async ({ store }) => {
      await Promise.all(Array.from({ length: 30 }, (_, i) => store.record('a:10.0.0.1', `code${i}`, 1000 + i, 0)));
      expect((await store.recent('a:10.0.0.1', 0)).map((h) => h.item)).toEqual(Array.from({ length: 30 }, (_, i) => `code${i}`));
    }));
  });
}
