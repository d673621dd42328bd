import { internStrings } from '../../src/data/intern-strings.js';

// Equal strings become one: the values stay as they were, and only one copy is held. Identity
// of strings is not observable in JavaScript, so the test counts what the pool keeps.

describe('internStrings', () => {
  it('keeps one of each distinct string of a tree of objects and arrays, and leaves the values as they were', () => {
    const procedures = [
      { id: 'a', agency: 'Ủy ban nhân dân cấp xã', documents: [{ name: 'Tờ khai', copies: '1 bản chính' }], fee: 0 },
      { id: 'b', agency: 'Ủy ban nhân dân cấp xã', documents: [{ name: 'Tờ khai', copies: '1 bản chính' }], fee: null },
    ];
    const before = JSON.stringify(procedures);
    const pool = new Map<string, string>();
    expect(internStrings(procedures, pool)).toBe(procedures);
    expect(JSON.stringify(procedures)).toBe(before);
    expect([...pool.keys()].sort()).toEqual(['1 bản chính', 'Tờ khai', 'Ủy ban nhân dân cấp xã', 'a', 'b'].sort());
  });

  it('leaves frozen objects and arrays alone', () => {
    const frozen = Object.freeze({ name: 'Lệ phí', list: Object.freeze(['x', 'x']) });
    expect(() => internStrings([frozen, { name: 'Lệ phí' }])).not.toThrow();
    expect(frozen).toEqual({ name: 'Lệ phí', list: ['x', 'x'] });
  });

  it('does not walk again what it has walked: only the new parts of a tree made again of the same objects', () => {
    const kept = { id: 'a', name: 'Đăng ký khai sinh' };
    internStrings([kept]);
    const pool = new Map<string, string>();
    internStrings([kept, { id: 'b', name: 'Đăng ký kết hôn' }], pool);
    expect([...pool.keys()].sort()).toEqual(['b', 'Đăng ký kết hôn'].sort());
  });
});
