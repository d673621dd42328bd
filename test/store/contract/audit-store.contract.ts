import type { AuditEntry, AuditStore } from '../../../src/store/audit-store.js';
import { withStore, type OpenStore, type StoreHarness } from './harness.js';

const entry = (i: number, more: Partial<AuditEntry> = {}): AuditEntry => ({ at: new Date(Date.UTC(2026, 10, 22, 10, 0, i)).toISOString(), action: 'ticket.list', actor: 'helpdesk', outcome: 'ok', count: i, ...more });

/** What every AuditStore does (append-only); run by each implementation's test file. */
export function describeAuditStore(name: string, open: OpenStore<AuditStore>): void {
  const run = (test: (h: StoreHarness<AuditStore>) => Promise<void>) => () => withStore(open, test);

  describe(`${name} (AuditStore contract)`, () => {
    it('answers every entry, whole, oldest first, also after a restart', run(async (h) => {
      const full: AuditEntry = { at: '2026-11-22T10:00:00.000Z', action: 'citizen.verify', actor: 'citizen', conversation: 'c1', target: 'G22.71-261105-0012', outcome: 'wrong' };
      const officer: AuditEntry = { at: '2026-11-22T10:00:01.000Z', action: 'ticket.reply', actor: 'helpdesk', officer: 'Nguyễn Lan', ip: '10.0.0.5', target: 'HT-7K3M9Q', outcome: 'delivered', count: 42 };
      await h.store.append(full);
      await h.store.append(officer);
      expect(await h.store.entries()).toEqual([full, officer]);
      const store = await h.reopen();
      await store.append(entry(2));
      expect(await store.entries()).toEqual([full, officer, entry(2)]);
    }));

    it('keeps appends in the order they were made, when many come at once', run(async ({ store }) => {
      await Promise.all(Array.from({ length: 50 }, (_, i) => store.append(entry(i))));
      expect((await store.entries()).map((e) => e.count)).toEqual(Array.from({ length: 50 }, (_, i) => i));
    }));

    it('starts empty', run(async ({ store }) => {
      expect(await store.entries()).toEqual([]);
    }));
  });
}
