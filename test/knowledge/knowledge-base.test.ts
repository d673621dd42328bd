import { existsSync, mkdtempSync, writeFileSync, readFileSync, rmSync, mkdirSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { parse, stringify } from 'yaml';
import { loadKnowledgeBase, KnowledgeLoadError } from '../../src/knowledge/knowledge-base.js';
import { loadConfig } from '../../src/config.js';
import { validateData } from '../../src/cli/validate.js';

const config = loadConfig({});
// The contract sits beside the checkout (/work/main) or, from a worktree (/work/wt/<name>), one level up.
const contractFile = ['..', '../..'].map((up) => path.join(config.KNOWLEDGE_DIR, '..', up, 'shared', 'contract', 'procedures.tsv')).find((f) => existsSync(f)) ?? '';
const contractIds = readFileSync(contractFile, 'utf8')
  .split('\n').slice(1).filter((l) => l.trim()).map((l) => l.split('\t')[0]);
const sample = parse(readFileSync(path.join(config.KNOWLEDGE_DIR, 'procedures', 'dang-ky-khai-sinh.yaml'), 'utf8')) as Record<string, unknown>;

const review = { now: new Date(), reviewMonths: config.REVIEW_MONTHS };

let dir: string;
beforeEach(() => { dir = mkdtempSync(path.join(tmpdir(), 'dvc-kb-')); });
afterEach(() => rmSync(dir, { recursive: true, force: true }));

function write(name: string, data: unknown): string {
  const file = path.join(dir, 'procedures', name);
  mkdirSync(path.dirname(file), { recursive: true });
  writeFileSync(file, typeof data === 'string' ? data : stringify(data));
  return file;
}

function problems(): string[] {
  try {
    loadKnowledgeBase(dir);
    return [];
  } catch (err) {
    if (!(err instanceof KnowledgeLoadError)) throw err;
    return err.errors.map((e) => e.message);
  }
}

describe('the knowledge base', () => {
  it('holds every procedure of the contract, each with a legal basis and a review date', () => {
    const kb = loadKnowledgeBase(config.KNOWLEDGE_DIR);
    expect(contractIds.length).toBeGreaterThanOrEqual(40);
    for (const id of contractIds) {
      const p = kb.get(id as string);
      expect(p).toBeDefined();
      expect(p?.legalBasis.length).toBeGreaterThan(0);
      expect(p?.reviewedAt).toMatch(/^2026-/);
    }
  });

  it('passes the cross-checks of `dvc validate` together with the training data', () => {
    expect(validateData(config.KNOWLEDGE_DIR, config.INTENTS_DIR, review).problems).toEqual([]);
  });

  it('asks `dvc validate` for an explanation of a document the guide could not explain', () => {
    // Alone in the folder, so without its link to another procedure.
    const cases = (sample.cases as Array<{ documents: Array<Record<string, unknown>> }>).map((c) => ({
      ...c,
      documents: c.documents.map(({ procedure: _link, ...d }) => (d.name === 'Giấy chứng sinh' ? { name: 'Giấy chứng sinh', form: '1 bản chính' } : d)),
    }));
    write('dang-ky-khai-sinh.yaml', { ...sample, cases });
    const found = validateData(dir, config.INTENTS_DIR, review).problems.filter((p) => p.includes('explain'));
    expect(found).toEqual([expect.stringMatching(/^dang-ky-khai-sinh: cases\.0\.documents\.1 \("Giấy chứng sinh"\): add `explain`/)]);
  });

  it('reads procedures from procedures/ only, not the other data beside it', () => {
    write('dang-ky-ket-hon.yaml', { ...sample, id: 'dang-ky-ket-hon' });
    write('dang-ky-khai-sinh.yaml', sample);
    writeFileSync(path.join(dir, 'superseded.yaml'), stringify({ version: 1, documents: [] }));
    mkdirSync(path.join(dir, 'reviews'));
    writeFileSync(path.join(dir, 'reviews', 'notes.yaml'), 'not: a procedure\n');
    expect(problems()).toEqual([]);
    expect(loadKnowledgeBase(dir).procedures.map((p) => p.id)).toEqual(['dang-ky-ket-hon', 'dang-ky-khai-sinh']);
  });

  it('names the procedures folder when it is missing', () => {
    writeFileSync(path.join(dir, 'dang-ky-khai-sinh.yaml'), stringify(sample));
    expect(problems()).toEqual([`${path.join(dir, 'procedures')}: cannot be read: ENOENT`]);
  });

  it('names the file, the field and what is wrong', () => {
    const file = write('dang-ky-khai-sinh.yaml', { ...sample, online: { availability: 'sometimes', url: null } });
    const [message] = problems();
    expect(message).toContain(file);
    expect(message).toContain('online.availability');
  });

  it('refuses a fee that is not a whole number of đồng', () => {
    const cases = (sample.cases as Array<Record<string, unknown>>).map((c) => ({ ...c, fees: [{ label: 'Lệ phí', amount: 'năm nghìn' }] }));
    write('dang-ky-khai-sinh.yaml', { ...sample, cases });
    expect(problems()[0]).toMatch(/cases\.0\.fees\.0\.amount/);
  });

  it('refuses an id that does not match its file name', () => {
    write('khai-sinh.yaml', sample);
    expect(problems()[0]).toMatch(/must match the file name/);
  });

  it('refuses a link to an unknown procedure', () => {
    write('dang-ky-khai-sinh.yaml', sample);
    expect(problems().join('\n')).toMatch(/unknown procedure id "dang-ky-ket-hon"/);
  });

  it('reports invalid YAML with its line', () => {
    write('dang-ky-khai-sinh.yaml', 'version: 1\nid: [unclosed\n');
    expect(problems()[0]).toMatch(/not valid YAML/);
  });

  it('reports a missing required field', () => {
    const { legalBasis: _dropped, ...rest } = sample;
    write('sub/dang-ky-khai-sinh.yaml', rest);
    expect(problems()[0]).toMatch(/legalBasis: Required/);
  });
});
