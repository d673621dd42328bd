import { PgActivityLog } from '../../../src/store/pg/pg-activity-log.js';
import { adminQuery, describePg } from '../../helpers/pg.js';
import { watchSink } from '../contract/activity-log.contract.js';
import { withPair } from '../contract/pg-harness.js';

// The Direct Line log shared by two processes: what one logs, the other's watchers get.

const say = (text: string) => ({ type: 'message', text, from: { id: 'u1', role: 'user' } });

describePg('PgActivityLog across processes', () => {
  it('sends a watcher in one process what a turn in the other logged, and polling sees the same', async () => {
    await withPair((db) => PgActivityLog.open(db), async (pair) => {
      const { id } = await pair.a.create({ id: 'u1' });
      const sink = watchSink();
      const stop = await pair.b.watch(id, 0, (set) => sink.push(set));
      await pair.a.record(id, say('câu hỏi'));
      await pair.a.record(id, { type: 'typing' });
      await pair.a.record(id, { type: 'message', text: 'câu trả lời', from: { id: 'bot', role: 'bot' } });
      expect((await pair.b.since(id, 0)).activities).toEqual([]);
      await pair.a.flush(id);
      await sink.until(3);
      expect(sink.texts()).toEqual(['câu hỏi', 'typing', 'câu trả lời']);
      expect(await pair.b.since(id, 0)).toEqual({ activities: sink.sets.flatMap((s) => s.activities), watermark: '3' });
      await pair.b.append(id, say('tiếp'));
      expect((await pair.a.since(id, 3)).activities.map((a) => a.text)).toEqual(['tiếp']);
      stop();
    });
  });

  it('numbers the activities of turns taken in turn by both processes without a gap or a repeat', async () => {
    await withPair((db) => PgActivityLog.open(db), async (pair) => {
      const { id } = await pair.a.create({ id: 'u1' });
      for (let i = 0; i < 6; i++) {
        const log = i % 2 ? pair.b : pair.a;
        await log.record(id, say(`q${i}`));
        await log.record(id, { type: 'message', text: `a${i}` });
        await log.flush(id);
      }
      const { activities, watermark } = await pair.a.since(id, 0);
      expect(activities.map((a) => a.id)).toEqual(Array.from({ length: 12 }, (_, i) => `${id}|${String(i).padStart(7, '0')}`));
      expect(watermark).toBe('12');
    });
  });

  it('tells the other process of a slow turn\'s typing indicator before the turn ends', async () => {
    await withPair((db) => PgActivityLog.open(db), async (pair) => {
      const { id } = await pair.a.create({ id: 'u1' });
      const sink = watchSink();
      await pair.b.watch(id, 0, (set) => sink.push(set));
      await pair.a.record(id, say('hồ sơ của tôi'));
      await pair.a.record(id, { type: 'typing' });
      await sink.until(2);
      expect(sink.texts()).toEqual(['hồ sơ của tôi', 'typing']);
      await pair.a.record(id, { type: 'message', text: 'đang xử lý' });
      await pair.a.flush(id);
      await sink.until(3);
      expect(sink.texts()).toEqual(['hồ sơ của tôi', 'typing', 'đang xử lý']);
    });
  });

  it('delivers activities too large for a notification by reading them', async () => {
    await withPair((db) => PgActivityLog.open(db), async (pair) => {
      const { id } = await pair.a.create({ id: 'u1' });
      const sink = watchSink();
      await pair.b.watch(id, 0, (set) => sink.push(set));
      const long = 'thủ tục '.repeat(2000);
      await pair.a.append(id, say(long));
      await sink.until(1);
      expect(sink.texts()).toEqual([long]);
    });
  });

  it('catches a watcher up with what was logged while its process was not listening', async () => {
    await withPair((db) => PgActivityLog.open(db), async (pair) => {
      const { id } = await pair.a.create({ id: 'u1' });
      const sink = watchSink();
      await pair.b.watch(id, 0, (set) => sink.push(set));
      const listening = pair.dbB.listener.backendPid;
      expect(listening).toEqual(expect.any(Number));
      await adminQuery(`SELECT pg_terminate_backend(${Number(listening)})`);
      await pair.a.append(id, say('while away'));
      await sink.until(1);
      expect(pair.dbB.listener.backendPid).not.toBe(listening);
      await sink.until(1);
      expect(sink.texts()).toEqual(['while away']);
    });
  });

  it('keeps only the newest activities of a long conversation', async () => {
    await withPair((db) => PgActivityLog.open(db, { maxActivities: 5, maxLogBytes: 1_000_000 }), async (pair) => {
      const { id } = await pair.a.create({ id: 'u1' });
      for (let i = 0; i < 8; i++) await pair.a.append(id, say(String(i)));
      expect((await pair.b.since(id, 0)).activities.map((a) => a.text)).toEqual(['3', '4', '5', '6', '7']);
      expect((await pair.b.since(id, 0)).watermark).toBe('8');
    });
  });
});
