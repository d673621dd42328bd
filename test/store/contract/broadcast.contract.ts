import type { Broadcast } from '../../../src/store/broadcast.js';
import { withStore, type OpenStore, type StoreHarness } from './harness.js';

export interface Event { n: number; text: string }
export const asEvent = (value: unknown): Event => {
  const e = value as Partial<Event> | null;
  if (typeof e?.n !== 'number' || typeof e.text !== 'string') throw new Error('not an event');
  return { n: e.n, text: e.text };
};

/** Resolves with the next `count` events heard. */
export function heardEvents(broadcast: Broadcast<Event>, count: number): Promise<Event[]> {
  return new Promise((resolve, reject) => {
    const got: Event[] = [];
    const timer = setTimeout(() => { stop(); reject(new Error(`heard ${got.length} of ${count} events`)); }, 5000);
    const stop = broadcast.subscribe((event) => {
      got.push(event);
      if (got.length === count) {
        clearTimeout(timer);
        stop();
        resolve(got);
      }
    });
  });
}

/** What every Broadcast does; run by each implementation's test file. */
export function describeBroadcast(name: string, open: OpenStore<Broadcast<Event>>): void {
  const run = (test: (h: StoreHarness<Broadcast<Event>>) => Promise<void>) => () => withStore(open, test);

  describe(`${name} (Broadcast contract)`, () => {
    it('tells every subscriber of each event, whole and in order, however large', run(async ({ store }) => {
      const events = [{ n: 1, text: 'Yêu cầu mới' }, { n: 2, text: 'dòng dài '.repeat(2000) }, { n: 3, text: 'đã đóng' }];
      const first = heardEvents(store, 3);
      const second = heardEvents(store, 3);
      for (const e of events) await store.publish(e);
      expect(await first).toEqual(events);
      expect(await second).toEqual(events);
    }));

    it('goes on telling the others when one listener throws, and tells no one who stopped', run(async ({ store }) => {
      const stopped: Event[] = [];
      store.subscribe(() => { throw new Error('a closed stream'); });
      store.subscribe((e) => stopped.push(e))();
      const heard = heardEvents(store, 1);
      await store.publish({ n: 7, text: 'x' });
      expect(await heard).toEqual([{ n: 7, text: 'x' }]);
      expect(stopped).toEqual([]);
    }));
  });
}
