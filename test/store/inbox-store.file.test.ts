import { appendFileSync, existsSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { silentLogger } from '../../src/log/logger.js';
import { FileInboxStore, INBOX_LOG } from '../../src/store/file/file-inbox-store.js';
import { captureLogger } from './capture-logger.js';
import { describeInboxStore, inboxItem } from './contract/inbox-store.contract.js';
import { fileHarness } from './contract/harness.js';

describeInboxStore('FileInboxStore', fileHarness('inbox', (dir) => FileInboxStore.open(dir, silentLogger, { capacity: 30 })), 30);
// A negative slack compacts after nearly every write: the contract holds across compactions too.
describeInboxStore('FileInboxStore compacting after every write', fileHarness('inbox', (dir) => FileInboxStore.open(dir, silentLogger, { capacity: 30, compactSlack: -1000 })), 30);

describe('FileInboxStore', () => {
  let dir: string;
  beforeEach(() => { dir = mkdtempSync(path.join(tmpdir(), 'dvc-inbox-')); });
  afterEach(() => rmSync(dir, { recursive: true, force: true }));
  const log = () => path.join(dir, INBOX_LOG);
  const lines = () => readFileSync(log(), 'utf8').split('\n').filter(Boolean);

  it('records a question by appending one line, and a resolution by another', async () => {
    const store = await FileInboxStore.open(dir, silentLogger);
    await store.add(Array.from({ length: 100 }, (_, i) => inboxItem(i)));
    const before = readFileSync(log(), 'utf8');
    await store.add([inboxItem(100)]);
    await store.resolve(['q100'], { status: 'dismissed', resolvedAt: '2026-11-23T08:00:00.000Z' });
    const after = readFileSync(log(), 'utf8');
    expect(after.startsWith(before)).toBe(true);
    expect(after.slice(before.length).trim().split('\n').map((l) => JSON.parse(l).e)).toEqual(['add', 'resolve']);
    await store.close();
  });

  it('compacts the log once it holds far more records than questions, keeping every question as it is', async () => {
    const store = await FileInboxStore.open(dir, silentLogger, { capacity: 10, compactSlack: 5 });
    for (let i = 0; i < 40; i++) await store.add([inboxItem(i)]);
    await store.resolve(['q39'], { status: 'labelled', resolvedAt: '2026-11-23T08:00:00.000Z' });
    const kept = await store.list('all');
    expect(lines().length).toBeLessThan(30);
    await store.close();
    const again = await FileInboxStore.open(dir, silentLogger, { capacity: 10 });
    expect(await again.list('all')).toEqual(kept);
    await again.close();
  });

  it('drops a last line cut short by a crash, and appends after it cleanly', async () => {
    const store = await FileInboxStore.open(dir, silentLogger);
    await store.add([inboxItem(1)]);
    await store.close();
    appendFileSync(log(), '{"e":"add","items":[{"id":"q2","te');
    const again = await FileInboxStore.open(dir, silentLogger);
    await again.add([inboxItem(3)]);
    await again.close();
    expect(lines().map((l) => JSON.parse(l))).toHaveLength(3);
    expect((await (await FileInboxStore.open(dir, silentLogger)).list('all')).map((i) => i.id)).toEqual(['q1', 'q3']);
  });

  it('leaves out a line that does not parse, says so, and keeps a copy of the log', async () => {
    const store = await FileInboxStore.open(dir, silentLogger);
    await store.add([inboxItem(1)]);
    await store.close();
    appendFileSync(log(), '{"e":"add","items":[{"id":"broken"}]}\n');
    appendFileSync(log(), `${JSON.stringify({ e: 'add', items: [inboxItem(2)] })}\n`);
    const { logger, lines: logged } = captureLogger();
    const again = await FileInboxStore.open(dir, logger);
    expect((await again.list('all')).map((i) => i.id)).toEqual(['q1', 'q2']);
    expect(logged).toContainEqual(expect.objectContaining({ level: 50, lines: 1 }));
    expect(readdirSync(dir).filter((f) => f.startsWith(`${INBOX_LOG}.corrupt-`))).toHaveLength(1);
    expect(readFileSync(log(), 'utf8')).not.toContain('broken');
    await again.close();
  });

  it('imports the whole-file inbox of earlier versions once', async () => {
    writeFileSync(path.join(dir, 'misunderstood.json'), JSON.stringify({ version: 1, items: [inboxItem(1), inboxItem(2, { status: 'dismissed', resolvedAt: '2026-11-23T08:00:00.000Z' })] }));
    const store = await FileInboxStore.open(dir, silentLogger);
    expect((await store.list('all')).map((i) => [i.id, i.status])).toEqual([['q1', 'open'], ['q2', 'dismissed']]);
    await store.close();
    expect(existsSync(path.join(dir, 'misunderstood.json'))).toBe(false);
    expect(existsSync(path.join(dir, 'misunderstood.json.imported'))).toBe(true);
    expect((await (await FileInboxStore.open(dir, silentLogger)).list('all')).map((i) => i.id)).toEqual(['q1', 'q2']);
  });
});
