import { rmSync } from 'node:fs';
import path from 'node:path';
import { csvFile, tempDir } from '../catalogue/catalogue-files.js';
import { PollingClient } from '../directline/client.js';
import { startTestApp, type TestApp } from '../helpers/test-app.js';
import { adminClient } from './admin-client.js';

// An imported catalogue entry is edited like a curated one, under its catalogue code
// (URL-encoded in the path), with the catalogue's looser rules: its empty cells may stay empty.

const CODE = '1.004253.000.00.00.H17';
const CATALOGUE = [
  'Mã thủ tục,Tên thủ tục,Lĩnh vực,Cấp thực hiện,Thành phần hồ sơ,Thời hạn giải quyết,"Phí, lệ phí",Cơ quan thực hiện',
  `${CODE},Cấp giấy phép khai thác sử dụng nước dưới đất,Tài nguyên nước,Cấp tỉnh,,,,`,
  '2.000633,Cấp Giấy phép bán lẻ rượu,Lưu thông hàng hóa trong nước,Cấp xã,1. Đơn đề nghị cấp Giấy phép bán lẻ rượu,10 ngày làm việc,Phí thẩm định: 1.200.000 đồng/điểm,Phòng Kinh tế',
].join('\n');
const FEE_QUESTION = 'giấy phép khai thác nước dưới đất lệ phí bao nhiêu';

describe('editing an imported catalogue entry', () => {
  const dir = tempDir('dvc-catalogue-editing-');
  const env = { CATALOGUE_FILE: csvFile(dir, CATALOGUE) };
  const dataDir = path.join(dir, 'data');
  let t: TestApp;
  afterAll(async () => {
    await t?.close();
    rmSync(dir, { recursive: true, force: true });
  });

  async function askFee(): Promise<any> {
    const client = await PollingClient.start(`${t.url}/v3/directline`);
    return (await client.ask(FEE_QUESTION))[0];
  }

  it.each([
    ['as written', CODE],
    ['with every character percent-encoded', [...CODE].map((c) => `%${c.charCodeAt(0).toString(16).toUpperCase().padStart(2, '0')}`).join('')],
  ])('reads it by its code %s', async (_name, encoded) => {
    t ??= await startTestApp(env, dataDir);
    const res = await adminClient(t).get(`/api/admin/procedures/${encoded}`);
    expect(res.status).toBe(200);
    expect(res.body).toMatchObject({ id: CODE, agency: '', origin: { kind: 'catalogue', row: 2 }, reviewedAt: null });
    expect(res.body.cases[0].fees).toEqual([]);
  });

  it('saves a fee the catalogue left empty, keeping its other empty cells, and the chat says it at once and after a restart', async () => {
    const before = await askFee();
    expect(before.channelData).toEqual({ intent: 'procedure.fee', procedure: CODE });
    expect(before.text).toMatch(/Danh mục chưa có thông tin lệ phí/);

    const current = (await adminClient(t).get(`/api/admin/procedures/${encodeURIComponent(CODE)}`)).body;
    const [first] = current.cases;
    const res = await adminClient(t).put(`/api/admin/procedures/${encodeURIComponent(CODE)}`, {
      cases: [{ ...first, fees: [{ label: 'Phí thẩm định đề án', amount: 600_000 }] }],
      sources: ['https://dichvucong.gov.vn'],
      reviewed: true,
    });
    expect(res.status).toBe(200);
    expect(res.body).toMatchObject({ version: 1, changed: ['cases', 'sources', 'reviewedAt'] });
    expect(res.body.procedure).toMatchObject({ agency: '', origin: { kind: 'catalogue' }, reviewedAt: expect.stringMatching(/^\d{4}-\d{2}-\d{2}$/) });
    expect((await askFee()).text).toMatch(/600\.000 đồng/);

    await t.close();
    t = await startTestApp(env, dataDir);
    const after = await askFee();
    expect(after.channelData).toEqual({ intent: 'procedure.fee', procedure: CODE });
    expect(after.text).toMatch(/600\.000 đồng/);
    expect((await adminClient(t).get(`/api/admin/procedures/${encodeURIComponent(CODE)}/history`)).body.versions.map((v: any) => [v.version, v.actor]))
      .toEqual([[1, 'admin'], [0, 'catalogue']]);
  }, 90_000);

  it('still checks what the catalogue rules require of an imported entry', async () => {
    const res = await adminClient(t).put(`/api/admin/procedures/${encodeURIComponent(CODE)}`, { cases: [] });
    expect(res.status).toBe(400);
    expect(res.body.details.field).toBe('cases');
    const origin = await adminClient(t).put(`/api/admin/procedures/${encodeURIComponent(CODE)}`, { origin: { kind: 'tay' } });
    expect(origin.body.details.field).toBe('origin.kind');
  });
});
