import { PgAnalyticsStore } from '../../src/store/pg/pg-analytics-store.js';
import { describePg } from '../helpers/pg.js';
import { describeAnalyticsStore, message } from './contract/analytics-store.contract.js';
import { pgHarness, withPair } from './contract/pg-harness.js';

describePg('PostgreSQL', () => {
  describeAnalyticsStore('PgAnalyticsStore', pgHarness(async (db) => new PgAnalyticsStore(db)));

  it('counts every event of two processes appending to the same days at once', async () => {
    await withPair(async (db) => new PgAnalyticsStore(db), async ({ a, b }) => {
      // Each batch spans two Vietnam days (17:00 UTC starts the next), in either order.
      const batch = (i: number) => [
        message(new Date(Date.UTC(2026, 10, 22, 16, 59, i)).toISOString(), { opens: true, conversation: `h${i}` }),
        message(new Date(Date.UTC(2026, 10, 22, 17, 0, i)).toISOString(), { conversation: `h${i}`, understood: false, intent: 'none' }),
      ];
      await Promise.all(Array.from({ length: 30 }, (_, i) => (i % 2 ? a : b).append(i % 3 ? batch(i) : batch(i).reverse())));
      const days = await a.days('2026-11-22', '2026-11-23');
      expect(days.map((d) => [d.date, d.conversations, d.messages, d.understood])).toEqual([['2026-11-22', 30, 30, 30], ['2026-11-23', 0, 30, 0]]);
      expect(await b.days('2026-11-22', '2026-11-23')).toEqual(days);
    });
  });
});
