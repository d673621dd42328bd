import type { ConversationTurns } from '../../../src/store/state-storage.js';
import { withStore, type OpenStore, type StoreHarness } from './harness.js';

const tick = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

/** What every ConversationTurns does; run by each implementation's test file. */
export function describeConversationTurns(name: string, open: OpenStore<ConversationTurns>): void {
  const run = (test: (h: StoreHarness<ConversationTurns>) => Promise<void>) => () => withStore(open, test);

  describe(`${name} (ConversationTurns contract)`, () => {
    it('runs the turns of one conversation one at a time, in the order they came', run(async ({ store }) => {
      const events: string[] = [];
      const turn = (name: string, ms: number) => async () => {
        events.push(`start ${name}`);
        await tick(ms);
        events.push(`end ${name}`);
        return name;
      };
      const results = await Promise.all([store.run('c1', turn('a', 30)), store.run('c1', turn('b', 1)), store.run('c1', turn('c', 1))]);
      expect(results).toEqual(['a', 'b', 'c']);
      expect(events).toEqual(['start a', 'end a', 'start b', 'end b', 'start c', 'end c']);
    }));

    it('runs turns of different conversations side by side', run(async ({ store }) => {
      const events: string[] = [];
      await Promise.all([
        store.run('c1', async () => { events.push('start 1'); await tick(60); events.push('end 1'); }),
        store.run('c2', async () => { events.push('start 2'); events.push('end 2'); }),
      ]);
      expect(events.indexOf('end 2')).toBeLessThan(events.indexOf('end 1'));
    }));

    it('goes on after a failed turn, and idle() waits for the turns under way', run(async ({ store }) => {
      const failed = store.run('c1', async () => { throw new Error('boom'); });
      let done = false;
      const next = store.run('c1', async () => { await tick(20); done = true; return 42; });
      await expect(failed).rejects.toThrow('boom');
      await store.idle();
      expect(done).toBe(true);
      await expect(next).resolves.toBe(42);
    }));
  });
}
