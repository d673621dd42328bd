import { execFile } from 'node:child_process';
import { cpSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { promisify } from 'node:util';
import { stringify } from 'yaml';
import { validateData } from '../../src/cli/validate.js';
import { loadConfig } from '../../src/config.js';
import { loadKnowledgeBase } from '../../src/knowledge/knowledge-base.js';

const config = loadConfig({});
const bundled = loadKnowledgeBase(config.KNOWLEDGE_DIR);
const cited = bundled.procedures[0]!;
const citedLine = cited.legalBasis[0]!;
const citedNumber = /\d+\/\d{4}\/[\p{L}\p{N}-]+/u.exec(citedLine)?.[0] ?? '';

let dir: string;
beforeEach(() => {
  dir = mkdtempSync(path.join(tmpdir(), 'dvc-validate-'));
  cpSync(path.join(config.KNOWLEDGE_DIR, 'procedures'), path.join(dir, 'procedures'), { recursive: true });
  writeFileSync(path.join(dir, 'superseded.yaml'), stringify({ version: 1, documents: [
    { document: `Văn bản số ${citedNumber}`, replacedBy: 'Văn bản số 999/2026/TT-XYZ', since: '2026-07-01', source: 'https://example.org/999' },
  ] }));
});
afterEach(() => rmSync(dir, { recursive: true, force: true }));

describe('dvc validate', () => {
  it('has a procedure citing a numbered document to test with', () => {
    expect(citedNumber).not.toBe('');
  });

  it('warns of procedures due for review without counting them as problems', () => {
    const report = validateData(dir, config.INTENTS_DIR, { now: new Date('2099-01-01T00:00:00Z'), reviewMonths: 6 });
    expect(report.problems).toEqual([]);
    expect(report.procedures).toBe(bundled.procedures.length);
    expect(report.warnings).toContainEqual(expect.stringMatching(new RegExp(`^${cited.id}: due for review since \\d{4}-\\d{2}-\\d{2} \\(reviewedAt ${cited.reviewedAt}, REVIEW_MONTHS=6\\)$`)));
    expect(report.warnings).toContain(`${cited.id}: legalBasis.0 cites Văn bản số ${citedNumber}, replaced by Văn bản số 999/2026/TT-XYZ since 2026-07-01`);
  });

  it('reports a broken superseded.yaml as a problem naming the file and the field', () => {
    writeFileSync(path.join(dir, 'superseded.yaml'), stringify({ version: 1, documents: [{ document: 'Thông tư cũ' }] }));
    const report = validateData(dir, config.INTENTS_DIR, { now: new Date(), reviewMonths: 6 });
    expect(report.problems).toEqual([expect.stringMatching(/superseded\.yaml: .*documents\.0\.document: must name one document with its number/)]);
  });

  it('prints the warnings and exits 0 from the command line', async () => {
    const { stdout, stderr } = await promisify(execFile)(process.execPath, ['--import', 'tsx', 'src/cli/dvc.ts', 'validate'], {
      env: { ...process.env, KNOWLEDGE_DIR: dir, REVIEW_MONTHS: '1' },
    });
    expect(stdout).toMatch(/^ok: \d+ procedures/);
    expect(stderr).toMatch(/warning\(s\), due for review/);
    expect(stderr).toContain(`- ${cited.id}: legalBasis.0 cites Văn bản số ${citedNumber}`);
  }, 30_000);
});
