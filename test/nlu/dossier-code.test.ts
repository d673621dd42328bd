import { extractDossierCode, isDossierCode } from '../../src/nlu/dossier-code.js';

describe('dossier code extraction', () => {
  it.each([
    ['tra cứu hồ sơ 000.00.16.H17-261105-0007', '000.00.16.H17-261105-0007'],
    ['tra cứu hồ sơ 000.00.16.h17 - 261105-0007', '000.00.16.H17-261105-0007'],
    ['G22.71 - 261117 - 0050 sao rồi ad', 'G22.71-261117-0050'],
    ['mã h17.23-261119-0008', 'H17.23-261119-0008'],
    ['hs G22.71–261105–0012 nhé', 'G22.71-261105-0012'],
  ])('finds the code in "%s"', (text, code) => {
    expect(extractDossierCode(text)).toBe(code);
  });

  it.each([
    'sđt của tôi 0905123456',
    'ngày 2026-11-22',
    'căn cước 048190001234',
    'hồ sơ của tôi đến đâu rồi',
  ])('finds no code in "%s"', (text) => {
    expect(extractDossierCode(text)).toBeNull();
  });

  it('tells well-formed codes from malformed ones', () => {
    expect(isDossierCode('g22.71-261105-0012')).toBe(true);
    expect(isDossierCode('G22.71-2611-0012')).toBe(false);
  });
});
