import { KeyedQueue } from '../../src/store/keyed-queue.js';

const tick = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

describe('KeyedQueue', () => {
  it('runs the tasks of one key one at a time, in order', async () => {
    const queue = new KeyedQueue();
    const events: string[] = [];
    const task = (name: string, ms: number) => async () => {
      events.push(`start ${name}`);
      await tick(ms);
      events.push(`end ${name}`);
    };
    await Promise.all([queue.run('k', task('a', 20)), queue.run('k', task('b', 1)), queue.run('k', task('c', 1))]);
    expect(events).toEqual(['start a', 'end a', 'start b', 'end b', 'start c', 'end c']);
  });

  it('runs different keys side by side', async () => {
    const queue = new KeyedQueue();
    const events: string[] = [];
    await Promise.all([
      queue.run('a', async () => { events.push('start a'); await tick(20); events.push('end a'); }),
      queue.run('b', async () => { events.push('start b'); events.push('end b'); }),
    ]);
    expect(events.indexOf('end b')).toBeLessThan(events.indexOf('end a'));
  });

  it('goes on after a failed task and hands each caller its own result', async () => {
    const queue = new KeyedQueue();
    const failed = queue.run('k', () => { throw new Error('boom'); });
    const next = queue.run('k', () => 42);
    await expect(failed).rejects.toThrow('boom');
    await expect(next).resolves.toBe(42);
    await queue.idle();
  });
});
