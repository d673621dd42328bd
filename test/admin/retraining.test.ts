import { execFile } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { promisify } from 'node:util';
import { PollingClient } from '../directline/client.js';
import { startTestApp, postJson, storeEnv, type TestApp } from '../helpers/test-app.js';
import { adminClient, askBot, parse } from './admin-client.js';

// The staff retraining loop on one running server: a question the assistant does not
// understand arrives through chat, shows in the inbox, staff label it, retrain, and the
// same server then understands it and a close paraphrase, without a restart.

const BIRTH = 'con tôi vừa lọt lòng, xin cái giấy chứng nhận ở đâu';
const BIRTH_PARAPHRASE = 'con vừa lọt lòng thì xin giấy chứng nhận ở đâu vậy';
const MATERNITY = 'nghỉ đẻ được hưởng bao nhiêu tháng lương';
const MATERNITY_PARAPHRASE = 'nghi de duoc huong may thang luong';
/** Understood, but with a low confidence and no procedure: kept for staff too. */
// Understood, but not surely (its confidence sits under the review threshold; a bare "giấy gì" is close to it).
const BUILDING = 'nhà 3 tầng giấy gì nhé';

const dataDir = mkdtempSync(path.join(tmpdir(), 'dvc-admin-'));
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

async function inboxEntry(text: string): Promise<any> {
  const res = await admin.get('/api/admin/misunderstood');
  expect(res.status).toBe(200);
  return (res.body as any[]).find((g) => g.text === text);
}

describe('staff retraining on a running server', () => {
  it('does not understand the questions yet', async () => {
    expect((await parse(t.url, BIRTH)).intent).toBe('none');
    expect((await parse(t.url, MATERNITY)).intent).toBe('none');
  });

  it('keeps a misunderstood question sent to /api/messages in the inbox, with its guesses, newest first', async () => {
    const [reply] = await askBot(t.url, BIRTH, 'conv-birth');
    expect(reply.channelData.intent).toBe('none');
    const entry = await inboxEntry(BIRTH);
    expect(entry).toMatchObject({ text: BIRTH, conversationId: 'conv-birth', intent: 'none', status: 'open', count: 1 });
    expect(typeof entry.id).toBe('string');
    expect(Date.parse(entry.at)).toBeGreaterThan(Date.now() - 60_000);
    expect(entry.guesses.intents.length).toBeGreaterThan(0);
  });

  it('keeps one sent through Direct Line too, near-identical ones grouped under the newest', async () => {
    const client = await PollingClient.start(`${t.url}/v3/directline`);
    await client.ask(MATERNITY);
    await client.ask(`${MATERNITY.toUpperCase()}???`);
    const list = (await admin.get('/api/admin/misunderstood')).body as any[];
    const group = list.find((g) => g.text === `${MATERNITY.toUpperCase()}???`);
    expect(group).toMatchObject({ count: 2, conversationId: client.conversationId });
    expect(list.indexOf(group)).toBe(0);
  });

  it('masks phone and id numbers in what it keeps', async () => {
    await askBot(t.url, 'hàng xóm lấn đất nhà tôi, gọi tôi 0912 345 678, cccd 001099012345', 'conv-pii');
    const list = (await admin.get('/api/admin/misunderstood')).body as any[];
    const entry = list.find((g) => g.text.startsWith('hàng xóm lấn đất'));
    expect(entry.text).toBe('hàng xóm lấn đất nhà tôi, gọi tôi [số], cccd [số]');
    expect(JSON.stringify(list)).not.toMatch(/345 678|001099012345/);
  });

  it('keeps a question it understood with a low confidence', async () => {
    await askBot(t.url, BUILDING, 'conv-building');
    expect(await inboxEntry(BUILDING)).toMatchObject({ intent: expect.stringMatching(/^procedure\./), confidence: expect.any(Number) });
    expect((await inboxEntry(BUILDING)).confidence).toBeLessThan(0.5);
  });

  it('does not keep what it understood', async () => {
    await askBot(t.url, 'làm căn cước hết bao nhiêu tiền', 'conv-ok');
    const list = (await admin.get('/api/admin/misunderstood')).body as any[];
    expect(list.some((g) => g.text.includes('căn cước'))).toBe(false);
  });

  it('learns the labelled questions at retraining, on the same server, while parsing keeps answering', async () => {
    const birth = await inboxEntry(BIRTH);
    const maternity = (await admin.get('/api/admin/misunderstood')).body.find((g: any) => g.text.startsWith(MATERNITY.toUpperCase()));
    expect((await admin.post(`/api/admin/misunderstood/${birth.id}/label`, { intent: 'procedure.location', procedure: 'dang-ky-khai-sinh' })).status).toBe(200);
    const labelled = await admin.post(`/api/admin/misunderstood/${maternity.id}/label`, { intent: 'procedure.info', procedure: 'che-do-thai-san' });
    expect(labelled.status).toBe(200);
    expect(labelled.body.labelled).toHaveLength(2);
    expect(await inboxEntry(BIRTH)).toBeUndefined();
    // Names of procedures: one from the inbox (trimmed to the name), one typed in.
    const building = await inboxEntry(BUILDING);
    const aliased = await admin.post(`/api/admin/misunderstood/${building.id}/alias`, { procedure: 'cap-giay-phep-xay-dung', text: 'giấy nhà 3 tầng' });
    expect(aliased.status).toBe(200);
    expect((await admin.post('/api/admin/procedures/cap-so-do-lan-dau/aliases', { text: 'bìa đỏ' })).status).toBe(201);

    // Parse requests go on while the model trains in its own process.
    let training = true;
    const started = Date.now();
    const trained = admin.post('/api/admin/train').finally(() => { training = false; });
    const during: Array<{ status: number; ms: number }> = [];
    while (training) {
      const t0 = Date.now();
      const res = await postJson(`${t.url}/api/parse`, { text: 'làm căn cước mất bao lâu' });
      during.push({ status: res.status, ms: Date.now() - t0 });
      await new Promise((r) => setTimeout(r, 20));
    }
    const res = await trained;
    expect(res.status).toBe(200);
    expect(res.body).toMatchObject({ promoted: true, model: { status: 'active', staffUtterances: 2, aliases: 2 } });
    expect(during.length).toBeGreaterThan(10);
    expect(during.every((d) => d.status === 200)).toBe(true);
    expect(Math.max(...during.map((d) => d.ms))).toBeLessThan(1000);
    expect(Date.now() - started).toBeLessThan(60_000);

    for (const [text, intent, procedure] of [
      [BIRTH, 'procedure.location', 'dang-ky-khai-sinh'],
      [BIRTH_PARAPHRASE, 'procedure.location', 'dang-ky-khai-sinh'],
      [MATERNITY, 'procedure.info', 'che-do-thai-san'],
      [MATERNITY_PARAPHRASE, 'procedure.info', 'che-do-thai-san'],
    ]) {
      expect(await parse(t.url, text!)).toMatchObject({ intent, procedure });
    }
    expect((await parse(t.url, BUILDING)).procedure).toBe('cap-giay-phep-xay-dung');
    expect((await parse(t.url, 'thủ tục làm bìa đỏ')).procedure).toBe('cap-so-do-lan-dau');
    const [reply] = await askBot(t.url, BIRTH_PARAPHRASE, 'conv-after');
    expect(reply.channelData).toEqual({ intent: 'procedure.location', procedure: 'dang-ky-khai-sinh' });
  }, 90_000);

  it('says the data is up to date when nothing changed since the last training', async () => {
    const res = await admin.post('/api/admin/train');
    expect(res.status).toBe(200);
    expect(res.body).toMatchObject({ upToDate: true, promoted: false });
  });

  it('reports the evaluation of the serving model against the previous one', async () => {
    const res = await admin.get('/api/admin/report');
    expect(res.status).toBe(200);
    const { model, evaluation, baseline, comparison } = res.body;
    expect(model.status).toBe('active');
    expect(evaluation.folds).toBe(5);
    expect(evaluation.intentAccuracy).toBeGreaterThan(0.75);
    expect(evaluation.perIntent['procedure.fee']).toEqual(expect.objectContaining({ precision: expect.any(Number), recall: expect.any(Number), f1: expect.any(Number) }));
    expect(evaluation.matrix).toHaveLength(evaluation.labels.length);
    expect(evaluation.matrix.flat().reduce((a: number, b: number) => a + b, 0)).toBe(evaluation.utterances);
    expect(baseline.model.origin).toBe('startup');
    expect(comparison.worse).toBe(false);
    expect(Math.abs(comparison.intentAccuracy.delta)).toBeLessThan(0.02);
  });

  it('keeps the labels in the store (DATA_DIR, or DATABASE_URL), where export-training reads them', async () => {
    const { stdout } = await promisify(execFile)(process.execPath, ['--import', 'tsx', 'src/cli/dvc.ts', 'export-training'], {
      env: { ...process.env, ...await storeEnv(dataDir, { DATA_DIR: dataDir }) }, maxBuffer: 16 * 1024 * 1024,
    });
    const lines = stdout.trim().split('\n').map((l) => JSON.parse(l));
    expect(lines).toContainEqual({ text: BIRTH, intent: 'procedure.location', procedure: 'dang-ky-khai-sinh' });
    // The two near-identical questions were labelled together: one utterance.
    expect(lines.filter((l) => l.text.toLowerCase().startsWith(MATERNITY))).toEqual([{ text: `${MATERNITY.toUpperCase()}???`, intent: 'procedure.info', procedure: 'che-do-thai-san' }]);
  }, 30_000);

  it('serves the saved model after a restart, without retraining, and still understands', async () => {
    const before = (await admin.get('/api/admin/models')).body;
    await t.close();
    t = await startTestApp({}, dataDir);
    admin = adminClient(t);
    const after = (await admin.get('/api/admin/models')).body;
    expect(after.serving).toBe(before.serving);
    expect(after.models).toHaveLength(before.models.length);
    expect(await parse(t.url, BIRTH_PARAPHRASE)).toMatchObject({ intent: 'procedure.location', procedure: 'dang-ky-khai-sinh' });
  });
});
