import { maskName, matchesLast4 } from '../../src/portal/mask-name.js';

describe('maskName', () => {
  it.each([
    ['Nguyễn Thị Thu Hà', 'Nguyễn T** T** H*'],
    ['Trần Văn Minh', 'Trần V** M***'],
    ['Đặng Văn Tùng', 'Đặng V** T***'],
    ['  Lý   Thị  Bích ', 'Lý T** B***'],
    ['Minh', 'M***'],
    ['', ''],
  ])('masks "%s" as "%s"', (name, masked) => {
    expect(maskName(name)).toBe(masked);
  });

  it('counts a decomposed accented letter as one letter', () => {
    expect(maskName('Nguyễn Hà'.normalize('NFD'))).toBe('Nguyễn H*');
  });
});

describe('matchesLast4', () => {
  const dossier = { applicant: { name: 'Nguyễn Thị Thu Hà', phone: '0905 123 456', idNumber: '048190001234' } };

  it.each([
    ['3456', true],
    ['1234', true],
    ['34 56', true],
    ['3457', false],
    ['123456', false],
    ['456', false],
    ['', false],
    ['abcd', false],
  ])('checks "%s" against the phone and id number: %s', (input, expected) => {
    expect(matchesLast4(dossier, input)).toBe(expected);
  });
});
