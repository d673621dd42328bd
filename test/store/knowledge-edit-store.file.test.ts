import { mkdirSync, mkdtempSync, readdirSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { silentLogger } from '../../src/log/logger.js';
import { FileKnowledgeEditStore, KNOWLEDGE_EDITS_DIR } from '../../src/store/file/file-knowledge-edit-store.js';
import { fileHarness } from './contract/harness.js';
import { describeKnowledgeEditStore } from './contract/knowledge-edit-store.contract.js';

describeKnowledgeEditStore('FileKnowledgeEditStore', fileHarness('knowledge-edits', (dir) => FileKnowledgeEditStore.open(dir, silentLogger)));

describe('FileKnowledgeEditStore files', () => {
  let dir: string;
  beforeEach(() => { dir = mkdtempSync(path.join(tmpdir(), 'dvc-knowledge-edits-')); });
  afterEach(() => rmSync(dir, { recursive: true, force: true }));
  const version = { at: '2026-11-22T10:00:00.000Z', actor: 'admin', fields: ['name'], procedure: { id: 'x' } };

  it('keeps one owner-only file per procedure, and the CLI reads the newest versions without opening the store', async () => {
    expect(await FileKnowledgeEditStore.peek(dir)).toEqual([]);
    const store = await FileKnowledgeEditStore.open(dir, silentLogger);
    await store.append('1.001193', () => version);
    await store.append('dang-ky-khai-sinh', () => version);
    await store.append('dang-ky-khai-sinh', () => ({ ...version, fields: ['aliases'] }));
    await store.close();
    const files = readdirSync(path.join(dir, KNOWLEDGE_EDITS_DIR)).sort();
    expect(files).toEqual(['1.001193.json', 'dang-ky-khai-sinh.json']);
    expect(statSync(path.join(dir, KNOWLEDGE_EDITS_DIR, files[0]!)).mode & 0o077).toBe(0);
    const peeked = await FileKnowledgeEditStore.peek(dir);
    expect(peeked.map((p) => [p.id, p.newest.version, p.newest.fields])).toEqual([['1.001193', 1, ['name']], ['dang-ky-khai-sinh', 2, ['aliases']]]);
  });

  it('moves an unreadable file aside at opening and starts that procedure afresh', async () => {
    mkdirSync(path.join(dir, KNOWLEDGE_EDITS_DIR));
    writeFileSync(path.join(dir, KNOWLEDGE_EDITS_DIR, 'p.json'), '{"version": 1, "id": "p", "versions": "no"}');
    await expect(FileKnowledgeEditStore.peek(dir)).rejects.toThrow(/p\.json: versions/);
    const store = await FileKnowledgeEditStore.open(dir, silentLogger);
    expect(await store.latest()).toEqual([]);
    expect(readdirSync(path.join(dir, KNOWLEDGE_EDITS_DIR)).some((n) => n.startsWith('p.json.corrupt-'))).toBe(true);
    await store.close();
  });
});
