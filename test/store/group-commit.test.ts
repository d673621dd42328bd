import { GroupCommit } from '../../src/store/group-commit.js';

/** A write we finish by hand; `started` counts the writes begun. */
function manualWriter(): { write: () => Promise<void>; finish: (err?: Error) => void; started: () => number } {
  const pending: Array<{ resolve: () => void; reject: (e: Error) => void }> = [];
  let started = 0;
  return {
    write: () => new Promise<void>((resolve, reject) => { started++; pending.push({ resolve, reject }); }),
    finish: (err) => {
      const next = pending.shift();
      if (err) next?.reject(err);
      else next?.resolve();
    },
    started: () => started,
  };
}

const tick = (): Promise<void> => new Promise((resolve) => setImmediate(resolve));

describe('GroupCommit', () => {
  it('makes the commits asked for during a write with one more write, and resolves each after it', async () => {
    const w = manualWriter();
    const group = new GroupCommit(w.write);
    const settled: string[] = [];
    const first = group.commit().then(() => settled.push('first'));
    const later = Array.from({ length: 50 }, (_, i) => group.commit().then(() => settled.push(`later${i}`)));
    expect(w.started()).toBe(1);
    w.finish();
    await tick();
    expect(settled).toEqual(['first']);
    expect(w.started()).toBe(2);
    w.finish();
    await Promise.all([first, ...later]);
    expect(settled).toHaveLength(51);
    expect(w.started()).toBe(2);
  });

  it('writes at once when no write is under way', async () => {
    const w = manualWriter();
    const group = new GroupCommit(w.write);
    const one = group.commit();
    w.finish();
    await one;
    const two = group.commit();
    expect(w.started()).toBe(2);
    w.finish();
    await two;
  });

  it('fails the commits of a failed write, and the next write still runs for those waiting', async () => {
    const w = manualWriter();
    const group = new GroupCommit(w.write);
    const first = group.commit();
    const second = group.commit();
    w.finish(new Error('disk full'));
    await expect(first).rejects.toThrow('disk full');
    await tick();
    expect(w.started()).toBe(2);
    w.finish();
    await expect(second).resolves.toBeUndefined();
  });

  it('is idle only once every write has finished', async () => {
    const w = manualWriter();
    const group = new GroupCommit(w.write);
    void group.commit();
    void group.commit();
    let idle = false;
    const waiting = group.idle().then(() => { idle = true; });
    w.finish();
    await tick();
    expect(idle).toBe(false);
    w.finish();
    await waiting;
    expect(idle).toBe(true);
  });
});
