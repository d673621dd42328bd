import { jsonDepth } from '../../src/web/body-depth.js';

describe('measuring how deep a JSON body nests', () => {
  it.each([
    ['a scalar', 5, 0],
    ['null', null, 0],
    ['an empty object', {}, 1],
    ['an activity', { type: 'message', from: { id: 'u' }, value: { action: 'yes', arg: ['x'] } }, 3],
  ])('counts %s', (_name, value, depth) => {
    expect(jsonDepth(value)).toBe(depth);
  });

  it('walks 200,000 levels without overflowing the stack', () => {
    const deep = JSON.parse('['.repeat(200_000) + ']'.repeat(200_000)) as unknown;
    expect(jsonDepth(deep)).toBe(200_000);
  });

  it('stops as soon as the limit is passed', () => {
    const deep = JSON.parse('{"a":'.repeat(5_000) + '1' + '}'.repeat(5_000)) as unknown;
    expect(jsonDepth(deep, 32)).toBe(33);
  });

  it('walks a wide array without trouble', () => {
    expect(jsonDepth(Array.from({ length: 100_000 }, () => ({ a: 1 })))).toBe(2);
  });
});
