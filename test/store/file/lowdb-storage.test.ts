import { mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import type { Storage } from 'botbuilder';
import { silentLogger } from '../../../src/log/logger.js';
import { LowdbStorage } from '../../../src/store/file/lowdb-storage.js';
import { captureLogger } from '../capture-logger.js';

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

  it('loses no write when many promises write at once', async () => {
    const storage = await LowdbStorage.open(file, silentLogger);
    await Promise.all(Array.from({ length: 200 }, (_, i) => storage.write({ [`k${i}`]: { i } })));
    await storage.close();
    const reopened = await LowdbStorage.open(file, silentLogger);
    const keys = Array.from({ length: 200 }, (_, i) => `k${i}`);
    expect(Object.keys(await reopened.read(keys))).toHaveLength(200);
    expect(readdirSync(dir)).toEqual(['state.json']);
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

  it('appends one line per write, reads the last line back after a restart, and rewrites the file with its last line once it grows', async () => {
    const storage = await LowdbStorage.open(file, silentLogger);
    await storage.write({ a: { n: 0 } });
    await storage.write({ a: { n: 1 } });
    const twoLines = readFileSync(file, 'utf8').split('\n');
    expect(twoLines).toHaveLength(3);
    expect(JSON.parse(twoLines[1] ?? '').items.a.n).toBe(1);
    expect(await (await LowdbStorage.open(file, silentLogger)).read(['a'])).toEqual({ a: { n: 1, eTag: expect.any(String) } });

    const text = 'chào bạn, thủ tục đăng ký thường trú '.repeat(20);
    for (let n = 2; n < 60; n++) await storage.write({ a: { n, text } });
    const lines = readFileSync(file, 'utf8').split('\n').filter(Boolean);
    expect(lines.length).toBeLessThan(58);
    expect(JSON.parse(lines.at(-1) ?? '').items.a.n).toBe(59);
    expect(await (await LowdbStorage.open(file, silentLogger)).read(['a'])).toEqual({ a: { n: 59, text, eTag: expect.any(String) } });
    expect(readdirSync(dir)).toEqual(['state.json']);
  });

  it.each([
    ['a torn last line (a process killed mid-append)', (whole: string) => `${whole}\n${whole.slice(0, 20)}`],
    ['the earlier format: one document without a newline', (whole: string) => whole],
    ['two whole lines', (whole: string) => `${whole.replace('"n":1', '"n":0')}\n${whole}\n`],
  ])('reads %s as the last whole document, and the next write leaves a file of whole lines', async (_kind, content) => {
    writeFileSync(file, content(JSON.stringify({ version: 1, items: { a: { n: 1, eTag: 'x' } } })));
    const { logger, lines } = captureLogger();
    const storage = await LowdbStorage.open(file, logger);
    expect(await storage.read(['a'])).toEqual({ a: { n: 1, eTag: 'x' } });
    expect(lines).toEqual([]);

    await storage.write({ a: { n: 2, eTag: 'x' } });
    const written = readFileSync(file, 'utf8');
    expect(written.endsWith('\n')).toBe(true);
    expect(written.split('\n').filter(Boolean).map((line) => JSON.parse(line).items.a.n).at(-1)).toBe(2);
    expect(await (await LowdbStorage.open(file, silentLogger)).read(['a'])).toEqual({ a: { n: 2, eTag: expect.any(String) } });
  });

  it('reads the line before a whole line that does not read, and says so', async () => {
    const whole = JSON.stringify({ version: 1, items: { a: { n: 1, eTag: 'x' } } });
    writeFileSync(file, `${whole}\n{"version": 1, "items": 3}\n`);
    const { logger, lines } = captureLogger();
    const storage = await LowdbStorage.open(file, logger);
    expect(await storage.read(['a'])).toEqual({ a: { n: 1, eTag: 'x' } });
    expect(lines).toContainEqual(expect.objectContaining({ level: 40, file, skipped: 1 }));
  });
});
