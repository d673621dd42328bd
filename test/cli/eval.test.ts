import { execFile } from 'node:child_process';
import { writeFileSync } from 'node:fs';
import path from 'node:path';
import { promisify } from 'node:util';
import { jest } from '@jest/globals';
import { PROJECT_ROOT } from '../../src/config.js';
import { adminClient } from '../admin/admin-client.js';
import { startTestApp, storeEnv, type TestApp } from '../helpers/test-app.js';

// `dvc eval` and the staff page's report are one evaluation of one pipeline: on the same data
// (intents/ and the staff edits in DATA_DIR) they give the same cross-validated figures.

jest.setTimeout(180_000);
let t: TestApp;
beforeAll(async () => { t = await startTestApp(); });
afterAll(async () => { await t.close(); });

const dvc = async (args: string[]): Promise<string> => (await promisify(execFile)(process.execPath, ['--import', 'tsx', 'src/cli/dvc.ts', ...args], {
  cwd: PROJECT_ROOT, env: { ...process.env, ...await storeEnv(t.dataDir, { DATA_DIR: t.dataDir }), LOG_LEVEL: 'silent' }, maxBuffer: 16 * 1024 * 1024,
})).stdout;

describe('dvc eval', () => {
  it('cross-validates what the server serves, staff edits included, with the figures of the staff report', async () => {
    const admin = adminClient(t);
    await admin.post('/api/admin/intents', { title: 'Giờ làm việc', answer: 'Từ 7 giờ 30 đến 17 giờ, thứ Hai đến thứ Sáu.', utterances: ['ubnd xã làm việc mấy giờ', 'giờ làm việc của phường', 'mấy giờ xã mở cửa'] });
    await admin.post('/api/admin/train', {});
    const report = (await admin.get('/api/admin/report')).body;
    const gold = path.join(t.dataDir, 'gold.jsonl');
    writeFileSync(gold, ['{"text": "lệ phí làm căn cước bao nhiêu", "intent": "procedure.fee", "procedure": "cap-the-can-cuoc"}', '{"text": "trời hôm nay đẹp quá", "intent": "none"}'].join('\n'));
    const out = await dvc(['eval', gold]);
    // The gold file is printed relative to the working directory, wherever the temp dir lies.
    const [cv, scored] = out.split(/^.*gold\.jsonl: 2 questions$/m);
    const { utterances, intent } = report.evaluation;
    expect(cv).toContain(`5-fold cross-validation on ${utterances} training utterances`);
    expect(cv).toContain(`(${intent.correct}/${intent.total})`);
    expect(cv).toMatch(/faq\.gio-lam-viec/);
    expect(scored).toMatch(/intent accuracy\s+100\.0% \(2\/2\)/);
  });
});
