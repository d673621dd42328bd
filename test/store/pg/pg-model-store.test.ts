import { PgModelStore } from '../../../src/store/pg/pg-model-store.js';
import { describePg } from '../../helpers/pg.js';
import { withPair } from '../contract/pg-harness.js';

const tick = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

describePg('PgModelStore across processes', () => {
  it('never runs the exclusive work of two processes at the same time', async () => {
    await withPair(async (db) => new PgModelStore(db), async (pair) => {
      const events: string[] = [];
      const work = (name: string) => async () => {
        events.push(`start ${name}`);
        await tick(80);
        events.push(`end ${name}`);
        return name;
      };
      expect(await Promise.all([pair.a.exclusive(work('a')), pair.b.exclusive(work('b'))])).toEqual(['a', 'b']);
      expect([events.slice(0, 2), events.slice(2)].map((two) => two[0]!.slice(6) === two[1]!.slice(4))).toEqual([true, true]);
    });
  });

  it('shows every process the model one of them made serve', async () => {
    await withPair(async (db) => new PgModelStore(db), async (pair) => {
      const meta = { id: 'm-1', trainedAt: '2026-11-22T10:00:00.000Z', codeVersion: 'c', fingerprint: 'f', origin: 'staff' as const, status: 'retired' as const, pinned: false, utterances: 1, staffUtterances: 0, aliases: 0, trainMs: 1, evaluation: null };
      await pair.a.saveModel('m-1', { id: 'm-1' });
      await pair.a.add(meta);
      await pair.a.activate('m-1', { pinned: false });
      expect(await pair.b.active()).toMatchObject({ id: 'm-1', status: 'active' });
      expect(await pair.b.readModel('m-1')).toEqual({ id: 'm-1' });
    });
  });
});
