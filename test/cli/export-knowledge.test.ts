import { execFile } from 'node:child_process';
import { mkdirSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { isDeepStrictEqual } from 'node:util';
import { load } from 'js-yaml';
import { loadKnowledge } from '../../src/catalogue/load-knowledge.js';
import { PROJECT_ROOT } from '../../src/config.js';
import { validateData } from '../../src/cli/validate.js';
import { loadKnowledgeBase } from '../../src/knowledge/knowledge-base.js';
import { KnowledgeService } from '../../src/knowledge/knowledge-service.js';
import { silentLogger } from '../../src/log/logger.js';
import { FileKnowledgeEditStore } from '../../src/store/file/file-knowledge-edit-store.js';
import { csvFile, tempDir } from '../catalogue/catalogue-files.js';

// `dvc export-knowledge DIR` writes the knowledge served — knowledge/ with the staff edits of
// DATA_DIR, and CATALOGUE_FILE's entries when set — as a knowledge folder that loads back
// identically, so a province can keep it under version control.

interface Run { code: number; stdout: string; stderr: string }

function dvc(args: string[], env: Record<string, string>): Promise<Run> {
  return new Promise((resolve) => {
    execFile(process.execPath, ['--import', 'tsx', 'src/cli/dvc.ts', ...args], { env: { ...process.env, ...env } }, (err, stdout, stderr) => {
      resolve({ code: err ? (typeof err.code === 'number' ? err.code : 1) : 0, stdout, stderr });
    });
  });
}

const KNOWLEDGE_DIR = path.join(PROJECT_ROOT, 'knowledge');
const CATALOGUE = [
  'Mã thủ tục,Tên thủ tục,Lĩnh vực,Thành phần hồ sơ,"Phí, lệ phí",Thời hạn giải quyết',
  '2.000633,Cấp Giấy phép bán lẻ rượu,Lưu thông hàng hóa trong nước,1. Đơn đề nghị,"Phí thẩm định: 1.200.000 đồng",10 ngày làm việc',
].join('\n');

let dir: string;
let dataDir: string;
let catalogue: string;
/** The knowledge a server on DATA_DIR serves, read through the server's own code. */
async function served(env: { CATALOGUE_FILE?: string }) {
  const knowledge = await loadKnowledge({ KNOWLEDGE_DIR, DATA_DIR: dataDir, CATALOGUE_FILE: env.CATALOGUE_FILE });
  const store = await FileKnowledgeEditStore.open(dataDir, silentLogger);
  const service = await KnowledgeService.open(knowledge, store, silentLogger);
  return { knowledge, service, close: () => store.close() };
}

beforeAll(async () => {
  dir = tempDir('dvc-export-');
  dataDir = path.join(dir, 'data');
  catalogue = csvFile(dir, CATALOGUE);
  // Staff edits as the server keeps them: a fee, a name, and an imported entry's cell.
  const { service, close } = await served({ CATALOGUE_FILE: catalogue });
  const passport = service.get('cap-ho-chieu-pho-thong').procedure;
  await service.edit(passport.id, { cases: passport.cases.map((c, i) => (i ? c : { ...c, fees: [{ ...c.fees[0]!, amount: 250_000 }] })) }, { actor: 'admin' });
  await service.edit('dang-ky-khai-tu', { name: 'Đăng ký khai tử (báo tử)', aliases: [...service.get('dang-ky-khai-tu').procedure.aliases, 'báo tử'] }, { actor: 'admin' });
  await service.edit('2.000633', { agency: 'Phòng Kinh tế, Hạ tầng và Đô thị' }, { actor: 'admin' });
  await close();
});
afterAll(() => rmSync(dir, { recursive: true, force: true }));

describe('npm run dvc -- export-knowledge', () => {
  it('writes knowledge/ with the staff edits as a knowledge folder that loads back identically and passes dvc validate', async () => {
    const out = path.join(dir, 'export');
    const run = await dvc(['export-knowledge', out], { KNOWLEDGE_DIR, DATA_DIR: dataDir, LOG_LEVEL: 'silent' });
    // The imported entry's edit waits for CATALOGUE_FILE: said, not served.
    expect(run.stderr).toMatch(/"procedure":"2\.000633".*neither knowledge\/ nor the catalogue holds now/);
    expect(run.code).toBe(0);
    expect(run.stdout).toMatch(/wrote 40 procedures .*\(2 changed by staff edits, 0 from the catalogue\) and superseded\.yaml; checked/);

    const { knowledge, close } = await served({});
    await close();
    const written = loadKnowledgeBase(out);
    expect(written.procedures.map((p) => p.id).sort()).toEqual(knowledge.procedures.map((p) => p.id).sort());
    for (const p of knowledge.procedures) expect(isDeepStrictEqual(written.get(p.id), p)).toBe(true);
    expect(written.get('cap-ho-chieu-pho-thong')?.cases[0]?.fees[0]?.amount).toBe(250_000);
    expect(written.get('dang-ky-khai-tu')?.name).toBe('Đăng ký khai tử (báo tử)');
    // The file is YAML a person can read and review in a diff.
    const yaml = readFileSync(path.join(out, 'procedures', 'cap-ho-chieu-pho-thong.yaml'), 'utf8');
    expect(yaml).toMatch(/^name: Cấp hộ chiếu phổ thông$/m);
    expect(load(yaml)).toEqual(written.get('cap-ho-chieu-pho-thong'));
    expect(readFileSync(path.join(out, 'superseded.yaml'), 'utf8')).toBe(readFileSync(path.join(KNOWLEDGE_DIR, 'superseded.yaml'), 'utf8'));
    const report = validateData(out, path.join(PROJECT_ROOT, 'intents'), { now: new Date(), reviewMonths: 6 });
    expect(report.problems).toEqual([]);
  }, 60_000);

  it('writes the catalogue\'s entries too when CATALOGUE_FILE is set, under their codes, with their edits', async () => {
    const out = path.join(dir, 'with-catalogue');
    const run = await dvc(['export-knowledge', out], { KNOWLEDGE_DIR, DATA_DIR: dataDir, CATALOGUE_FILE: catalogue, LOG_LEVEL: 'silent' });
    expect(run.code).toBe(0);
    expect(run.stdout).toMatch(/wrote 41 procedures .*\(3 changed by staff edits, 1 from the catalogue\)/);
    const written = loadKnowledgeBase(out);
    expect(written.get('2.000633')).toMatchObject({ agency: 'Phòng Kinh tế, Hạ tầng và Đô thị', origin: { kind: 'catalogue', row: 2 } });
    const { knowledge, close } = await served({ CATALOGUE_FILE: catalogue });
    await close();
    for (const p of knowledge.procedures) expect(isDeepStrictEqual(written.get(p.id), p)).toBe(true);
  }, 60_000);

  it('refuses a folder that already holds procedures, and with --replace writes it afresh', async () => {
    const out = path.join(dir, 'again');
    mkdirSync(path.join(out, 'procedures'), { recursive: true });
    writeFileSync(path.join(out, 'procedures', 'cu.yaml'), 'version: 1\n');
    writeFileSync(path.join(out, 'README.md'), 'giữ nguyên\n');
    const refused = await dvc(['export-knowledge', out], { KNOWLEDGE_DIR, DATA_DIR: dataDir, LOG_LEVEL: 'silent' });
    expect(refused.code).toBe(1);
    expect(refused.stderr).toMatch(/already holds 1 YAML file/);
    const replaced = await dvc(['export-knowledge', out, '--replace'], { KNOWLEDGE_DIR, DATA_DIR: dataDir, LOG_LEVEL: 'silent' });
    expect(replaced.code).toBe(0);
    expect(readdirSync(path.join(out, 'procedures'))).not.toContain('cu.yaml');
    expect(readFileSync(path.join(out, 'README.md'), 'utf8')).toBe('giữ nguyên\n');
    expect(loadKnowledgeBase(out).procedures).toHaveLength(40);
  }, 60_000);

  it('says how to call it when the folder is missing', async () => {
    const run = await dvc(['export-knowledge'], { KNOWLEDGE_DIR, DATA_DIR: dataDir });
    expect(run.code).toBe(2);
    expect(run.stderr).toMatch(/usage: npm run -s dvc -- export-knowledge DIR/);
  }, 30_000);
});
