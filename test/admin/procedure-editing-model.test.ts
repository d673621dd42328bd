import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { startTestApp, type TestApp } from '../helpers/test-app.js';
import { adminClient, parse } from './admin-client.js';

// What an edit does to the model: a fact (a fee) needs no retraining and a restart keeps the
// saved model; a name or alias is served at once, and a restart trains a model that knows it,
// rather than serving one trained on the old names.

const ID = 'cap-phieu-ly-lich-tu-phap';
const QUESTION = 'xin giấy hạnh kiểm tốt cần giấy tờ gì';

describe('the serving model after an edit and a restart', () => {
  const dir = mkdtempSync(path.join(tmpdir(), 'dvc-editing-model-'));
  let t: TestApp;
  afterAll(async () => {
    await t?.close();
    rmSync(dir, { recursive: true, force: true });
  });

  it('keeps the saved model after a change of facts', async () => {
    t = await startTestApp({}, dir);
    const model = t.app.training.models.servingId;
    const recognizer = t.app.recognizer();
    const { cases } = (await adminClient(t).get(`/api/admin/procedures/${ID}`)).body;
    const res = await adminClient(t).put(`/api/admin/procedures/${ID}`, { cases: cases.map((c: any) => ({ ...c, duration: 'Không quá 10 ngày làm việc' })) });
    expect(res.body).toMatchObject({ changed: ['cases'], retrainNeeded: false });
    // Nothing the recognizer reads changed: it is not even rebuilt.
    expect(t.app.recognizer()).toBe(recognizer);
    await t.close();
    t = await startTestApp({}, dir);
    expect(t.app.training.models.servingId).toBe(model);
    expect(await t.app.training.models.isCurrent()).toBe(true);
  }, 60_000);

  it('trains at the restart after a change of names, and serves the new name before and after', async () => {
    const model = t.app.training.models.servingId;
    const recognizer = t.app.recognizer();
    expect((await parse(t.url, QUESTION)).procedure).not.toBe(ID);
    const { aliases } = (await adminClient(t).get(`/api/admin/procedures/${ID}`)).body;
    const res = await adminClient(t).put(`/api/admin/procedures/${ID}`, { aliases: [...aliases, 'giấy hạnh kiểm tốt'] });
    expect(res.body).toMatchObject({ changed: ['aliases'], retrainNeeded: true });
    expect(await parse(t.url, QUESTION)).toMatchObject({ intent: 'procedure.documents', procedure: ID });
    // The same model, rebuilt with the new name.
    expect(t.app.training.models.servingId).toBe(model);
    expect(t.app.recognizer()).not.toBe(recognizer);

    await t.close();
    t = await startTestApp({}, dir);
    expect(t.app.training.models.servingId).not.toBe(model);
    expect(await t.app.training.models.isCurrent()).toBe(true);
    expect(await parse(t.url, QUESTION)).toMatchObject({ intent: 'procedure.documents', procedure: ID });
    const train = await adminClient(t).post('/api/admin/train', {});
    expect(train.body).toMatchObject({ upToDate: true });
  }, 90_000);

  it('serves the old names again after a revert, though the serving model learnt the new ones', async () => {
    const res = await adminClient(t).post(`/api/admin/procedures/${ID}/revert`, { version: 0 });
    expect(res.body.changed).toEqual(['aliases', 'cases']);
    expect((await parse(t.url, QUESTION)).procedure).not.toBe(ID);
  }, 60_000);
});
