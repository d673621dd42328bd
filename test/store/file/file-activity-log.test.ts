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
type Line = { version: number; nextSeq: number } | { a: { id: string; text?: unknown } };
const fileLines = (id: string): Line[] => readFileSync(path.join(dir, `${id}.jsonl`), 'utf8').split('\n').filter(Boolean).map((l) => JSON.parse(l) as Line);

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
    const onDisk = (): string[] => fileLines(id).flatMap((l) => ('a' in l ? [String(l.a.text)] : []));
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
    writeFileSync(path.join(dir, `${id}.jsonl`), '{"version": 2, "id": \n');
    const { logger, lines } = captureLogger();
    const fresh = await FileActivityLog.open(dir, logger);
    expect(await fresh.info(id)).toBeUndefined();
    await expect(fresh.append(id, say('x'))).rejects.toMatchObject({ code: 'CONVERSATION_NOT_FOUND' });
    expect(readdirSync(dir).some((f) => f.startsWith(`${id}.jsonl.corrupt-`))).toBe(true);
    expect(lines.some((l) => l.level === 50 && String(l.msg).includes('moved it to'))).toBe(true);
  });

  it.each(['../x', 'short', `${'a'.repeat(24)}/..`])('never touches the disk for an id like %j', async (id) => {
    const store = await FileActivityLog.open(dir, silentLogger);
    expect(await store.info(id)).toBeUndefined();
  });

  it('appends one line per activity logged, and rewrites the file after a redaction so that the digits leave the disk', async () => {
    const store = await FileActivityLog.open(dir, silentLogger);
    const { id } = await store.create({ id: 'u1' });
    const first = await store.append(id, say('số CCCD 012345678901'));
    await store.append(id, say('cảm ơn'));
    expect(fileLines(id)).toHaveLength(3);
    expect(fileLines(id)[0]).toMatchObject({ version: 2, id });
    expect(await store.redact(id, first.id, 'số CCCD ***')).toBe(true);
    expect(readFileSync(path.join(dir, `${id}.jsonl`), 'utf8')).not.toContain('012345678901');
    const reopened = await FileActivityLog.open(dir, silentLogger);
    expect((await reopened.since(id, 0)).activities.map((a) => a.text)).toEqual(['số CCCD ***', 'cảm ơn']);
  });

  it('leaves out a torn last line (a process killed mid-append), keeps numbering after the rest and rewrites the file whole', async () => {
    const store = await FileActivityLog.open(dir, silentLogger);
    const { id } = await store.create({ id: 'u1' });
    await store.append(id, say('kept'));
    await store.close();
    writeFileSync(path.join(dir, `${id}.jsonl`), '{"a":{"id":"torn', { flag: 'a' });
    const reopened = await FileActivityLog.open(dir, silentLogger);
    expect((await reopened.since(id, 0)).activities.map((a) => a.text)).toEqual(['kept']);
    expect((await reopened.append(id, say('next'))).id).toBe(`${id}|0000001`);
    expect(fileLines(id).slice(1).map((l) => ('a' in l ? l.a.text : l))).toEqual(['kept', 'next']);
  });

  it('rewrites the file with only what it keeps once it holds far more, and numbering goes on', async () => {
    const store = await FileActivityLog.open(dir, silentLogger, { maxActivities: 2 });
    const { id } = await store.create({ id: 'u1' });
    for (let i = 0; i < 200; i++) await store.append(id, say(`${i} ${'x'.repeat(600)}`));
    expect(fileLines(id).length).toBeLessThan(120);
    await store.close();
    const reopened = await FileActivityLog.open(dir, silentLogger, { maxActivities: 2 });
    const { activities, watermark } = await reopened.since(id, 0);
    expect(activities.map((a) => String(a.text).split(' ')[0])).toEqual(['198', '199']);
    expect(watermark).toBe('200');
  });

  it('reads a conversation kept in the old one-document file and replaces that file at the next write', async () => {
    const id = 'A'.repeat(24);
    const old = { version: 1, id, createdAt: '2026-01-01T00:00:00.000Z', user: { id: 'u1' }, nextSeq: 2, activities: [
      { ...say('đã hỏi'), id: `${id}|0000000` }, { type: 'message', text: 'đã trả lời', id: `${id}|0000001`, from: { id: 'bot', role: 'bot' } },
    ] };
    writeFileSync(path.join(dir, `${id}.json`), JSON.stringify(old));
    const store = await FileActivityLog.open(dir, silentLogger);
    expect((await store.since(id, 0)).activities.map((a) => a.text)).toEqual(['đã hỏi', 'đã trả lời']);
    expect((await store.append(id, say('hỏi tiếp'))).id).toBe(`${id}|0000002`);
    expect(readdirSync(dir)).toEqual([`${id}.jsonl`]);
    const reopened = await FileActivityLog.open(dir, silentLogger);
    expect((await reopened.since(id, 1)).activities.map((a) => a.text)).toEqual(['đã trả lời', 'hỏi tiếp']);
  });

  it('leaves no replaced digits on the disk when the redaction comes while the file is being written', async () => {
    const id = 'B'.repeat(24);
    const old = { version: 1, id, createdAt: '2026-01-01T00:00:00.000Z', user: { id: 'u1' }, nextSeq: 1, activities: [{ ...say('4 số cuối 5678'), id: `${id}|0000000` }] };
    writeFileSync(path.join(dir, `${id}.json`), JSON.stringify(old));
    const store = await FileActivityLog.open(dir, silentLogger);
    // The old format's first write is a whole rewrite (temp file and rename), under way when the redaction comes.
    const writing = store.append(id, say('tiếp'));
    const redacted = store.redact(id, `${id}|0000000`, '4 số cuối [số]');
    await Promise.all([writing, redacted]);
    const text = readFileSync(path.join(dir, `${id}.jsonl`), 'utf8');
    expect(text).not.toContain('5678');
    expect(text).toContain('tiếp');
  });
});
