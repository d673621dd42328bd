import type { ChangeFeed } from '../../../src/store/change-feed.js';
import { withStore, type OpenStore, type StoreHarness } from './harness.js';

/** Resolves with the next `count` details heard on `topic`. */
export function heard(feed: ChangeFeed, topic: Parameters<ChangeFeed['subscribe']>[0], count = 1): Promise<Array<string | undefined>> {
  return new Promise((resolve, reject) => {
    const got: Array<string | undefined> = [];
    const timer = setTimeout(() => { stop(); reject(new Error(`heard ${got.length} of ${count} changes`)); }, 5000);
    const stop = feed.subscribe(topic, (detail) => {
      got.push(detail);
      if (got.length === count) {
        clearTimeout(timer);
        stop();
        resolve(got);
      }
    });
  });
}

/** What every ChangeFeed does; run by each implementation's test file. */
export function describeChangeFeed(name: string, open: OpenStore<ChangeFeed>): void {
  const run = (test: (h: StoreHarness<ChangeFeed>) => Promise<void>) => () => withStore(open, test);

  describe(`${name} (ChangeFeed contract)`, () => {
    it('tells a subscriber of each change on its topic, with its detail, in order', run(async ({ store }) => {
      const models = heard(store, 'models', 2);
      const training = heard(store, 'training');
      await store.publish('models', 'm-1');
      await store.publish('training');
      await store.publish('models', 'm-2');
      expect(await models).toEqual(['m-1', 'm-2']);
      expect(await training).toEqual([undefined]);
    }));

    it('tells no one once they stopped listening', run(async ({ store }) => {
      const got: Array<string | undefined> = [];
      const stop = store.subscribe('knowledge', (d) => got.push(d));
      stop();
      const after = heard(store, 'knowledge');
      await store.publish('knowledge', 'cap-the-can-cuoc');
      await after;
      expect(got).toEqual([]);
    }));
  });
}
