import { mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { silentLogger } from '../../../src/log/logger.js';
import { FileActivityLog } from '../../../src/store/file/file-activity-log.js';
import { captureLogger } from '../capture-logger.js';

let dir: string;
beforeEach(() => { dir = mkdtempSync(path.join(tmpdir(), 'dvc-conv-')); });
afterEach(() => rmSync(dir, { recursive: true, force: true }));

const say = (text: string) => ({ type: 'message', text, from: { id: 'u1', role: 'user' } });

describe('FileActivityLog', () => {
  it('keeps only the newest activities, and an old watermark gets what is left', async () => {
    const store = await FileActivityLog.open(dir, silentLogger, { maxActivities: 3 });
    const { id } = await store.create({ id: 'u1' });
    for (let i = 0; i < 5; i++) await store.append(id, say(`m${i}`));
    const all = await store.since(id, 0);
    expect(all.activities.map((a) => a.text)).toEqual(['m2', 'm3', 'm4']);
    expect(all.watermark).toBe('5');
    expect((await store.since(id, 4)).activities.map((a) => a.text)).toEqual(['m4']);
    expect((await store.since(id, 99)).activities).toEqual([]);
  });

  it('keeps a conversation\'s log under its byte limit', async () => {
    const store = await FileActivityLog.open(dir, silentLogger, { maxLogBytes: 2000 });
    const { id } = await store.create({ id: 'u1' });
    for (let i = 0; i < 10; i++) await store.append(id, say('x'.repeat(500)));
    const { activities } = await store.since(id, 0);
    expect(activities.length).toBeLessThan(4);
    expect(activities.at(-1)?.id).toBe(`${id}|0000009`);
  });

  it('serves conversations dropped from memory from their files', async () => {
    const store = await FileActivityLog.open(dir, silentLogger, { maxInMemory: 2 });
    const ids: string[] = [];
    for (let i = 0; i < 5; i++) {
      const { id } = await store.create({ id: `u${i}` });
      await store.append(id, say(`hello ${i}`));
      ids.push(id);
    }
    for (const [i, id] of ids.entries()) {
      expect((await store.since(id, 0)).activities.map((a) => a.text)).toEqual([`hello ${i}`]);
    }
  });

  it('loses no activity when many are appended at once, even while evicting', async () => {
    const store = await FileActivityLog.open(dir, silentLogger, { maxInMemory: 1 });
    const a = await store.create({ id: 'a' });
    const b = await store.create({ id: 'b' });
    await Promise.all(Array.from({ length: 60 }, (_, i) => store.append(i % 2 ? a.id : b.id, say(String(i)))));
    await store.close();
    const reopened = await FileActivityLog.open(dir, silentLogger);
    expect((await reopened.since(a.id, 0)).activities).toHaveLength(30);
    expect((await reopened.since(b.id, 0)).activities).toHaveLength(30);
    const ids = (await reopened.since(a.id, 0)).activities.map((x) => x.id);
    expect(new Set(ids).size).toBe(30);
  });

  it('shows recorded activities at once and writes them together when flushed', async () => {
    const store = await FileActivityLog.open(dir, silentLogger);
    const { id } = await store.create({ id: 'u1' });
    const onDisk = (): string[] => (JSON.parse(readFileSync(path.join(dir, `${id}.json`), 'utf8')) as { activities: Array<{ text: string }> }).activities.map((a) => a.text);
    await store.record(id, say('question'));
    await store.record(id, say('answer'));
    expect((await store.since(id, 0)).activities.map((a) => a.text)).toEqual(['question', 'answer']);
    expect(onDisk()).toEqual([]);
    await store.flush(id);
    expect(onDisk()).toEqual(['question', 'answer']);
  });

  it('keeps a conversation with unwritten activities in memory until it is flushed', async () => {
    const store = await FileActivityLog.open(dir, silentLogger, { maxInMemory: 1 });
    const { id } = await store.create({ id: 'u1' });
    await store.record(id, say('not yet written'));
    for (let i = 0; i < 3; i++) await store.append((await store.create({ id: `other${i}` })).id, say('x'));
    await store.flush(id);
    const reopened = await FileActivityLog.open(dir, silentLogger);
    expect((await reopened.since(id, 0)).activities.map((a) => a.text)).toEqual(['not yet written']);
  });

  it('moves a corrupt conversation file aside and treats the conversation as unknown', async () => {
    const store = await FileActivityLog.open(dir, silentLogger);
    const { id } = await store.create({ id: 'u1' });
    writeFileSync(path.join(dir, `${id}.json`), '{"version": 1, "id": ');
    const { logger, lines } = captureLogger();
    const fresh = await FileActivityLog.open(dir, logger);
    expect(await fresh.info(id)).toBeUndefined();
    await expect(fresh.append(id, say('x'))).rejects.toMatchObject({ code: 'CONVERSATION_NOT_FOUND' });
    expect(readdirSync(dir).some((f) => f.startsWith(`${id}.json.corrupt-`))).toBe(true);
    expect(lines.some((l) => l.level === 50 && String(l.msg).includes('moved it to'))).toBe(true);
  });

  it.each(['../x', 'short', `${'a'.repeat(24)}/..`])('never touches the disk for an id like %j', async (id) => {
    const store = await FileActivityLog.open(dir, silentLogger);
    expect(await store.info(id)).toBeUndefined();
  });
});
