import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { startTestApp, type TestApp } from '../helpers/test-app.js';
import { adminClient, parse } from './admin-client.js';

// Saved models: a clearly worse model waits for confirmation, staff can promote it or roll
// back, and a rollback holds across a restart.

const dataDir = mkdtempSync(path.join(tmpdir(), 'dvc-models-'));
let t: TestApp;
let admin: ReturnType<typeof adminClient>;
beforeAll(async () => {
  t = await startTestApp({}, dataDir);
  admin = adminClient(t);
});
afterAll(async () => {
  await t.close();
  rmSync(dataDir, { recursive: true, force: true });
});

const GREETING_PROBE = 'thời tiết hôm nay thế nào nhé bạn';

describe('saved models', () => {
  let first: string;
  let worse: string;

  it('keeps a clearly worse model out of service until staff confirm it', async () => {
    first = (await admin.get('/api/admin/models')).body.serving;
    // Out-of-scope questions labelled as greetings: the kind of mistake the rule is for.
    const none = (await admin.get('/api/admin/intents/none')).body.utterances.slice(0, 150);
    for (const u of none) {
      const res = await admin.post('/api/admin/intents/greeting/utterances', { text: `${u.text} nhé bạn`, procedure: null });
      expect(res.status).toBe(201);
    }
    await admin.post('/api/admin/intents/greeting/utterances', { text: GREETING_PROBE, procedure: null });
    const res = await admin.post('/api/admin/train');
    expect(res.status).toBe(409);
    expect(res.body).toMatchObject({ error: 'MODEL_WORSE', details: { model: { status: 'candidate' }, comparison: { worse: true } } });
    expect(res.body.details.comparison.intentAccuracy.delta).toBeLessThan(-0.02);
    worse = res.body.details.model.id;
    const models = (await admin.get('/api/admin/models')).body;
    expect(models.serving).toBe(first);
    expect((await parse(t.url, GREETING_PROBE)).intent).not.toBe('greeting');

    const report = await admin.get(`/api/admin/report?model=${worse}`);
    expect(report.body).toMatchObject({ model: { id: worse, status: 'candidate' }, baseline: { model: { id: first } }, comparison: { worse: true } });
  }, 120_000);

  it('promotes the candidate only with confirmation', async () => {
    const refused = await admin.post(`/api/admin/models/${worse}/promote`, {});
    expect(refused.status).toBe(409);
    expect(refused.body.error).toBe('MODEL_WORSE');
    const promoted = await admin.post(`/api/admin/models/${worse}/promote`, { confirm: true });
    expect(promoted.status).toBe(200);
    expect(promoted.body.serving).toBe(worse);
    expect((await parse(t.url, GREETING_PROBE)).intent).toBe('greeting');
  });

  it('rolls back to the model that served before, and keeps it across a restart', async () => {
    const res = await admin.post('/api/admin/models/rollback');
    expect(res.status).toBe(200);
    expect(res.body).toMatchObject({ serving: first, model: { id: first, status: 'active', pinned: true } });
    expect((await parse(t.url, GREETING_PROBE)).intent).not.toBe('greeting');

    await t.close();
    t = await startTestApp({}, dataDir);
    admin = adminClient(t);
    expect((await admin.get('/api/admin/models')).body.serving).toBe(first);
    expect((await parse(t.url, GREETING_PROBE)).intent).not.toBe('greeting');
  });

  it('answers 404 for an unknown model, and when there is nothing to roll back to', async () => {
    expect((await admin.post('/api/admin/models/m-nope/promote', {})).status).toBe(404);
    const rolled = await admin.post('/api/admin/models/rollback');
    expect(rolled.status).toBe(404);
    expect(rolled.body.error).toBe('NOT_FOUND');
  });
});
