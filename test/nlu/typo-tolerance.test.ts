import { oneEditApart, slips, soundAlikes } from '../../src/nlu/vi/slips.js';
import { projectRecognizer } from '../helpers/recognizer.js';

// Misspelt procedure key words and intent words still parse: a dropped or wrong tone, a
// doubled, missing or wrong letter, a regional spelling — and valid words are not turned into
// other words.

const { recognizer } = projectRecognizer();

describe('misspelt procedure key words', () => {
  it.each([
    ['làm giấy kết hồn ở đâu', 'procedure.location', 'dang-ky-ket-hon'],
    ['làm hộ chiểu mất bao lâu', 'procedure.duration', 'cap-ho-chieu-pho-thong'],
    ['đăng kí tạm chú ở đâu', 'procedure.location', 'dang-ky-tam-tru'],
    ['dang ky tam chu o dau', 'procedure.location', 'dang-ky-tam-tru'],
    ['khai sin cho con cần giấy gì', 'procedure.documents', 'dang-ky-khai-sinh'],
    ['đăng ký hộ kinh doang mất bao lâu', 'procedure.duration', 'dang-ky-ho-kinh-doanh'],
    ['dang ky se may moi can gi', 'procedure.documents', 'dang-ky-xe'],
    ['lam giay khia sinh can nhung gi', 'procedure.documents', 'dang-ky-khai-sinh'],
    ['đổi căn cướ hết hạn ở đâu', 'procedure.location', 'cap-doi-the-can-cuoc'],
    ['trợ cấp thât nghiệp nhận ở đâu', 'procedure.location', 'tro-cap-that-nghiep'],
    ['lam ho chiu het bao nhieu tien', 'procedure.fee', 'cap-ho-chieu-pho-thong'],
    ['làm hộ chịu ở đâu', 'procedure.location', 'cap-ho-chieu-pho-thong'],
    // an unknown word of four letters or more, a letter off a name word its neighbour calls for
    ['xin hộ chếu cho mẹ ở đâu', 'procedure.location', 'cap-ho-chieu-pho-thong'],
    ['dang ky tam truu can giay gi', 'procedure.documents', 'dang-ky-tam-tru'],
    // a word of the language one letter off the name word its distinctive neighbour calls for
    ['đăng ký kết hôm ở đâu', 'procedure.location', 'dang-ky-ket-hon'],
    ['dang ky ket hom mat bao lau', 'procedure.duration', 'dang-ky-ket-hon'],
    ['hưởng thai sảm cần giấy gì', 'procedure.documents', 'che-do-thai-san'],
  ])('"%s" → %s, %s', (text, intent, procedure) => {
    expect(recognizer.parse(text)).toMatchObject({ intent, procedure });
  });
});

describe('misspelt intent words', () => {
  it.each([
    ['làm hộ chiếu bao nhêu tiền', 'procedure.fee'],
    ['đổi bằng lái ở đau', 'procedure.location'],
    ['ỏ đâu làm căn cước', 'procedure.location'],
    ['đăng ký kết hôn cần giấy tơ gì', 'procedure.documents'],
    ['làm sổ đỏ mấy ngày thì xong, máy ngày vậy', 'procedure.duration'],
    ['làm lại căn cước lệ phi bao nhiu', 'procedure.fee'],
  ])('"%s" → %s', (text, intent) => {
    expect(recognizer.parse(text).intent).toBe(intent);
  });
});

describe('valid words stay what they are', () => {
  it.each([
    ['thuê căn hộ chung cư ở Hà Nội giá bao nhiêu', 'none'],
    ['cách đổi tiền đô sang tiền việt', 'none'],
    ['mua bán đất có nên đặt cọc không', 'none'],
    ['hồ sơ nộp rồi mà chưa thấy kết quả, kiểm tra kiểu gì vậy', 'dossier.status'],
    ['quán phở nào ngon ở quận 1', 'none'],
    // a word one letter off a name word, beside no word that calls for it
    ['hôm qua tôi đi chợ mua rau', 'none'],
    ['đôi giày này giá bao nhiêu', 'none'],
  ])('"%s" → %s, no procedure', (text, intent) => {
    expect(recognizer.parse(text)).toMatchObject({ intent, procedure: null });
  });

  it.each([
    ['đổi căn cước bao lần trong đời', 'lần'],
    ['giấy tự khai có cần không', 'tự'],
    ['giá cả ở đâu rẻ', 'giá'],
  ])('keeps the words of "%s" as typed ("%s")', (text, word) => {
    expect(recognizer.read(text).norm.words).toContain(word);
  });
});

describe('slips between syllables', () => {
  it.each([
    ['sin', 'sinh', true], ['te', 'ten', true], ['chu', 'tru', true], ['se', 'xe', true],
    ['doang', 'doanh', true], ['lan', 'nan', true], ['can', 'cuoc', false], ['kieu', 'chieu', false],
  ])('"%s" can be "%s" mistyped: %s', (typed, word, expected) => {
    expect(slips(typed).includes(word)).toBe(expected);
  });

  it('tells a regional spelling from a letter off', () => {
    expect(soundAlikes('chu')).toContain('tru');
    expect(soundAlikes('can')).not.toContain('ca');
    expect(oneEditApart('can', 'ca')).toBe(true);
  });
});
