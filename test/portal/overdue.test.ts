import { isOverdue } from '../../src/portal/overdue.js';
import type { DossierStatus } from '../../src/portal/portal-client.js';

const dueAt = '2026-11-06T17:00:00+07:00';
const before = new Date('2026-11-06T16:59:59+07:00');
const after = new Date('2026-11-06T17:00:01+07:00');

describe('isOverdue', () => {
  it.each<[DossierStatus, Date, boolean]>([
    ['received', after, true],
    ['processing', after, true],
    ['supplement_required', after, true],
    ['received', before, false],
    ['processing', before, false],
    ['completed', after, false],
    ['returned', after, false],
    ['rejected', after, false],
  ])('says a %s dossier checked at %s is overdue: %s', (status, now, expected) => {
    expect(isOverdue({ status, dueAt }, now)).toBe(expected);
  });

  it('compares instants, not local clock readings, across time zones', () => {
    // 10:30 UTC is 17:30 in Vietnam: past a 17:00 +07:00 deadline.
    expect(isOverdue({ status: 'processing', dueAt }, new Date('2026-11-06T10:30:00Z'))).toBe(true);
    expect(isOverdue({ status: 'processing', dueAt }, new Date('2026-11-06T09:30:00Z'))).toBe(false);
  });
});
