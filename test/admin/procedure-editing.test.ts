import { cpSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { PROJECT_ROOT } from '../../src/config.js';
import { PollingClient } from '../directline/client.js';
import { call, startTestApp, type TestApp } from '../helpers/test-app.js';
import { adminClient, parse } from './admin-client.js';

// Contract section 8 end to end: staff change the passport fee; the next chat answer (Direct
// Line) gives the new amount, a restart keeps it, the history lists it and a revert brings the
// old one back. Broken changes are refused naming the field, unknown ids are 404, no token 401.

const ID = 'cap-ho-chieu-pho-thong';
const FEE_QUESTION = 'làm hộ chiếu hết bao nhiêu tiền';
const amounts = (text: string): string[] => [...text.matchAll(/\d{1,3}(?:\.\d{3})+/g)].map((m) => m[0]);

async function askFee(t: TestApp): Promise<{ text: string; procedure: string }> {
  const client = await PollingClient.start(`${t.url}/v3/directline`);
  const [reply] = await client.ask(FEE_QUESTION);
  return { text: String(reply.text), procedure: reply.channelData?.procedure };
}

/**
 * A copy of the knowledge whose passport fee is a known 200.000 đồng: the curated entry leaves the
 * amount unset while the rate of Thông tư 28/2026/TT-BTC is unverified, and this tests the editing.
 */
function knowledgeWithPassportFee(): string {
  const knowledge = path.join(mkdtempSync(path.join(tmpdir(), 'dvc-editing-knowledge-')), 'knowledge');
  cpSync(path.join(PROJECT_ROOT, 'knowledge'), knowledge, { recursive: true });
  const file = path.join(knowledge, 'procedures', 'cap-ho-chieu-pho-thong.yaml');
  writeFileSync(file, readFileSync(file, 'utf8').replace(/amount: null/, 'amount: 200000'));
  return knowledge;
}

/** The passport procedure with its first case's fee set to `amount`. */
function withFee(procedure: any, amount: number): any {
  const [first, ...rest] = procedure.cases;
  return { cases: [{ ...first, fees: [{ ...first.fees[0], amount }, ...first.fees.slice(1)] }, ...rest] };
}

describe('staff editing a procedure, live and kept', () => {
  const dir = mkdtempSync(path.join(tmpdir(), 'dvc-editing-'));
  const KNOWLEDGE_DIR = knowledgeWithPassportFee();
  let t: TestApp;
  afterAll(async () => {
    await t?.close();
    rmSync(dir, { recursive: true, force: true });
    rmSync(path.dirname(KNOWLEDGE_DIR), { recursive: true, force: true });
  });

  it('serves a changed fee at the next chat turn, keeps it across a restart, and reverts it', async () => {
    t = await startTestApp({ KNOWLEDGE_DIR }, dir);
    const admin = adminClient(t);
    const before = await askFee(t);
    expect(before.procedure).toBe(ID);
    // The answer gives each case's fee, the first case's first.
    expect(amounts(before.text)[0]).toBe('200.000');

    const original = await admin.get(`/api/admin/procedures/${ID}`);
    expect(original.status).toBe(200);
    expect(original.body).toMatchObject({ version: 1, id: ID, name: 'Cấp hộ chiếu phổ thông' });
    const put = await call('PUT', `${t.url}/api/admin/procedures/${ID}`, {
      token: t.app.staffTokens.admin, body: withFee(original.body, 250_000), headers: { 'x-officer': encodeURIComponent('Trần Thị Mai') },
    });
    expect(put.status).toBe(200);
    expect(put.body).toMatchObject({ version: 1, changed: ['cases'], retrainNeeded: false });
    expect(put.body.procedure.cases[0].fees[0].amount).toBe(250_000);

    const after = await askFee(t);
    expect(after.procedure).toBe(ID);
    expect(amounts(after.text)).toEqual(['250.000', ...amounts(before.text).slice(1)]);
    expect((await admin.get(`/api/admin/procedures/${ID}`)).body.cases[0].fees[0].amount).toBe(250_000);

    // Kept in DATA_DIR: a restart serves it too.
    await t.close();
    t = await startTestApp({ KNOWLEDGE_DIR }, dir);
    expect(amounts((await askFee(t)).text)[0]).toBe('250.000');
    const history = await adminClient(t).get(`/api/admin/procedures/${ID}/history`);
    expect(history.status).toBe(200);
    expect(history.body.version).toBe(1);
    expect(history.body.versions.map((v: any) => [v.version, v.actor, v.officer, v.fields, v.current])).toEqual([
      [1, 'admin', 'Trần Thị Mai', ['cases'], true],
      [0, 'knowledge', undefined, [], false],
    ]);
    expect(Date.parse(history.body.versions[0].at)).toBeGreaterThan(Date.now() - 120_000);

    const revert = await adminClient(t).post(`/api/admin/procedures/${ID}/revert`, { version: 0 });
    expect(revert.status).toBe(200);
    expect(revert.body).toMatchObject({ version: 2, changed: ['cases'] });
    expect(amounts((await askFee(t)).text)).toEqual(amounts(before.text));
    const again = await adminClient(t).get(`/api/admin/procedures/${ID}/history`);
    expect(again.body.versions.map((v: any) => [v.version, v.revertOf, v.current])).toEqual([[2, 0, true], [1, undefined, false], [0, undefined, false]]);
    // Bringing version 1 back serves its fee again.
    expect((await adminClient(t).post(`/api/admin/procedures/${ID}/revert`, { version: 1 })).body).toMatchObject({ version: 3, changed: ['cases'] });
    expect(amounts((await askFee(t)).text)[0]).toBe('250.000');
  }, 120_000);

  it('writes who changed which fields of which procedure to the audit log', async () => {
    const entries = (await t.app.audit.entries()).filter((e) => e.action.startsWith('procedure.'));
    expect(entries.map((e) => [e.action, e.actor, e.officer, e.procedure, e.fields, e.outcome])).toEqual([
      ['procedure.edit', 'admin', 'Trần Thị Mai', ID, ['cases'], 'ok'],
      ['procedure.revert', 'admin', undefined, ID, ['cases'], 'ok'],
      ['procedure.revert', 'admin', undefined, ID, ['cases'], 'ok'],
    ]);
    expect(entries.every((e) => !Number.isNaN(Date.parse(e.at)))).toBe(true);
  });

  it.each([
    ['a fee that is not a number', { cases: [{ id: 'chung', name: 'Chung', documents: [{ name: 'Tờ khai', explain: 'x' }], fees: [{ label: 'Lệ phí', amount: 'hai trăm' }], duration: '8 ngày' }] }, 'cases.0.fees.0.amount'],
    ['an empty name', { name: '  ' }, 'name'],
    ['a curated entry without steps', { steps: [] }, 'steps'],
    ['an unknown field', { fee: 200000 }, '(top level)'],
    ['a document naming an unknown procedure', { cases: [{ id: 'chung', name: 'Chung', documents: [{ name: 'Giấy', procedure: 'khong-co-thu-tuc-nay' }], fees: [{ label: 'Lệ phí', amount: 0 }], duration: '8 ngày' }] }, 'cases.0.documents.0.procedure'],
    ['another id', { id: 'dang-ky-khai-sinh' }, 'id'],
    ['a reviewedAt written by hand', { reviewedAt: '2030-01-01' }, 'reviewedAt'],
    ['a reviewed flag that is not a boolean', { reviewed: 'có' }, 'reviewed'],
    ['a wrong format version', { version: 2 }, 'version'],
  ])('refuses %s with 400 naming the field, and keeps the procedure as it was', async (_name, body, field) => {
    const admin = adminClient(t);
    const before = await admin.get(`/api/admin/procedures/${ID}`);
    const res = await admin.put(`/api/admin/procedures/${ID}`, body);
    expect(res.status).toBe(400);
    expect(res.body).toMatchObject({ error: 'VALIDATION_FAILED', details: { field } });
    expect(res.body.message).toContain(field);
    expect((await admin.get(`/api/admin/procedures/${ID}`)).body).toEqual(before.body);
  });

  it.each<[string, (cases: any[]) => any[], string, RegExp]>([
    ['a situation slot the cue data does not have', (cases) => [{ ...cases[0], select: { reasn: ['lost'] } }, ...cases.slice(1)], 'cases.0.select', /unknown slot "reasn"/],
    ['a situation value the cue data does not have', (cases) => [cases[0], { ...cases[1], select: { age: { max: 13 }, reason: ['misplaced'] } }, ...cases.slice(2)], 'cases.1.select', /unknown value "misplaced"/],
    ['a case that no situation selects among several', (cases) => [cases[0], (({ select: _s, ...c }) => c)(cases[1]), ...cases.slice(2)], 'cases.1', /add `select`/],
  ])('checks the situation data as dvc validate does: refuses %s', async (_name, change, field, message) => {
    const admin = adminClient(t);
    const { cases } = (await admin.get(`/api/admin/procedures/${ID}`)).body;
    const res = await admin.put(`/api/admin/procedures/${ID}`, { cases: change(cases) });
    expect(res.status).toBe(400);
    expect(res.body.details.field).toBe(field);
    expect(res.body.message).toMatch(message);
  });

  it('refuses moving a procedure out of its family when that leaves the other one alone', async () => {
    const res = await adminClient(t).put('/api/admin/procedures/cap-lai-the-bhyt', { family: { id: 'the-bhyt-khac', select: { reason: ['lost'] } } });
    expect(res.status).toBe(400);
    expect(res.body.details.problems).toEqual([
      { field: 'family', message: expect.stringMatching(/family "the-bhyt-khac" has no other procedure/) },
      { field: 'family', message: expect.stringMatching(/family "the-bhyt" has no other procedure/) },
    ]);
  });

  it.each([
    ['GET', `/api/admin/procedures/khong-co-thu-tuc-nay`],
    ['PUT', `/api/admin/procedures/khong-co-thu-tuc-nay`],
    ['GET', `/api/admin/procedures/khong-co-thu-tuc-nay/history`],
    ['POST', `/api/admin/procedures/khong-co-thu-tuc-nay/revert`],
    ['POST', `/api/admin/procedures/${ID}/revert`],
  ])('answers 404 to %s %s (an unknown id, or a version it never had)', async (method, route) => {
    const body = method === 'GET' ? undefined : route.endsWith('revert') ? { version: 99 } : { name: 'Thủ tục' };
    const res = await call(method, `${t.url}${route}`, { token: t.app.staffTokens.admin, ...(body ? { body } : {}) });
    expect(res.status).toBe(404);
    expect(res.body.error).toBe('NOT_FOUND');
  });

  it.each([['no token', undefined], ['a wrong token', 'sai']])('answers 401 with %s, and changes nothing', async (_name, token) => {
    const res = await call('PUT', `${t.url}/api/admin/procedures/${ID}`, { ...(token ? { token } : {}), body: { name: 'Đổi tên' } });
    expect(res.status).toBe(401);
    expect(res.body.error).toBe('UNAUTHORIZED');
    expect((await call('GET', `${t.url}/api/admin/procedures/${ID}`)).status).toBe(401);
    expect((await adminClient(t).get(`/api/admin/procedures/${ID}`)).body.name).toBe('Cấp hộ chiếu phổ thông');
  });

  it('refuses a revert without a whole, non-negative version number', async () => {
    for (const body of [{}, { version: -1 }, { version: 1.5 }, { version: '1' }]) {
      const res = await adminClient(t).post(`/api/admin/procedures/${ID}/revert`, body);
      expect({ body, status: res.status, error: res.body.error }).toEqual({ body, status: 400, error: 'VALIDATION_FAILED' });
      expect(res.body.message).toMatch(/version/);
    }
  });

  it('keeps every version when several changes of one procedure arrive at once', async () => {
    const admin = adminClient(t);
    const { version } = (await admin.get(`/api/admin/procedures/${ID}/history`)).body;
    const captions = Array.from({ length: 8 }, (_, i) => `Ghi chú ${i + 1}`);
    const answers = await Promise.all(captions.map((c) => admin.put(`/api/admin/procedures/${ID}`, { caveats: [c] })));
    expect(answers.map((a) => a.status)).toEqual(captions.map(() => 200));
    expect(answers.map((a) => a.body.version).sort((a, b) => a - b)).toEqual(captions.map((_, i) => version + i + 1));
    const history = (await admin.get(`/api/admin/procedures/${ID}/history`)).body.versions;
    expect(history.slice(0, 8).map((v: any) => v.procedure.caveats[0]).sort()).toEqual([...captions].sort());
    // The newest version is the one served.
    const newest = history[0].procedure.caveats[0];
    expect((await admin.get(`/api/admin/procedures/${ID}`)).body.caveats).toEqual([newest]);
  });

  it('refuses a change made from an older version when If-Match says so (409), and takes the current one', async () => {
    const admin = adminClient(t);
    const current = await call('GET', `${t.url}/api/admin/procedures/${ID}`, { token: t.app.staffTokens.admin });
    const { version } = (await admin.get(`/api/admin/procedures/${ID}/history`)).body;
    const stale = await call('PUT', `${t.url}/api/admin/procedures/${ID}`, { token: t.app.staffTokens.admin, body: { caveats: ['cũ'] }, headers: { 'if-match': `"${version - 1}"` } });
    expect(stale.status).toBe(409);
    expect(stale.body.error).toBe('CONFLICT');
    const fresh = await call('PUT', `${t.url}/api/admin/procedures/${ID}`, { token: t.app.staffTokens.admin, body: { caveats: current.body.caveats, agency: 'Công an cấp tỉnh' }, headers: { 'if-match': `"${version}"` } });
    expect(fresh.status).toBe(200);
    expect(fresh.body).toMatchObject({ version: version + 1, changed: ['agency'] });
  });

  it('sets reviewedAt to today only when the change says "reviewed": true', async () => {
    const admin = adminClient(t);
    const before = (await admin.get(`/api/admin/procedures/${ID}`)).body.reviewedAt;
    const plain = await admin.put(`/api/admin/procedures/${ID}`, { caveats: ['Không rà soát'] });
    expect(plain.body.procedure.reviewedAt).toBe(before);
    const today = new Date(Date.now() + 7 * 3600_000).toISOString().slice(0, 10);
    const reviewed = await admin.put(`/api/admin/procedures/${ID}`, { caveats: ['Đã rà soát'], reviewed: true });
    expect(reviewed.body.procedure.reviewedAt).toBe(today);
    expect(reviewed.body.changed).toEqual(today === before ? ['caveats'] : ['caveats', 'reviewedAt']);
    // Nothing changed: no new version.
    const same = await admin.put(`/api/admin/procedures/${ID}`, reviewed.body.procedure);
    expect(same.body).toMatchObject({ changed: [], version: reviewed.body.version });
  });

  it('teaches the matcher a new name at once, and asks for a retraining', async () => {
    const admin = adminClient(t);
    const question = 'xin sổ thông hành đi nước ngoài lệ phí bao nhiêu';
    expect((await parse(t.url, question)).procedure).not.toBe(ID);
    const { aliases } = (await admin.get(`/api/admin/procedures/${ID}`)).body;
    const res = await admin.put(`/api/admin/procedures/${ID}`, { aliases: [...aliases, 'xin sổ thông hành'] });
    expect(res.body).toMatchObject({ changed: ['aliases'], retrainNeeded: true });
    expect(await parse(t.url, question)).toMatchObject({ intent: 'procedure.fee', procedure: ID });
  }, 60_000);
});
