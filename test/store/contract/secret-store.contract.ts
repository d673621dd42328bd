import type { SecretStore } from '../../../src/store/secret-store.js';
import { withStore, type OpenStore, type StoreHarness } from './harness.js';

/** What every SecretStore does; run by each implementation's test file. */
export function describeSecretStore(name: string, open: OpenStore<SecretStore>): void {
  const run = (test: (h: StoreHarness<SecretStore>) => Promise<void>) => () => withStore(open, test);

  describe(`${name} (SecretStore contract)`, () => {
    it('makes a secret once, then answers the same one, also after a restart', run(async (h) => {
      let made = 0;
      const make = () => `secret-${++made}`;
      const first = await h.store.obtain('admin-token', make);
      expect(first).toMatchObject({ value: 'secret-1', created: true, where: expect.any(String) });
      expect(first.where).not.toContain('secret-1');
      expect(await h.store.obtain('admin-token', make)).toMatchObject({ value: 'secret-1', created: false });
      const store = await h.reopen();
      expect(await store.obtain('admin-token', make)).toMatchObject({ value: 'secret-1', created: false });
      expect(made).toBe(1);
    }));

    it('keeps each name apart', run(async ({ store }) => {
      await store.obtain('admin-token', () => 'a');
      expect((await store.obtain('helpdesk-token', () => 'h')).value).toBe('h');
      expect((await store.obtain('directline-secret', () => 'd')).value).toBe('d');
      expect((await store.obtain('admin-token', () => 'x')).value).toBe('a');
    }));

    it('gives callers asking at once the same secret', run(async ({ store }) => {
      const got = await Promise.all(Array.from({ length: 8 }, (_, i) => store.obtain('directline-secret', () => `s${i}`)));
      expect(new Set(got.map((g) => g.value)).size).toBe(1);
      expect(got.filter((g) => g.created).length).toBeLessThanOrEqual(1);
    }));
  });
}
