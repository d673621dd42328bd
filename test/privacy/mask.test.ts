import { maskPersonalData } from '../../src/privacy/mask.js';

describe('maskPersonalData', () => {
  it.each([
    ['sđt 0905123456', 'sđt [số]'],
    ['sđt +84 905 123 456', 'sđt [số]'],
    ['cccd 048190001234', 'cccd [số]'],
    ['email ha@example.vn', 'email [email]'],
    ['hồ sơ 000.00.16.h17 - 261105 - 0007', 'hồ sơ [mã hồ sơ]'],
    ['tổng đài 18001096', 'tổng đài 18001096'],
  ])('masks %s', (text, masked) => {
    expect(maskPersonalData(text)).toBe(masked);
  });

  it('keeps dossier codes when asked, without taking their digits for a phone number', () => {
    expect(maskPersonalData('hồ sơ G22.71-261105-0012, sđt 0935777888', { keepDossierCodes: true })).toBe('hồ sơ G22.71-261105-0012, sđt [số]');
  });

  it('masks short digit runs when asked (the last 4 digits a citizen typed)', () => {
    expect(maskPersonalData('4 số cuối là 3456', { shortNumbers: true })).toBe('4 số cuối là [số]');
    expect(maskPersonalData('4 số cuối là 3456')).toBe('4 số cuối là 3456');
  });

  it.each([
    ['cho tôi gặp cán bộ, tôi là Trần Văn Minh', 'cho tôi gặp cán bộ, tôi là [tên]'],
    ['hồ sơ của Nguyễn Thị Thu Hà sao chưa xong', 'hồ sơ của [tên] sao chưa xong'],
    ['tên tôi là Minh Châu nhé', 'tên tôi là [tên] nhé'],
    ['Họ tên: Lê Hoàng Nam', 'Họ tên: [tên]'],
  ])('masks a name typed into chat: %s', (text, masked) => {
    expect(maskPersonalData(text)).toBe(masked);
  });

  it.each(['làm căn cước ở Hà Nội', 'đăng ký kết hôn tại UBND phường Hải Châu', 'tôi là sinh viên', 'nộp ở Cao Bằng'])('leaves places and plain words readable: %s', (text) => {
    expect(maskPersonalData(text)).toBe(text);
  });
});
