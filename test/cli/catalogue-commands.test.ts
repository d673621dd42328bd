import { execFile } from 'node:child_process';
import { readdirSync, rmSync } from 'node:fs';
import path from 'node:path';
import { loadKnowledgeBase } from '../../src/knowledge/knowledge-base.js';
import { csvFile, tempDir } from '../catalogue/catalogue-files.js';

// The commands as an operator runs them: a real process, real files in a temp dir.

interface Run { code: number; stdout: string; stderr: string }

function dvc(args: string[], env: Record<string, string> = {}, input?: string): Promise<Run> {
  return new Promise((resolve) => {
    const child = execFile(process.execPath, ['--import', 'tsx', 'src/cli/dvc.ts', ...args], { env: { ...process.env, ...env }, maxBuffer: 16 * 1024 * 1024 }, (err, stdout, stderr) => {
      resolve({ code: err ? (typeof err.code === 'number' ? err.code : 1) : 0, stdout, stderr });
    });
    if (input !== undefined) child.stdin?.end(input);
  });
}

const CATALOGUE = [
  'Mã thủ tục,Tên thủ tục,Lĩnh vực,Thành phần hồ sơ,"Phí, lệ phí",Thời hạn giải quyết',
  '2.000633,Cấp Giấy phép bán lẻ rượu,Lưu thông hàng hóa trong nước,"1. Đơn đề nghị\n2. Bản sao giấy chứng nhận đăng ký hộ kinh doanh","Phí thẩm định: 1.200.000 đồng",10 ngày làm việc',
  '2.000620,Cấp lại Giấy phép bán lẻ rượu,Lưu thông hàng hóa trong nước,1. Đơn đề nghị cấp lại,,10 ngày làm việc',
  '1.001193,Đăng ký khai sinh,Hộ tịch,Tờ khai,Không,Trong ngày',
  ',Dòng không mã,Hộ tịch,,,',
].join('\n');

let dir: string;
let catalogue: string;
beforeAll(() => {
  dir = tempDir('dvc-cli-catalogue-');
  catalogue = csvFile(dir, CATALOGUE);
});
afterAll(() => rmSync(dir, { recursive: true, force: true }));

describe('npm run dvc -- import-catalogue', () => {
  it('prints what it read, imported and skipped, each skipped row with its row, column and reason, and exits 0', async () => {
    const run = await dvc(['import-catalogue', catalogue]);
    expect(run.code).toBe(0);
    expect(run.stdout).toContain('skipped row 5, column "Mã thủ tục": empty');
    expect(run.stdout).toMatch(/read 4 row\(s\), imported 3, skipped 1/);
    expect(run.stdout).toMatch(/nothing written/);
  }, 30_000);

  it('writes one YAML entry per row into --out, which the knowledge loader reads back', async () => {
    const out = path.join(dir, 'entries');
    const run = await dvc(['import-catalogue', catalogue, '--out', out]);
    expect(run.code).toBe(0);
    expect(readdirSync(path.join(out, 'procedures')).sort()).toEqual(['1.001193.yaml', '2.000620.yaml', '2.000633.yaml']);
    const knowledge = loadKnowledgeBase(out);
    expect(knowledge.get('2.000633')).toMatchObject({ name: 'Cấp Giấy phép bán lẻ rượu', origin: { kind: 'catalogue', file: 'danh-muc.csv', row: 2 } });
    expect(knowledge.get('2.000633')?.cases[0]?.fees).toEqual([{ label: 'Phí thẩm định', amount: 1_200_000 }]);
  }, 30_000);

  it.each([
    ['a file that is not there', (d: string) => [path.join(d, 'none.csv')], /no such file/],
    ['a file without a required column', (d: string) => [csvFile(d, 'Tên thủ tục\nA\n', 'no-code.csv')], /lacks the required columns? "Mã thủ tục", "Lĩnh vực"/],
    ['a folder that already holds entries', (d: string) => [csvFile(d, CATALOGUE, 'again.csv'), '--out', path.join(d, 'entries')], /already holds/],
  ])('exits 1 with one sentence for %s', async (_what, args, message) => {
    const run = await dvc(['import-catalogue', ...args(dir)]);
    expect(run.code).toBe(1);
    expect(run.stderr.trim()).toMatch(message);
    expect(run.stderr.trim().split('\n')).toHaveLength(1);
  }, 30_000);

  it('exits 2 with the usage when no file is given', async () => {
    const run = await dvc(['import-catalogue']);
    expect(run.code).toBe(2);
    expect(run.stderr).toMatch(/usage: npm run -s dvc -- import-catalogue FILE \[--out DIR\]/);
  }, 30_000);
});

describe('CATALOGUE_FILE for the commands', () => {
  const env = (): Record<string, string> => ({ DATA_DIR: path.join(dir, 'data'), CATALOGUE_FILE: catalogue });

  it.each([
    ['with diacritics', 'xin giấy phép bán lẻ rượu hết bao nhiêu tiền', 'procedure.fee', '2.000633'],
    ['without diacritics', 'xin giay phep ban le ruou het bao nhieu tien', 'procedure.fee', '2.000633'],
    ['the near-twin, by its action', 'làm lại giấy phép bán rượu cần giấy tờ gì', 'procedure.documents', '2.000620'],
    ['a curated procedure whose code the catalogue repeats, under its own id', 'đăng ký khai sinh cần giấy tờ gì', 'procedure.documents', 'dang-ky-khai-sinh'],
  ])('makes dvc parse name imported procedures by their code (%s)', async (_what, text, intent, procedure) => {
    const run = await dvc(['parse'], env(), `${text}\n`);
    expect(run.code).toBe(0);
    expect(JSON.parse(run.stdout)).toMatchObject({ text, intent, procedure });
  }, 60_000);

  it('adds no training sentences: export-training gives the same utterances with and without it', async () => {
    const [withCatalogue, without] = await Promise.all([dvc(['export-training'], env()), dvc(['export-training'], { DATA_DIR: path.join(dir, 'data-plain') })]);
    expect(withCatalogue.code).toBe(0);
    expect(withCatalogue.stdout.split('\n').length).toBeGreaterThan(1000);
    expect(withCatalogue.stdout).toBe(without.stdout);
  }, 60_000);

  it('stops parse and export-training with one sentence when the file cannot be read', async () => {
    for (const command of ['parse', 'export-training']) {
      const run = await dvc([command, 'x'], { ...env(), CATALOGUE_FILE: path.join(dir, 'gone.csv') });
      expect(run.code).toBe(1);
      expect(run.stderr.trim()).toMatch(/^dvc: Cannot read .*gone\.csv: there is no such file\.$/);
    }
  }, 60_000);
});
