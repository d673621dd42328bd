import { mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { combinationCount, generateCatalogue, NATIONAL_CATALOGUE_SIZE } from '../../src/synthetic/generate.js';
import { writeCatalogue } from '../../src/synthetic/write-catalogue.js';
import { loadKnowledgeBase } from '../../src/knowledge/knowledge-base.js';
import { procedureSchema } from '../../src/knowledge/schema.js';
import { loadSuperseded } from '../../src/knowledge/superseded.js';
import { foldText } from '../../src/nlu/vi/fold.js';
import { loadConfig } from '../../src/config.js';

const config = loadConfig({});
const bundled = loadKnowledgeBase(config.KNOWLEDGE_DIR).procedures;

describe('the synthetic national catalogue', () => {
  const catalogue = generateCatalogue(bundled, { size: NATIONAL_CATALOGUE_SIZE });

  it('makes up the size of the national catalogue together with the bundled procedures', () => {
    expect(bundled.length + catalogue.length).toBe(6842);
    expect(combinationCount()).toBeGreaterThan(6842);
  });

  it('is the same for the same seed and different for another', () => {
    const again = generateCatalogue(bundled, { size: 300 });
    expect(again).toEqual(catalogue.slice(0, 260));
    expect(generateCatalogue(bundled, { size: 300, seed: 2 }).map((p) => p.id)).not.toEqual(again.map((p) => p.id));
  });

  it('holds procedures that pass the knowledge schema, with unique ids and names', () => {
    for (const p of catalogue) expect(procedureSchema.safeParse(p).success).toBe(true);
    const ids = [...bundled, ...catalogue].map((p) => p.id);
    expect(new Set(ids).size).toBe(ids.length);
    expect(new Set(catalogue.map((p) => foldText(p.name))).size).toBe(catalogue.length);
  });

  it('never takes a name or alias the bundled procedures use, so their questions still find them', () => {
    const taken = new Set(bundled.flatMap((p) => [p.name, ...p.aliases]).map(foldText));
    for (const p of catalogue) {
      for (const phrase of [p.name, ...p.aliases]) expect(taken.has(foldText(phrase))).toBe(false);
    }
  });

  it('names procedures the way the national portal does, with aliases in everyday words', () => {
    const p = catalogue.find((c) => c.name.startsWith('Cấp lại '));
    expect(p).toBeDefined();
    expect(p?.aliases.some((a) => a.startsWith('làm lại ') || a.startsWith('xin cấp lại '))).toBe(true);
    expect(new Set(catalogue.map((c) => c.field)).size).toBeGreaterThanOrEqual(15);
  });

  it('refuses a size the name parts cannot make', () => {
    expect(() => generateCatalogue(bundled, { size: combinationCount() + 100 })).toThrow(/name parts make only/);
  });
});

describe('a written catalogue', () => {
  let dir: string;
  beforeAll(() => { dir = mkdtempSync(path.join(tmpdir(), 'dvc-catalogue-')); });
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  it('loads with KNOWLEDGE_DIR: the bundled procedures as they are, and the synthetic ones', () => {
    const written = writeCatalogue(dir, config.KNOWLEDGE_DIR, { size: 120 });
    expect(written).toEqual({ dir, bundled: bundled.length, synthetic: 120 - bundled.length });
    const kb = loadKnowledgeBase(dir);
    expect(kb.procedures).toHaveLength(120);
    expect(kb.get('dang-ky-khai-sinh')).toEqual(bundled.find((p) => p.id === 'dang-ky-khai-sinh'));
    expect(readFileSync(path.join(dir, 'procedures', 'bundled', 'dang-ky-khai-sinh.yaml'), 'utf8'))
      .toBe(readFileSync(path.join(config.KNOWLEDGE_DIR, 'procedures', 'dang-ky-khai-sinh.yaml'), 'utf8'));
    expect(readdirSync(path.join(dir, 'procedures', 'synthetic'))).toHaveLength(120 - bundled.length);
    expect(loadSuperseded(dir)).toEqual(loadSuperseded(config.KNOWLEDGE_DIR));
  });

  it('is not written over an earlier one', () => {
    expect(() => writeCatalogue(dir, config.KNOWLEDGE_DIR, { size: 120 })).toThrow(/not empty/);
  });
});
