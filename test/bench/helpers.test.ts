import { quantile } from '../../bench/lib/stats.js';
import { misspelt } from '../../bench/lib/questions.js';

describe('the benchmark helpers', () => {
  it.each([
    [0.5, 50],
    [0.99, 99],
    [1, 100],
    [0, 1],
  ])('take the %s quantile by nearest rank', (q, expected) => {
    const samples = Array.from({ length: 100 }, (_, i) => 100 - i);
    expect(quantile(samples, q)).toBe(expected);
  });

  it('misspells questions the same way every run, each copy differently', () => {
    const texts = ['làm căn cước cần giấy tờ gì', 'đăng ký tạm trú ở đâu'];
    const copies = misspelt(texts, 3);
    expect(copies).toEqual(misspelt(texts, 3));
    expect(copies).toHaveLength(6);
    expect(new Set(copies).size).toBeGreaterThanOrEqual(4);
    for (const copy of copies) expect(texts).not.toContain(copy);
  });
});
