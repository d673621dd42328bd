import { sameOfficer } from '../../src/helpdesk/ticket-claim.js';

describe('the same officer', () => {
  it.each([
    ['Nguyễn Thị Lan', 'nguyễn thị lan', true],
    ['Nguyễn Thị Lan', '  Nguyễn   Thị Lan ', true],
    ['Nguye\u0302\u0303n Thị Lan', 'Nguyễn Thị Lan', true],
    ['Lan', 'Lân', false],
    ['', '', false],
  ])('tells whether %s and %s are the same officer (%s)', (a, b, same) => {
    expect(sameOfficer(a, b)).toBe(same);
  });
});
