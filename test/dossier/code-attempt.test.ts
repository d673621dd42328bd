import { findCodeAttempt } from '../../src/dossier/code-attempt.js';
import { lastDigits } from '../../src/bot/dialogs/dossier-dialog.js';

describe('something typed as a dossier code', () => {
  it.each([
    ['000.00.16.H17-261105-007', '000.00.16.H17-261105-007'],
    ['hồ sơ G22.71-261105-00120 đâu rồi', 'G22.71-261105-00120'],
    ['000.00.16.H17-2611050007', '000.00.16.H17-2611050007'],
  ])('is found in any message when it is long and dashed: %s', (text, attempt) => {
    expect(findCodeAttempt(text, true)).toBe(attempt);
  });

  it.each([
    'hôm nay trời có mưa không',
    'đăng ký kết hôn cần giấy tờ gì',
    'tôi sinh ngày 05-11-1990',
    'xem phản hồi HT-7K3M9Q',
  ])('is not found in an ordinary message: %s', (text) => {
    expect(findCodeAttempt(text, true)).toBeNull();
  });

  it.each([
    ['tra cứu hồ sơ abc-123', 'abc-123'],
    ['mã hồ sơ của tôi là 12345', '12345'],
    ['0905123456', '0905123456'],
  ])('is found loosely when the message is about a dossier: %s', (text, attempt) => {
    expect(findCodeAttempt(text, false)).toBe(attempt);
  });

  it('is not found in words alone', () => {
    expect(findCodeAttempt('hồ sơ của tôi đến đâu rồi', false)).toBeNull();
  });
});

describe('the last 4 digits in a message', () => {
  it.each([
    ['3456', '3456'],
    ['4 số cuối là 3456 nhé', '3456'],
    ['34 56', '3456'],
    ['0905 123 456', '3456'],
    ['048190001234', '1234'],
  ])('reads %s as %s', (text, digits) => {
    expect(lastDigits(text)).toBe(digits);
  });

  it.each(['không nhớ', '123', '1234567', 'năm nay'])('reads nothing in %s', (text) => {
    expect(lastDigits(text)).toBeNull();
  });
});
