import type { VerificationLocks } from '../../../src/store/verification-locks.js';
import { withStore, type OpenStore, type StoreHarness } from './harness.js';

const day = (d: number): Date => new Date(Date.UTC(2026, 10, d));

/** What every VerificationLocks does; run by each implementation's test file. */
export function describeVerificationLocks(name: string, open: OpenStore<VerificationLocks>): void {
  const run = (test: (h: StoreHarness<VerificationLocks>) => Promise<void>) => () => withStore(open, test);

  describe(`${name} (VerificationLocks contract)`, () => {
    it('counts wrong answers per conversation and dossier, across a restart', run(async (h) => {
      expect(await h.store.wrongAnswers('c1', 'G22.71-261105-0012', day(1))).toBe(0);
      expect(await h.store.addWrong('c1', 'G22.71-261105-0012', day(2), day(1))).toBe(1);
      expect(await h.store.addWrong('c1', 'G22.71-261105-0012', day(2), day(1))).toBe(2);
      expect(await h.store.addWrong('c2', 'G22.71-261105-0012', day(2), day(1))).toBe(1);
      const store = await h.reopen();
      expect(await store.wrongAnswers('c1', 'G22.71-261105-0012', day(1))).toBe(2);
      expect(await store.wrongAnswers('c1', '000.00.16.H17-261105-0007', day(1))).toBe(0);
    }));

    it('forgets wrong answers whose last one is not after `since`, and then counts afresh', run(async ({ store }) => {
      await store.addWrong('c1', 'X', day(2), day(1));
      await store.addWrong('c1', 'X', day(3), day(1));
      expect(await store.wrongAnswers('c1', 'X', day(2))).toBe(2);
      expect(await store.wrongAnswers('c1', 'X', day(3))).toBe(0);
      expect(await store.addWrong('c1', 'X', day(20), day(10))).toBe(1);
    }));

    it('loses no wrong answer when many come at once', run(async ({ store }) => {
      await Promise.all(Array.from({ length: 20 }, (_, i) => store.addWrong(`c${i % 4}`, 'X', day(2), day(1))));
      for (let c = 0; c < 4; c += 1) expect(await store.wrongAnswers(`c${c}`, 'X', day(1))).toBe(5);
    }));
  });
}
