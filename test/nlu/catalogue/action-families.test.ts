import { OFFICIAL, PARAPHRASE, UNDERGONE, actionWords, headFamilies, nameFamilies, saidFamilies } from '../../../src/nlu/catalogue/action-families.js';
import { nameHead } from '../../../src/nlu/catalogue/name-aliases.js';
import { foldText } from '../../../src/nlu/vi/fold.js';

// The actions that tell a catalogue's near-twins apart, read from official names and from
// citizens' everyday words (src/nlu/catalogue/action-families.ts).

const fold = (text: string): string[] => foldText(text.toLowerCase()).replace(/[,.?]/g, ' ').split(/\s+/).filter(Boolean);

describe('the action a question says', () => {
  it.each([
    ['accented, official', 'giấy phép bán rượu hết hạn rồi xin cấp lại cần gì', 'reissue', OFFICIAL],
    ['unaccented, paraphrase', 'giay phep ban le ruou bi mat thi lam sao', 'reissue', PARAPHRASE],
    ['a renewal said by its end', 'giấy phép sắp hết hạn thì làm gì', 'renew', PARAPHRASE],
    ['an exchange in the everyday word', 'doi bien so xe bi gay', 'exchange', OFFICIAL],
    ['an adjustment by what changes', 'cửa hàng đổi tên thì giấy chứng nhận làm sao', 'adjust', PARAPHRASE],
    ['an ending as a story', 'công ty không kinh doanh tour nữa thì làm sao', 'end', PARAPHRASE],
    ['an ending in the official words', 'thu hoi giay phep lu hanh', 'end', OFFICIAL],
    ['a resumption', 'đã bị tạm dừng trợ cấp, giờ muốn hưởng tiếp', 'resume', PARAPHRASE],
    ['a correction', 'bệnh viện ghi sai ngày sinh của con', 'correct', PARAPHRASE],
  ])('is read from the question (%s)', (_how, text, family, strength) => {
    expect(saidFamilies(fold(text)).get(family as never)).toBe(strength);
  });

  it.each([
    ['accented', 'giấy khai sinh mất rồi, sổ hộ tịch ở xã cũng không còn'],
    ['unaccented', 'giay ket hon bi chay, uy ban khong con luu so'],
    ['the register named first', 'so goc o phuong that lac het, giay chung tu cung mat'],
  ])('reads a lost register as plainly as "đăng ký lại" (%s)', (_how, text) => {
    expect(saidFamilies(fold(text)).get('reregister')).toBe(OFFICIAL);
  });

  it.each([
    ['a lost paper alone', 'mất giấy khai sinh thì xin bản sao ở đâu'],
    ['a stay, not a register', 'không còn lưu trú ở nhà trọ nữa'],
  ])('does not read a re-registration where the register is not said lost (%s)', (_how, text) => {
    expect(saidFamilies(fold(text)).get('reregister') ?? 0).toBeLessThan(OFFICIAL);
  });

  it('weighs an action the citizen underwent below the one asked for', () => {
    const said = saidFamilies(fold('đã bị tạm dừng trợ cấp thất nghiệp, giờ muốn hưởng tiếp thì làm sao'));
    expect(said.get('suspend')).toBe(UNDERGONE);
    expect(said.get('resume')).toBeGreaterThan(UNDERGONE);
  });

  it.each([
    ['time', 'cấp giấy phép mất bao lâu'],
    ['money', 'lam giay phep mat phi khong'],
    ['a death', 'đăng ký khai tử trong bao lâu kể từ ngày mất'],
    ['"đối với", folded like "đổi"', 'giấy phép đối với nhà ở riêng lẻ'],
    ['asking for more', 'cấp giấy phép cần thêm gì'],
    ['"lấy lại" money', 'làm sao để lấy lại tiền ký quỹ'],
  ])('is not read where the words mean something else (%s)', (_how, text) => {
    const said = saidFamilies(fold(text));
    expect(said.has('reissue') || said.has('exchange') || said.has('adjust')).toBe(false);
  });
});

describe('the action a name says', () => {
  it.each([
    ['Cấp lại Giấy phép bán lẻ rượu', ['reissue']],
    ['Cấp Giấy phép điều chỉnh Giấy phép đủ điều kiện kinh doanh dịch vụ karaoke', ['adjust']],
    ['Đổi, cấp lại Giấy xác nhận khuyết tật', ['exchange', 'reissue']],
    ['Đăng ký lại khai tử', ['reregister']],
    ['Tạm ngừng kinh doanh, tiếp tục kinh doanh trước thời hạn đã thông báo của hộ kinh doanh', ['suspend', 'resume']],
    ['Cấp Giấy phép bán lẻ rượu', []],
    ['Chuyển trường đối với học sinh trung học phổ thông', []],
  ])('opens "%s"', (name, families) => {
    expect([...headFamilies(nameHead(fold(name)))].sort()).toEqual([...families].sort());
  });

  it('accepts the reason its scope gives, besides the action it opens with', () => {
    const name = fold('Chi trả trợ cấp xã hội hàng tháng khi đối tượng thay đổi nơi cư trú trong cùng địa bàn');
    expect(headFamilies(nameHead(name)).size).toBe(0);
    expect(nameFamilies(nameHead(name), name).has('adjust')).toBe(true);
  });

  it('marks the words of its action, so that what remains is what it acts on', () => {
    const head = fold('Cấp sửa đổi, bổ sung Giấy phép bán lẻ rượu');
    const acting = actionWords(head);
    expect(head.filter((_, i) => !acting.has(i))).toEqual(['giay', 'phep', 'ban', 'le', 'ruou']);
  });
});
