import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { stringify } from 'yaml';
import { loadConfig } from '../../src/config.js';
import { DataFileError } from '../../src/errors.js';
import { loadSuperseded } from '../../src/knowledge/superseded.js';

const entry = {
  document: 'Thông tư số 60/2023/TT-BTC',
  replacedBy: 'Thông tư số 155/2025/TT-BTC',
  since: '2026-01-01',
  source: 'https://example.org/155-2025-tt-btc',
};

let dir: string;
beforeEach(() => { dir = mkdtempSync(path.join(tmpdir(), 'dvc-superseded-')); });
afterEach(() => rmSync(dir, { recursive: true, force: true }));

function write(data: unknown): string {
  const file = path.join(dir, 'superseded.yaml');
  writeFileSync(file, stringify(data));
  return file;
}

function problem(): string {
  try {
    loadSuperseded(dir);
  } catch (err) {
    if (err instanceof DataFileError) return err.message;
    throw err;
  }
  throw new Error('loaded without a problem');
}

describe('the list of superseded legal documents', () => {
  it('is read from superseded.yaml in the knowledge folder, scope included', () => {
    write({ version: 1, documents: [entry, { ...entry, document: 'Thông tư số 55/2021/TT-BCA', scope: 'các biểu mẫu' }] });
    expect(loadSuperseded(dir)).toEqual([entry, { ...entry, document: 'Thông tư số 55/2021/TT-BCA', scope: 'các biểu mẫu' }]);
  });

  it('is empty for a knowledge folder without one, such as a written catalogue', () => {
    expect(loadSuperseded(dir)).toEqual([]);
  });

  it('of the bundled knowledge loads, each entry with a source', () => {
    const documents = loadSuperseded(loadConfig({}).KNOWLEDGE_DIR);
    expect(documents.length).toBeGreaterThan(0);
    for (const d of documents) expect(d.source).toMatch(/^https:\/\//);
  });

  it.each([
    ['a wrong version', { version: 2, documents: [entry] }, 'version'],
    ['a document without its number', { version: 1, documents: [{ ...entry, document: 'Thông tư về lệ phí đăng ký xe' }] }, 'documents.0.document'],
    ['a date that is not YYYY-MM-DD', { version: 1, documents: [{ ...entry, since: '01/01/2026' }] }, 'documents.0.since'],
    ['a source that is not a URL', { version: 1, documents: [{ ...entry, source: 'Bộ Tài chính' }] }, 'documents.0.source'],
    ['an unknown field', { version: 1, documents: [{ ...entry, replaced: true }] }, 'documents.0'],
  ])('refuses %s, naming the file and the field', (_what, data, field) => {
    const file = write(data);
    const message = problem();
    expect(message).toContain(file);
    expect(message).toContain(`${field}:`);
  });
});
