import { lowerBound } from '../../src/data/lower-bound.js';

describe('the first record at or after a key', () => {
  const single = Uint32Array.from([2, 4, 4, 7]);
  it.each([
    [0, 0, 'before every key'],
    [4, 1, 'at the first of equal keys'],
    [5, 3, 'between two keys'],
    [7, 3, 'at the last key'],
    [8, 4, 'after every key'],
  ])('finds key %i at index %i (%s)', (key, at) => {
    expect(lowerBound(single, 0, single.length, key, 1)).toBe(at);
  });

  it('searches only its slice, by the first number of each record of two', () => {
    // Records (key, value): (1, 9) (3, 0) | (2, 5) (6, 1) (6, 2)
    const pairs = Uint32Array.from([1, 9, 3, 0, 2, 5, 6, 1, 6, 2]);
    expect(lowerBound(pairs, 4, 10, 6, 2)).toBe(6);
    expect(lowerBound(pairs, 4, 10, 3, 2)).toBe(6);
    expect(lowerBound(pairs, 4, 10, 9, 2)).toBe(10);
    expect(lowerBound(pairs, 0, 4, 2, 2)).toBe(2);
  });
});
