import { LookupLimiter } from '../../src/dossier/lookup-limiter.js';
import { MemoryRateCounters } from '../../src/store/memory/memory-rate-counters.js';

describe('LookupLimiter', () => {
  let now = 0;
  let counters: MemoryRateCounters;
  const limiter = () => new LookupLimiter(counters = new MemoryRateCounters(), { perConversation: 3, perAddress: 5, windowMs: 60_000 }, () => now);
  beforeEach(() => { now = 1_000_000; });

  it('allows a few new codes per conversation per window, then says when to retry', async () => {
    const l = limiter();
    for (const code of ['a', 'b', 'c']) expect(await l.take({ conversation: 'c1' }, code)).toEqual({ allowed: true });
    now += 10_000;
    expect(await l.take({ conversation: 'c1' }, 'd')).toEqual({ allowed: false, retryAfterMs: 50_000 });
    expect(await l.take({ conversation: 'c2' }, 'd')).toEqual({ allowed: true });
  });

  it('does not count the same code twice', async () => {
    const l = limiter();
    for (let i = 0; i < 10; i += 1) expect((await l.take({ conversation: 'c1' }, 'same')).allowed).toBe(true);
    expect((await l.take({ conversation: 'c1' }, 'b')).allowed).toBe(true);
  });

  it('forgets lookups older than the window', async () => {
    const l = limiter();
    for (const code of ['a', 'b', 'c']) await l.take({ conversation: 'c1' }, code);
    now += 60_001;
    expect((await l.take({ conversation: 'c1' }, 'd')).allowed).toBe(true);
  });

  it('counts an address across conversations, and records nothing for a refused lookup', async () => {
    const l = limiter();
    for (let i = 0; i < 5; i += 1) expect((await l.take({ conversation: `c${i}`, address: '10.0.0.1' }, `code${i}`)).allowed).toBe(true);
    expect((await l.take({ conversation: 'c9', address: '10.0.0.1' }, 'code9')).allowed).toBe(false);
    expect((await l.take({ conversation: 'c9', address: '10.0.0.2' }, 'code9')).allowed).toBe(true);
    // c9 was refused once: that refusal did not count against it.
    expect((await l.take({ conversation: 'c9' }, 'x')).allowed).toBe(true);
    expect((await l.take({ conversation: 'c9' }, 'y')).allowed).toBe(true);
    expect((await l.take({ conversation: 'c9' }, 'z')).allowed).toBe(false);
  });

  it('checks without recording', async () => {
    const l = limiter();
    for (let i = 0; i < 10; i += 1) expect((await l.check({ conversation: 'c1' }, `k${i}`)).allowed).toBe(true);
    await l.record({ conversation: 'c1' }, 'a');
    await l.record({ conversation: 'c1' }, 'b');
    await l.record({ conversation: 'c1' }, 'c');
    expect((await l.check({ conversation: 'c1' }, 'd')).allowed).toBe(false);
  });

  it('keeps memory to the active keys', async () => {
    const l = limiter();
    for (let i = 0; i < 999; i += 1) await l.take({ conversation: `c${i}` }, 'a');
    now += 120_000;
    await l.take({ conversation: 'last' }, 'a');
    expect(counters.size).toBe(1);
  });
});
