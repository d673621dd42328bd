import { PgKnowledgeEditStore } from '../../src/store/pg/pg-knowledge-edit-store.js';
import { describePg } from '../helpers/pg.js';
import { describeKnowledgeEditStore } from './contract/knowledge-edit-store.contract.js';
import { pgHarness, withPair } from './contract/pg-harness.js';

describePg('PostgreSQL', () => {
  describeKnowledgeEditStore('PgKnowledgeEditStore', pgHarness(async (db) => new PgKnowledgeEditStore(db)));

  it('makes the versions of one procedure one at a time when two processes save it at once: none is lost or numbered twice', async () => {
    await withPair(async (db) => new PgKnowledgeEditStore(db), async ({ a, b }) => {
      const seen: Array<number | null> = [];
      const save = (store: PgKnowledgeEditStore, i: number) => store.append('cap-ho-chieu-pho-thong', (newest) => {
        seen.push(newest?.version ?? null);
        return { at: new Date(Date.UTC(2026, 10, 22, 10, 0, i)).toISOString(), actor: 'admin', fields: ['cases'], procedure: { id: 'cap-ho-chieu-pho-thong', n: i } };
      });
      const kept = await Promise.all(Array.from({ length: 16 }, (_, i) => save(i % 2 ? a : b, i)));
      expect(kept.map((v) => v?.version).sort((x, y) => x! - y!)).toEqual(Array.from({ length: 16 }, (_, i) => i + 1));
      expect([...seen].sort((x, y) => (x ?? 0) - (y ?? 0))).toEqual([null, ...Array.from({ length: 15 }, (_, i) => i + 1)]);
      const history = await b.history('cap-ho-chieu-pho-thong');
      expect(history.map((v) => v.version)).toEqual(Array.from({ length: 16 }, (_, i) => 16 - i));
      expect(await a.latest()).toEqual([{ id: 'cap-ho-chieu-pho-thong', newest: history[0] }]);
    });
  });
});
