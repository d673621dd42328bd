import { cpSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { PROJECT_ROOT } from '../../src/config.js';
import { startTestApp, type TestApp } from '../helpers/test-app.js';
import { adminClient } from './admin-client.js';

// The review workflow's staff side: ?stale=1 lists the procedures due for review with the
// reasons, an edit saved as reviewed ("reviewed": true) sets reviewedAt to today, one without
// leaves it; ?q= finds procedures by words of their names, with or without diacritics.

const OLD = 'dang-ky-khai-tu';
const CITING = 'dang-ky-xe';
let dir: string;
let t: TestApp;

beforeAll(async () => {
  dir = mkdtempSync(path.join(tmpdir(), 'dvc-review-'));
  const knowledge = path.join(dir, 'knowledge');
  cpSync(path.join(PROJECT_ROOT, 'knowledge'), knowledge, { recursive: true });
  const file = path.join(knowledge, 'procedures', `${OLD}.yaml`);
  writeFileSync(file, readFileSync(file, 'utf8').replace(/^reviewedAt: .*$/m, 'reviewedAt: "2025-01-15"'));
  t = await startTestApp({ KNOWLEDGE_DIR: knowledge });
});
afterAll(async () => {
  await t.close();
  rmSync(dir, { recursive: true, force: true });
});

const stale = async (query = ''): Promise<any[]> => {
  const res = await adminClient(t).get(`/api/admin/procedures?stale=1${query}`);
  expect(res.status).toBe(200);
  return res.body;
};

describe('procedures due for review', () => {
  it('lists one not reviewed within REVIEW_MONTHS, with when it fell due', async () => {
    const rows = await stale();
    const old = rows.find((r) => r.id === OLD);
    expect(old).toMatchObject({ id: OLD, name: 'Đăng ký khai tử', reviewedAt: '2025-01-15', reasons: [{ kind: 'review-overdue', reviewedAt: '2025-01-15', dueAt: '2025-07-15' }] });
  });

  it('lists one whose legal basis cites a replaced document, and keeps it listed after a review until the citation changes', async () => {
    const admin = adminClient(t);
    const { legalBasis } = (await admin.get(`/api/admin/procedures/${CITING}`)).body;
    const cited = [...legalBasis, 'Thông tư số 60/2023/TT-BTC quy định mức thu lệ phí đăng ký xe'];
    expect((await admin.put(`/api/admin/procedures/${CITING}`, { legalBasis: cited, reviewed: true })).status).toBe(200);
    const row = (await stale()).find((r) => r.id === CITING);
    expect(row.reasons).toEqual([expect.objectContaining({
      kind: 'superseded-basis', line: legalBasis.length, superseded: expect.objectContaining({ document: 'Thông tư số 60/2023/TT-BTC', replacedBy: 'Thông tư số 155/2025/TT-BTC' }),
    })]);
    expect((await admin.put(`/api/admin/procedures/${CITING}`, { legalBasis })).status).toBe(200);
    expect((await stale()).map((r) => r.id)).not.toContain(CITING);
  });

  it('takes a procedure off the list once it is saved as reviewed, and not before', async () => {
    const admin = adminClient(t);
    await admin.put(`/api/admin/procedures/${OLD}`, { caveats: ['Đã kiểm tra biểu mẫu'] });
    expect((await stale()).map((r) => r.id)).toContain(OLD);
    const reviewed = await admin.put(`/api/admin/procedures/${OLD}`, { reviewed: true });
    expect(reviewed.body.changed).toEqual(['reviewedAt']);
    expect((await stale()).map((r) => r.id)).not.toContain(OLD);
    // ...and it falls due again REVIEW_MONTHS later.
    const due = new Date(Date.parse(reviewed.body.procedure.reviewedAt) + 200 * 86_400_000).toISOString().slice(0, 10);
    expect((await stale(`&now=${due}`)).map((r) => r.id)).toContain(OLD);
  });

  it.each([
    ['with diacritics', 'khai tử'],
    ['without diacritics', 'khai tu'],
    ['in capitals', 'KHAI TỬ'],
  ])('finds a procedure by the words of its name %s', async (_name, q) => {
    const res = await adminClient(t).get(`/api/admin/procedures?q=${encodeURIComponent(q)}`);
    expect(res.status).toBe(200);
    expect(res.body[0]).toMatchObject({ id: OLD, name: 'Đăng ký khai tử', imported: false, version: expect.any(Number) });
  });

  it('finds stale procedures by words too, and refuses a malformed query', async () => {
    expect((await stale('&q=khai%20tu')).map((r) => r.id)).toEqual([]);
    expect((await adminClient(t).get('/api/admin/procedures?stale=yes')).status).toBe(400);
    expect((await adminClient(t).get('/api/admin/procedures?stale=1&now=mai')).body.error).toBe('VALIDATION_FAILED');
  });

  it('keeps the answer of the list without a query as it was: every procedure with its aliases', async () => {
    const res = await adminClient(t).get('/api/admin/procedures');
    expect(res.body.length).toBeGreaterThanOrEqual(40);
    expect(Object.keys(res.body[0]).sort()).toEqual(['aliases', 'field', 'id', 'name', 'staffAliases']);
  });
});
