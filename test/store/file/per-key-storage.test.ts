import { mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import type { Storage } from 'botbuilder';
import { silentLogger } from '../../../src/log/logger.js';
import { PerKeyStorage } from '../../../src/store/file/per-key-storage.js';

let dir: string;
beforeEach(() => { dir = mkdtempSync(path.join(tmpdir(), 'dvc-perkey-')); });
afterEach(() => rmSync(dir, { recursive: true, force: true }));

describe('PerKeyStorage', () => {
  it('keeps each key in its own file, so a write rewrites that key only', async () => {
    const storage: Storage = await PerKeyStorage.open(dir, silentLogger);
    await storage.write({ 'directline/conversations/a/': { n: 1 }, 'directline/conversations/b/': { n: 2 } });
    const files = readdirSync(dir);
    expect(files).toHaveLength(2);
    const contents = files.map((f) => JSON.parse(readFileSync(path.join(dir, f), 'utf8')) as { items: Record<string, unknown> });
    expect(contents.map((c) => Object.keys(c.items))).toEqual(expect.arrayContaining([['directline/conversations/a/'], ['directline/conversations/b/']]));
    expect(await storage.read(['directline/conversations/b/', 'missing'])).toEqual({ 'directline/conversations/b/': { n: 2, eTag: expect.any(String) } });
  });

  it('reads back after a restart, and after files were let go under a small open-file limit', async () => {
    const storage = await PerKeyStorage.open(dir, silentLogger, { maxOpen: 3 });
    const keys = Array.from({ length: 20 }, (_, i) => `conversation-${i}`);
    await Promise.all(keys.map((key, i) => storage.write({ [key]: { i } })));
    // Interleave reads and writes so that files are let go and reopened while in use.
    await Promise.all(keys.map(async (key, i) => {
      const { [key]: item } = await storage.read([key]);
      await storage.write({ [key]: { i: i * 10, eTag: item!.eTag } });
    }));
    await storage.close();
    const reopened = await PerKeyStorage.open(dir, silentLogger);
    const all = await reopened.read(keys);
    expect(keys.map((key) => all[key]?.i)).toEqual(keys.map((_, i) => i * 10));
  });
});
