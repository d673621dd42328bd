import { readFileSync, rmSync, utimesSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { importCatalogueCached } from '../../src/catalogue/catalogue-cache.js';
import { loadKnowledge } from '../../src/catalogue/load-knowledge.js';
import { mergeCatalogue, nationalCode } from '../../src/catalogue/merge-catalogue.js';
import { loadConfig } from '../../src/config.js';
import { loadKnowledgeBase } from '../../src/knowledge/knowledge-base.js';
import { procedureSchema } from '../../src/knowledge/schema.js';
import { importCatalogue } from '../../src/catalogue/import-catalogue.js';
import { csvFile, tempDir } from './catalogue-files.js';

const KNOWLEDGE_DIR = loadConfig({}).KNOWLEDGE_DIR;
const CATALOGUE = 'Mã thủ tục,Tên thủ tục,Lĩnh vực\n1.001193.000.00.00.H36,Đăng ký khai sinh,Hộ tịch\n1.000894,Đăng ký kết hôn,Hộ tịch\n2.000633,Cấp Giấy phép bán lẻ rượu,Lưu thông hàng hóa\n';

let dir: string;
beforeEach(() => { dir = tempDir(); });
afterEach(() => rmSync(dir, { recursive: true, force: true }));

describe('the knowledge with a catalogue', () => {
  it('uses the curated entry, under its own id, where it carries an imported row\'s code (or its national part)', async () => {
    const curated = loadKnowledgeBase(KNOWLEDGE_DIR).procedures;
    const { entries } = await importCatalogue(csvFile(dir, CATALOGUE));
    const merged = mergeCatalogue(curated, entries);
    expect(merged.replaced).toEqual([{ code: '1.001193.000.00.00.H36', by: 'dang-ky-khai-sinh' }, { code: '1.000894', by: 'dang-ky-ket-hon' }]);
    expect(merged.procedures.map((p) => p.id)).toEqual([...curated.map((p) => p.id), '2.000633']);
    expect(nationalCode('1.001193.000.00.00.H36')).toBe('1.001193');
  });

  it('is knowledge/ alone without CATALOGUE_FILE, and both with it', async () => {
    const config = { KNOWLEDGE_DIR, DATA_DIR: path.join(dir, 'data') };
    const plain = await loadKnowledge(config);
    const both = await loadKnowledge({ ...config, CATALOGUE_FILE: csvFile(dir, CATALOGUE) });
    expect(both.procedures.length).toBe(plain.procedures.length + 1);
    expect(both.get('2.000633')?.origin?.kind).toBe('catalogue');
    expect(both.get('dang-ky-khai-sinh')?.origin).toBeUndefined();
  });
});

describe('the catalogue cache', () => {
  it('is written on the first import and read while the file is unchanged', async () => {
    const file = csvFile(dir, CATALOGUE);
    const cacheDir = path.join(dir, 'cache');
    const first = await importCatalogueCached(file, cacheDir);
    expect(first.cached).toBe(false);
    const cacheFile = path.join(cacheDir, 'catalogue.json');
    const cache = JSON.parse(readFileSync(cacheFile, 'utf8'));
    cache.result.entries[2].name = 'read from the cache';
    writeFileSync(cacheFile, JSON.stringify(cache));
    const second = await importCatalogueCached(file, cacheDir);
    expect(second.cached).toBe(true);
    expect(second.entries[2]?.name).toBe('read from the cache');
  });

  it('imports again when the file\'s size or time changes', async () => {
    const file = csvFile(dir, CATALOGUE);
    const cacheDir = path.join(dir, 'cache');
    await importCatalogueCached(file, cacheDir);
    writeFileSync(file, CATALOGUE.replace('Cấp Giấy phép bán lẻ rượu', 'Cấp Giấy phép bán lẻ rượu (sửa)'));
    expect((await importCatalogueCached(file, cacheDir)).entries[2]?.name).toBe('Cấp Giấy phép bán lẻ rượu (sửa)');
    const later = new Date(Date.now() + 60_000);
    utimesSync(file, later, later);
    expect((await importCatalogueCached(file, cacheDir)).cached).toBe(false);
  });

  it('ignores an unreadable cache and writes it anew', async () => {
    const file = csvFile(dir, CATALOGUE);
    const cacheDir = path.join(dir, 'cache');
    await importCatalogueCached(file, cacheDir);
    writeFileSync(path.join(cacheDir, 'catalogue.json'), '{not json');
    expect(await importCatalogueCached(file, cacheDir)).toMatchObject({ cached: false, entries: expect.arrayContaining([expect.objectContaining({ id: '2.000633' })]) });
    expect((await importCatalogueCached(file, cacheDir)).cached).toBe(true);
  });
});

describe('the procedure schema', () => {
  const curated = () => structuredClone(loadKnowledgeBase(KNOWLEDGE_DIR).get('dang-ky-khai-sinh')!);

  it.each([
    ['no documents', (p: ReturnType<typeof curated>) => { p.cases[0]!.documents = []; }, 'cases.0.documents'],
    ['no fee line', (p: ReturnType<typeof curated>) => { p.cases[0]!.fees = []; }, 'cases.0.fees'],
    ['no legal basis', (p: ReturnType<typeof curated>) => { p.legalBasis = []; }, 'legalBasis'],
    ['no review date', (p: ReturnType<typeof curated>) => { p.reviewedAt = null; }, 'reviewedAt'],
    ['an unknown online level', (p: ReturnType<typeof curated>) => { p.online.availability = 'unknown'; }, 'online.availability'],
    ['a catalogue code as id', (p: ReturnType<typeof curated>) => { p.id = '1.001193'; }, 'id'],
  ])('keeps a curated entry as strict as before: %s is refused', (_what, change, field) => {
    const p = curated();
    change(p);
    const result = procedureSchema.safeParse(p);
    expect(result.success).toBe(false);
    expect(result.error?.issues.map((i) => i.path.join('.'))).toContain(field);
  });

  it('accepts an imported entry with those cells empty, under its catalogue code', () => {
    const p = { ...curated(), id: '1.001193', aliases: [], steps: [], legalBasis: [], submitAt: [], agency: '', level: null, reviewedAt: null, origin: { kind: 'catalogue', file: 'a.csv', row: 2 } };
    p.cases = [{ ...p.cases[0]!, documents: [], fees: [], duration: '' }];
    p.online = { availability: 'unknown', url: null };
    expect(procedureSchema.safeParse(p).success).toBe(true);
  });
});
