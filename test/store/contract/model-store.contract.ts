import { KEEP_MODELS, type ModelMeta, type ModelStore } from '../../../src/store/model-store.js';
import { withStore, type OpenStore, type StoreHarness } from './harness.js';

const meta = (i: number, more: Partial<ModelMeta> = {}): ModelMeta => ({
  id: `m-${String(i).padStart(3, '0')}`,
  trainedAt: new Date(Date.UTC(2026, 10, 22, 10, i)).toISOString(),
  codeVersion: 'c0de',
  fingerprint: `f${i}`,
  origin: 'staff',
  status: 'retired',
  pinned: false,
  utterances: 2000,
  staffUtterances: i,
  aliases: 0,
  trainMs: 900,
  evaluation: null,
  ...more,
});

/** What every ModelStore does; run by each implementation's test file. */
export function describeModelStore(name: string, open: OpenStore<ModelStore>): void {
  const run = (test: (h: StoreHarness<ModelStore>) => Promise<void>) => () => withStore(open, test);

  describe(`${name} (ModelStore contract)`, () => {
    it('keeps models and evaluations as JSON documents, across a restart', run(async (h) => {
      const model = { id: 'm-001', snapshot: { format: 2, phrases: [['đăng ký khai sinh']] }, trainingSet: { utterances: [], aliases: [] } };
      await h.store.saveModel('m-001', model);
      await h.store.saveEvaluation('m-001', { intentAccuracy: 0.97 });
      const store = await h.reopen();
      expect(await store.readModel('m-001')).toEqual(model);
      expect(await store.readEvaluation('m-001')).toEqual({ intentAccuracy: 0.97 });
      expect(await store.readEvaluation('m-002')).toBeUndefined();
      await expect(store.readModel('m-002')).rejects.toThrow();
      await store.discard('m-001');
      await expect(store.readModel('m-001')).rejects.toThrow();
      expect(await store.readEvaluation('m-001')).toBeUndefined();
    }));

    it('registers models newest first, and knows which serves and what a rollback returns to, across a restart', run(async (h) => {
      for (const i of [1, 2, 3]) await h.store.add(meta(i));
      expect((await h.store.list()).map((m) => m.id)).toEqual(['m-003', 'm-002', 'm-001']);
      expect(await h.store.active()).toBeUndefined();
      await h.store.activate('m-001', { pinned: false });
      await h.store.activate('m-002', { pinned: true });
      expect(await h.store.active()).toMatchObject({ id: 'm-002', status: 'active', pinned: true });
      expect(await h.store.get('m-001')).toMatchObject({ status: 'retired' });
      expect(await h.store.previousId()).toBe('m-001');
      await h.store.setEvaluation('m-002', { intentAccuracy: 0.95, procedureAccuracy: null, ms: 3000 });
      const store = await h.reopen();
      expect(await store.get('m-002')).toMatchObject({ status: 'active', evaluation: { intentAccuracy: 0.95, procedureAccuracy: null, ms: 3000 } });
      expect(await store.previousId()).toBe('m-001');
      await store.activate('m-001', { pinned: true, rollback: true });
      expect(await store.active()).toMatchObject({ id: 'm-001' });
      expect(await store.previousId()).toBeNull();
    }));

    it('never rolls back to a model that failed', run(async ({ store }) => {
      for (const i of [1, 2, 3]) {
        await store.add(meta(i));
        await store.activate(meta(i).id, { pinned: false });
      }
      await store.markFailed('m-002');
      expect(await store.get('m-002')).toMatchObject({ status: 'failed' });
      expect(await store.previousId()).toBe('m-001');
    }));

    it(`keeps the ${KEEP_MODELS} newest models with their documents, and always the serving one and those rollback reaches`, run(async ({ store }) => {
      await store.add(meta(0));
      await store.saveModel('m-000', { id: 'm-000' });
      await store.activate('m-000', { pinned: false });
      for (let i = 1; i <= KEEP_MODELS + 3; i++) {
        await store.add(meta(i));
        await store.saveModel(meta(i).id, { id: meta(i).id });
      }
      const ids = (await store.list()).map((m) => m.id);
      expect(ids).toContain('m-000');
      expect(ids).not.toContain('m-001');
      expect(ids).toHaveLength(KEEP_MODELS + 1);
      await expect(store.readModel('m-001')).rejects.toThrow();
      expect(await store.readModel('m-000')).toEqual({ id: 'm-000' });
    }));
  });
}
