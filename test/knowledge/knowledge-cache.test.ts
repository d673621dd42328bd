import { cpSync, existsSync, mkdtempSync, readFileSync, rmSync, utimesSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { loadConfig } from '../../src/config.js';
import { KnowledgeLoadError, loadKnowledgeBase } from '../../src/knowledge/knowledge-base.js';
import { loadKnowledgeBaseCached } from '../../src/knowledge/knowledge-cache.js';
import { captureLogger } from '../store/capture-logger.js';

const bundledDir = loadConfig({}).KNOWLEDGE_DIR;
let work: string;
let knowledgeDir: string;
let cacheDir: string;
let cacheFile: string;

beforeEach(() => {
  work = mkdtempSync(path.join(tmpdir(), 'dvc-knowledge-cache-'));
  knowledgeDir = path.join(work, 'knowledge');
  cacheDir = path.join(work, 'data', 'cache');
  cacheFile = path.join(cacheDir, 'knowledge.json');
  cpSync(bundledDir, knowledgeDir, { recursive: true });
});

afterEach(() => rmSync(work, { recursive: true, force: true }));

/** Rewrites the cache's copy of a procedure's name, so a load shows whether it read the cache. */
function markCachedName(id: string, name: string): void {
  const cache = JSON.parse(readFileSync(cacheFile, 'utf8')) as { procedures: Array<{ id: string; name: string }> };
  const procedure = cache.procedures.find((p) => p.id === id);
  if (!procedure) throw new Error(`${id} is not in the cache`);
  procedure.name = name;
  writeFileSync(cacheFile, JSON.stringify(cache));
}

function yamlOf(id: string): string {
  return path.join(knowledgeDir, 'procedures', `${id}.yaml`);
}

describe('the knowledge cache', () => {
  it('gives the same knowledge as the YAML, and is written on the first load', async () => {
    expect(existsSync(cacheFile)).toBe(false);
    const first = await loadKnowledgeBaseCached(knowledgeDir, cacheDir);
    expect(existsSync(cacheFile)).toBe(true);
    const fromYaml = loadKnowledgeBase(knowledgeDir).procedures;
    expect(first.procedures).toEqual(fromYaml);
    expect((await loadKnowledgeBaseCached(knowledgeDir, cacheDir)).procedures).toEqual(fromYaml);
  });

  it('is read instead of the YAML while the files are unchanged', async () => {
    const id = (await loadKnowledgeBaseCached(knowledgeDir, cacheDir)).procedures[0]!.id;
    markCachedName(id, 'read from the cache');
    expect((await loadKnowledgeBaseCached(knowledgeDir, cacheDir)).get(id)?.name).toBe('read from the cache');
  });

  it('is not used once a procedure file changes, is added or is removed', async () => {
    const procedures = (await loadKnowledgeBaseCached(knowledgeDir, cacheDir)).procedures;
    const [edited, removed] = [procedures[0]!, procedures[1]!];
    const text = readFileSync(yamlOf(edited.id), 'utf8');

    markCachedName(edited.id, 'stale');
    writeFileSync(yamlOf(edited.id), text.replace(`name: ${edited.name}`, `name: ${edited.name} (sửa)`));
    expect((await loadKnowledgeBaseCached(knowledgeDir, cacheDir)).get(edited.id)?.name).toBe(`${edited.name} (sửa)`);

    // Same size, other content: the modification time tells.
    markCachedName(edited.id, 'stale');
    writeFileSync(yamlOf(edited.id), text.replace(`name: ${edited.name}`, `name: ${edited.name.split('').reverse().join('')}`));
    utimesSync(yamlOf(edited.id), new Date(), new Date(Date.now() + 5000));
    expect((await loadKnowledgeBaseCached(knowledgeDir, cacheDir)).get(edited.id)?.name).toBe(edited.name.split('').reverse().join(''));

    rmSync(yamlOf(removed.id));
    // Documents may name the removed procedure: the YAML load reports that, the cache must not hide it.
    const referenced = procedures.some((p) => p.cases.some((c) => c.documents.some((d) => d.procedure === removed.id)));
    if (referenced) await expect(loadKnowledgeBaseCached(knowledgeDir, cacheDir)).rejects.toThrow(KnowledgeLoadError);
    else expect((await loadKnowledgeBaseCached(knowledgeDir, cacheDir)).has(removed.id)).toBe(false);
  });

  it('does not hide a broken file', async () => {
    const id = (await loadKnowledgeBaseCached(knowledgeDir, cacheDir)).procedures[0]!.id;
    writeFileSync(yamlOf(id), 'id: [unclosed\n');
    await expect(loadKnowledgeBaseCached(knowledgeDir, cacheDir)).rejects.toThrow(KnowledgeLoadError);
  });

  it('is rebuilt when unreadable, and the knowledge still loads when it cannot be written', async () => {
    const fromYaml = loadKnowledgeBase(knowledgeDir).procedures;
    await loadKnowledgeBaseCached(knowledgeDir, cacheDir);
    writeFileSync(cacheFile, '{"stamp": "trunc');
    expect((await loadKnowledgeBaseCached(knowledgeDir, cacheDir)).procedures).toEqual(fromYaml);
    expect(() => JSON.parse(readFileSync(cacheFile, 'utf8')) as unknown).not.toThrow();

    const { logger, lines } = captureLogger();
    const blocked = path.join(work, 'a-file');
    writeFileSync(blocked, '');
    expect((await loadKnowledgeBaseCached(knowledgeDir, path.join(blocked, 'cache'), logger)).procedures).toEqual(fromYaml);
    expect(lines.map((l) => l.msg)).toEqual([expect.stringMatching(/knowledge cache/)]);
  });
});
