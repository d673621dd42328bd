import { PgBroadcast } from '../../src/store/pg/pg-broadcast.js';
import { describePg } from '../helpers/pg.js';
import { asEvent, describeBroadcast, heardEvents } from './contract/broadcast.contract.js';
import { pgHarness, withPair } from './contract/pg-harness.js';

const tick = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

describePg('PostgreSQL', () => {
  describeBroadcast('PgBroadcast', pgHarness(async (db) => {
    const broadcast = new PgBroadcast(db, 'test', asEvent);
    await tick(50); // its LISTEN is sent in the background
    return broadcast;
  }));

  it('tells the subscribers of another process, large events too', async () => {
    await withPair(async (db) => new PgBroadcast(db, 'tickets', asEvent), async (pair) => {
      await tick(50);
      const inB = heardEvents(pair.b, 2);
      await pair.a.publish({ n: 1, text: 'nhận' });
      await pair.a.publish({ n: 2, text: 'x'.repeat(10_000) });
      expect((await inB).map((e) => [e.n, e.text.length])).toEqual([[1, 4], [2, 10_000]]);
    });
  });
});
