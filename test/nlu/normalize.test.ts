import path from 'node:path';
import { normalizeText } from '../../src/nlu/vi/normalize.js';
import { loadLexicon } from '../../src/nlu/vi/lexicon.js';
import { canonicalTone } from '../../src/nlu/vi/tone.js';
import { foldText } from '../../src/nlu/vi/fold.js';
import { PROJECT_ROOT } from '../../src/config.js';

const lexicon = loadLexicon(path.join(PROJECT_ROOT, 'intents', 'lexicon', 'abbreviations.yaml'));
const folded = (text: string): string => normalizeText(text, lexicon).folded.join(' ');

describe('Vietnamese normalisation', () => {
  it.each([
    ['accented', 'Làm căn cước cần giấy tờ gì?'],
    ['unaccented', 'lam can cuoc can giay to gi'],
    ['decomposed (NFD)', 'Làm căn cước cần giấy tờ gì?'.normalize('NFD')],
    ['upper case', 'LÀM CĂN CƯỚC CẦN GIẤY TỜ GÌ'],
    ['with extra spaces and invisible marks', '  làm\u200b căn   cước cần giấy tờ gì  '],
  ])('gives the same tokens for %s input', (_kind, text) => {
    expect(folded(text)).toBe('lam can cuoc can giay to gi');
  });

  it('keeps the accented form apart from the folded key', () => {
    const { words, folded: keys } = normalizeText('Đăng ký hộ kinh doanh', lexicon);
    expect(words).toEqual(['đăng', 'ký', 'hộ', 'kinh', 'doanh']);
    expect(keys).toEqual(['dang', 'ky', 'ho', 'kinh', 'doanh']);
  });

  it.each([
    ['hoà', 'hòa'], ['thuỷ', 'thủy'], ['khoẻ', 'khỏe'], ['hòa', 'hòa'], ['quý', 'quý'],
    ['người', 'người'], ['giữ', 'giữ'], ['hoàng', 'hoàng'], ['khuỷu', 'khuỷu'],
  ])('puts the tone of %s where the canonical style does (%s)', (input, expected) => {
    expect(canonicalTone(input.normalize('NFC'))).toBe(expected.normalize('NFC'));
  });

  it('makes old and new tone placement meet', () => {
    expect(normalizeText('Hoà Vang, thuỷ lợi', lexicon).words).toEqual(normalizeText('Hòa Vang, thủy lợi', lexicon).words);
  });

  it('folds đ to d', () => {
    expect(foldText('Đường Điện Biên')).toBe('duong dien bien');
  });

  it.each([
    ['dk tam tru', 'dang ky tam tru'],
    ['đk tạm trú', 'dang ky tam tru'],
    ['lam cccd ko', 'lam can cuoc cong dan khong'],
    ['doi gplx het bn', 'doi giay phep lai xe het bao nhieu'],
    ['thủ tục j', 'thu tuc gi'],
    ['đi mô làm rứa', 'di dau lam vay'],
    ['tro cap xh cho ng gia', 'tro cap xa hoi cho nguoi gia'],
    ['bhyt hộ gđ', 'bao hiem y te ho gia dinh'],
    ['dk kh cho vk', 'dang ky ket hon cho vo'],
    ['xin gp xây dựng ở cq nào', 'xin giay phep xay dung o co quan nao'],
    ['tb lưu trú cho khách', 'thong bao luu tru cho khach'],
    ['đổi cc hết hạn', 'doi can cuoc het han'],
    ['nộp trên dvcqg', 'nop tren dich vu cong quoc gia'],
    ['xe wave cũ', 'xe wave cu'],
  ])('expands abbreviations and regional words: %s', (input, expected) => {
    expect(folded(input)).toBe(expected);
  });

  it('does not read an accented word as a plain abbreviation ("mở" is not "mô")', () => {
    expect(folded('mở quán')).toBe('mo quan');
    expect(folded('thẻ bị hỏng')).toBe('the bi hong');
  });

  it.each([
    ['dang kys tam tru', 'dang ky tam tru'],
    ['vieejt nam', 'viet nam'],
    ['ky1 ten', 'ky ten'],
    ['bao lâuu', 'bao lau'],
  ])('repairs leftover Telex/VNI keystrokes and doubled letters: %s', (input, expected) => {
    expect(folded(input)).toBe(expected);
  });

  it.each([
    ['lamcccd', 'lam can cuoc cong dan'],
    ['dangkykhaisinh', 'dang ky khai sinh'],
  ])('splits words typed without spaces: %s', (input, expected) => {
    expect(folded(input)).toBe(expected);
  });

  it('reads "mất bao lâu" as taking time, not as losing something', () => {
    expect(folded('làm căn cước mất bao lâu')).toBe('lam can cuoc ton bao lau');
    expect(folded('mất căn cước')).toBe('mat can cuoc');
  });

  it('survives control characters, emoji and right-to-left text', () => {
    expect(() => normalizeText('\u0000\u202e😀 مرحبا hello', lexicon)).not.toThrow();
  });
});

describe('typos and regional words', () => {
  it.each([
    ['kahi tử', 'khai tu'],
    ['snag tên', 'sang ten'],
    ['chuyển hộ kẩhu', 'chuyen ho khau'],
    ['cần gấiy tờ', 'can giay to'],
    ['gia hạn byht', 'gia han bao hiem y te'],
  ])('puts two letters typed the wrong way round back: %s', (input, expected) => {
    expect(folded(input)).toBe(expected);
  });

  it('leaves words that are already syllables alone', () => {
    expect(folded('khai tử tạm trú')).toBe('khai tu tam tru');
  });

  it.each([
    ['làm lại cccd bị mất bao lâu', 'lam lai can cuoc cong dan bi mat bao lau'],
    ['làm cccd mất bao lâu', 'lam can cuoc cong dan ton bao lau'],
    ['khai sanh cho con cần chi', 'khai sinh cho con can gi'],
    ['đổi bằng lái hết nhiêu', 'doi bang lai het bao nhieu'],
    ['chừng mô có giấy', 'bao gio co giay'],
    ['see you', 'hen gap lai'],
  ])('reads "%s" by its sense', (input, expected) => {
    expect(folded(input)).toBe(expected);
  });

  it.each([
    ['dk kh o dau', 'dang ky ket hon o dau'],
    ['co phai dang ky kh', 'co phai dang ky khong'],
    ['kh biet lam sao', 'khong biet lam sao'],
    ['lam ks cho be can j', 'lam khai sinh cho be can gi'],
    ['dktt cần gì', 'dang ky thuong tru can gi'],
    ['xin giấy xn tthn', 'xin giay xac nhan tinh trang hon nhan'],
    ['tctn bao nhiêu', 'tro cap that nghiep bao nhieu'],
    ['lam hc mat bao lau', 'lam ho chieu ton bao lau'],
    ['sang ten sd', 'sang ten so do'],
    ['bam bs xe', 'bam bien so xe'],
    ['tk dddt mức 2', 'tai khoan dinh danh dien tu muc hai'],
    ['xin gp xây dựng', 'xin giay phep xay dung'],
  ])('reads the short form in "%s" beside the words of its procedure', (input, expected) => {
    expect(folded(input)).toBe(expected);
  });

  it.each([
    ['để thất lạc bằng lái', 'bi mat bang lai'],
    ['làm rơi căn cước', 'lam mat can cuoc'],
    ['hủy hộ khẩu cho bố', 'xoa ho khau cho bo'],
    ['gia hạn căn cước', 'doi can cuoc'],
    ['gia han bang lai', 'doi bang lai'],
  ])('reads "%s" with the word its near-twin procedures use', (input, expected) => {
    expect(folded(input)).toBe(expected);
  });
});
