import { mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import type { Storage } from 'botbuilder';
import { silentLogger } from '../../src/log/logger.js';
import { LowdbStorage, StorageConflictError } from '../../src/store/lowdb-storage.js';
import { captureLogger } from './capture-logger.js';

let dir: string;
let file: string;
beforeEach(() => {
  dir = mkdtempSync(path.join(tmpdir(), 'dvc-storage-'));
  file = path.join(dir, 'state.json');
});
afterEach(() => rmSync(dir, { recursive: true, force: true }));

describe('LowdbStorage', () => {
  it('is a botbuilder Storage that reads back what it wrote, from a real file', async () => {
    const storage: Storage = await LowdbStorage.open(file, silentLogger);
    await storage.write({ a: { count: 1, nested: { list: [1, 2] } } });
    const read = await storage.read(['a', 'missing']);
    expect(read).toEqual({ a: { count: 1, nested: { list: [1, 2] }, eTag: expect.any(String) } });
    expect(JSON.parse(readFileSync(file, 'utf8')).items.a.count).toBe(1);
  });

  it('answers deep copies, so changing what was read or written changes nothing stored', async () => {
    const storage = await LowdbStorage.open(file, silentLogger);
    const item = { nested: { value: 'before' } };
    await storage.write({ a: item });
    item.nested.value = 'written object changed';
    const first = await storage.read(['a']);
    (first.a?.nested as { value: string }).value = 'read object changed';
    expect((await storage.read(['a'])).a?.nested).toEqual({ value: 'before' });
  });

  it('gives every write a new eTag', async () => {
    const storage = await LowdbStorage.open(file, silentLogger);
    await storage.write({ a: { n: 1 } });
    const first = (await storage.read(['a'])).a?.eTag;
    await storage.write({ a: { n: 2, eTag: first } });
    const second = (await storage.read(['a'])).a?.eTag;
    expect(second).toEqual(expect.any(String));
    expect(second).not.toBe(first);
  });

  it.each([['"*"', '*'], ['no eTag', undefined]])('always writes an item with %s', async (_kind, eTag) => {
    const storage = await LowdbStorage.open(file, silentLogger);
    await storage.write({ a: { n: 1 } });
    await storage.write({ a: { n: 2, ...(eTag ? { eTag } : {}) } });
    expect((await storage.read(['a'])).a?.n).toBe(2);
  });

  it('refuses a write with a stale eTag and changes nothing, not even the other items', async () => {
    const storage = await LowdbStorage.open(file, silentLogger);
    await storage.write({ a: { n: 1 } });
    const stale = (await storage.read(['a'])).a?.eTag;
    await storage.write({ a: { n: 2, eTag: stale } });
    await expect(storage.write({ a: { n: 3, eTag: stale }, b: { n: 1 } })).rejects.toBeInstanceOf(StorageConflictError);
    expect(await storage.read(['a', 'b'])).toEqual({ a: expect.objectContaining({ n: 2 }) });
  });

  it('lets exactly one of two writers holding the same eTag win', async () => {
    const storage = await LowdbStorage.open(file, silentLogger);
    await storage.write({ a: { n: 0 } });
    const eTag = (await storage.read(['a'])).a?.eTag;
    const results = await Promise.allSettled([storage.write({ a: { n: 1, eTag } }), storage.write({ a: { n: 2, eTag } })]);
    expect(results.map((r) => r.status)).toEqual(['fulfilled', 'rejected']);
    expect((await storage.read(['a'])).a?.n).toBe(1);
  });

  it('keeps its state when the file is opened again', async () => {
    const storage = await LowdbStorage.open(file, silentLogger);
    await storage.write({ a: { text: 'đăng ký tạm trú' }, b: { n: 1 } });
    await storage.delete(['b']);
    const eTag = (await storage.read(['a'])).a?.eTag;
    await storage.close();

    const reopened = await LowdbStorage.open(file, silentLogger);
    expect(await reopened.read(['a', 'b'])).toEqual({ a: { text: 'đăng ký tạm trú', eTag } });
    await expect(reopened.write({ a: { text: 'x', eTag: 'stale' } })).rejects.toBeInstanceOf(StorageConflictError);
  });

  it('loses no write when many promises write at once', async () => {
    const storage = await LowdbStorage.open(file, silentLogger);
    await Promise.all(Array.from({ length: 200 }, (_, i) => storage.write({ [`k${i}`]: { i } })));
    await storage.close();
    const reopened = await LowdbStorage.open(file, silentLogger);
    const keys = Array.from({ length: 200 }, (_, i) => `k${i}`);
    expect(Object.keys(await reopened.read(keys))).toHaveLength(200);
    expect(readdirSync(dir)).toEqual(['state.json']);
  });

  it('counts correctly when many writers update one item with its eTag and retry on conflict', async () => {
    const storage = await LowdbStorage.open(file, silentLogger);
    await storage.write({ counter: { n: 0 } });
    const increment = async (): Promise<void> => {
      for (;;) {
        const { counter } = await storage.read(['counter']);
        try {
          await storage.write({ counter: { n: (counter?.n as number) + 1, eTag: counter?.eTag } });
          return;
        } catch (err) {
          if (!(err instanceof StorageConflictError)) throw err;
        }
      }
    };
    await Promise.all(Array.from({ length: 25 }, increment));
    expect((await storage.read(['counter'])).counter?.n).toBe(25);
  });

  it.each([
    ['not JSON', '{"version": 1, "items": {'],
    ['JSON of the wrong shape', '{"version": 2, "things": []}'],
  ])('moves a file that is %s aside, says so, and starts empty', async (_kind, content) => {
    writeFileSync(file, content);
    const { logger, lines } = captureLogger();
    const storage = await LowdbStorage.open(file, logger);
    expect(await storage.read(['a'])).toEqual({});

    const aside = readdirSync(dir).filter((f) => /^state\.json\.corrupt-\d{4}-\d\d-\d\dT[\d-]+Z$/.test(f));
    expect(aside).toHaveLength(1);
    expect(readFileSync(path.join(dir, aside[0] ?? ''), 'utf8')).toBe(content);
    expect(lines).toContainEqual(expect.objectContaining({ level: 50, file, movedTo: path.join(dir, aside[0] ?? ''), msg: expect.stringMatching(/moved it to/) }));

    await storage.write({ a: { n: 1 } });
    expect(JSON.parse(readFileSync(file, 'utf8')).items.a.n).toBe(1);
  });
});
