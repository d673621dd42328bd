import type { ActivityLog, ActivitySet } from '../../../src/store/activity-log.js';
import { withStore, type OpenStore, type StoreHarness } from './harness.js';

const say = (text: string, from = 'u1') => ({ type: 'message', text, from: { id: from, role: 'user' } });

export interface WatchSink {
  sets: ActivitySet[];
  /** The watcher: pass it to watch(). */
  push(set: ActivitySet): void;
  /** The text (or type) of every activity sent so far. */
  texts(): string[];
  /** Resolves once `count` activities were sent (rejects after 5 s). */
  until(count: number): Promise<void>;
}

/** What a watcher was sent. */
export function watchSink(): WatchSink {
  const sets: ActivitySet[] = [];
  const waiters: Array<() => void> = [];
  const count = (): number => sets.reduce((n, s) => n + s.activities.length, 0);
  return {
    sets,
    texts: () => sets.flatMap((s) => s.activities.map((a) => String(a.text ?? a.type))),
    until: (n) => new Promise<void>((resolve, reject) => {
      const timer = setTimeout(() => reject(new Error(`only ${count()} of ${n} activities arrived`)), 5000);
      const check = (): void => {
        if (count() >= n) {
          clearTimeout(timer);
          resolve();
        } else waiters.push(check);
      };
      check();
    }),
    push(set: ActivitySet) {
      sets.push(set);
      for (const w of waiters.splice(0)) w();
    },
  };
}

/** What every ActivityLog does (Direct Line conversations); run by each implementation's test file. */
export function describeActivityLog(name: string, open: OpenStore<ActivityLog>): void {
  const run = (test: (h: StoreHarness<ActivityLog>) => Promise<void>) => () => withStore(open, test);

  describe(`${name} (ActivityLog contract)`, () => {
    it('creates conversations with distinct unguessable ids, and knows them after a restart', run(async (h) => {
      const a = await h.store.create({ id: 'u1', name: 'Lan' });
      const b = await h.store.create({ id: 'u2' });
      expect(a.id).toMatch(/^[A-Za-z0-9_-]{16,}$/);
      expect(a.id).not.toBe(b.id);
      expect(Date.parse(a.createdAt)).not.toBeNaN();
      const store = await h.reopen();
      expect(await store.info(a.id)).toEqual({ id: a.id, createdAt: a.createdAt, user: { id: 'u1', name: 'Lan' } });
    }));

    it('numbers activities in order, stamps them, and answers them from a watermark', run(async ({ store }) => {
      const { id } = await store.create({ id: 'u1' });
      const first = await store.append(id, say('một'));
      await store.append(id, say('hai'));
      expect(first).toMatchObject({ id: `${id}|0000000`, text: 'một', conversation: { id } });
      expect(Date.parse(String(first.timestamp))).not.toBeNaN();
      expect(await store.since(id, 0)).toEqual({ activities: [expect.objectContaining({ text: 'một' }), expect.objectContaining({ text: 'hai', id: `${id}|0000001` })], watermark: '2' });
      expect((await store.since(id, 1)).activities.map((a) => a.text)).toEqual(['hai']);
      expect(await store.since(id, 2)).toEqual({ activities: [], watermark: '2' });
      expect((await store.since(id, 99)).activities).toEqual([]);
    }));

    it('shows recorded activities at once, and keeps them once flushed', run(async (h) => {
      const { id } = await h.store.create({ id: 'u1' });
      await h.store.record(id, say('câu hỏi'));
      await h.store.record(id, { type: 'typing' });
      await h.store.record(id, { type: 'message', text: 'câu trả lời', from: { id: 'bot', role: 'bot' } });
      expect((await h.store.since(id, 0)).activities.map((a) => a.type)).toEqual(['message', 'typing', 'message']);
      await h.store.flush(id);
      const store = await h.reopen();
      expect((await store.since(id, 0)).activities.map((a) => a.text ?? a.type)).toEqual(['câu hỏi', 'typing', 'câu trả lời']);
    }));

    it('loses no activity when many are appended to several conversations at once', run(async (h) => {
      const a = await h.store.create({ id: 'a' });
      const b = await h.store.create({ id: 'b' });
      await Promise.all(Array.from({ length: 40 }, (_, i) => h.store.append(i % 2 ? a.id : b.id, say(String(i)))));
      const store = await h.reopen();
      const ids = (await store.since(a.id, 0)).activities.map((x) => x.id);
      expect(new Set(ids).size).toBe(20);
      expect((await store.since(b.id, 0)).activities).toHaveLength(20);
    }));

    it('answers the user last seen in the log', run(async ({ store }) => {
      const { id } = await store.create({ id: 'dl_random' });
      expect((await store.info(id))?.user.id).toBe('dl_random');
      await store.append(id, say('hi', 'u42'));
      expect((await store.info(id))?.user.id).toBe('u42');
    }));

    it('replaces the text of a logged activity, for good', run(async (h) => {
      const { id } = await h.store.create({ id: 'u1' });
      const digits = await h.store.append(id, say('4 số cuối là 3456'));
      expect(await h.store.redact(id, digits.id, '4 số cuối là [số]')).toBe(true);
      expect(await h.store.redact(id, `${id}|0000009`, 'x')).toBe(false);
      const store = await h.reopen();
      expect((await store.since(id, 0)).activities.map((a) => a.text)).toEqual(['4 số cuối là [số]']);
    }));

    it('sends a watcher the log from its watermark, then each activity as it is logged, once and in order', run(async ({ store }) => {
      const { id } = await store.create({ id: 'u1' });
      await store.append(id, say('một'));
      await store.append(id, say('hai'));
      const sink = watchSink();
      const stop = await store.watch(id, 1, (set) => sink.push(set));
      await sink.until(1);
      expect(sink.sets[0]).toEqual({ activities: [expect.objectContaining({ text: 'hai' })], watermark: '2' });
      await store.append(id, say('ba'));
      await store.record(id, say('bốn'));
      await store.record(id, { type: 'typing' });
      await sink.until(4);
      expect(sink.texts()).toEqual(['hai', 'ba', 'bốn', 'typing']);
      await store.flush(id);
      await store.append(id, say('năm'));
      await sink.until(5);
      expect(sink.texts()).toEqual(['hai', 'ba', 'bốn', 'typing', 'năm']);
      expect(sink.sets.at(-1)?.watermark).toBe((await store.since(id, 0)).watermark);
      stop();
      await store.append(id, say('sáu'));
      await new Promise((resolve) => setTimeout(resolve, 100));
      expect(sink.texts()).toHaveLength(5);
    }));

    it('sends nothing to a watcher of another conversation, and refuses to watch an unknown one', run(async ({ store }) => {
      const a = await store.create({ id: 'a' });
      const b = await store.create({ id: 'b' });
      const sink = watchSink();
      const stop = await store.watch(a.id, 0, (set) => sink.push(set));
      await store.append(b.id, say('for b'));
      await store.append(a.id, say('for a'));
      await sink.until(1);
      expect(sink.texts()).toEqual(['for a']);
      stop();
      await expect(store.watch('A'.repeat(24), 0, () => undefined)).rejects.toMatchObject({ code: 'CONVERSATION_NOT_FOUND' });
    }));

    it('treats an unknown conversation as unknown', run(async ({ store }) => {
      const unknown = 'A'.repeat(24);
      expect(await store.info(unknown)).toBeUndefined();
      await expect(store.append(unknown, say('x'))).rejects.toMatchObject({ code: 'CONVERSATION_NOT_FOUND' });
      await expect(store.record(unknown, say('x'))).rejects.toMatchObject({ code: 'CONVERSATION_NOT_FOUND' });
      await expect(store.since(unknown, 0)).rejects.toMatchObject({ code: 'CONVERSATION_NOT_FOUND' });
      expect(await store.redact(unknown, `${unknown}|0000000`, 'x')).toBe(false);
      await expect(store.flush(unknown)).resolves.toBeUndefined();
    }));
  });
}
