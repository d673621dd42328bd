import { AliasVocabulary, UNMATCHED } from '../../src/nlu/alias-vocabulary.js';
import { EMPTY_LEXICON } from '../../src/nlu/vi/lexicon.js';
import { normalizeText } from '../../src/nlu/vi/normalize.js';

const norm = (text: string) => normalizeText(text, EMPTY_LEXICON);
const vocabulary = new AliasVocabulary([
  { id: 'giam-ho', phrases: [norm('đăng ký giám hộ'), norm('làm giấy giám hộ')] },
  { id: 'mst', phrases: [norm('đăng ký người phụ thuộc giảm trừ gia cảnh'), norm('căn cước dùng làm mã số thuế')] },
  { id: 'ket-hon', phrases: [norm('đăng ký kết hôn')] },
  { id: 'ly-lich', phrases: [norm('lý lịch tư pháp')] },
]);

describe('words as the aliases write them', () => {
  it.each([
    ['giam', 'giam', 'a word typed without diacritics'],
    ['giám', 'giam', 'the way an alias writes it'],
    ['giảm', 'giam', 'the way some other alias writes it'],
    ['kêt', 'ket', 'a word missing only its tone mark'],
    ['két', 'ket', 'a word with its tone and none of its other marks'],
    ['lí', 'li', 'final i for y'],
    ['xyz', 'xyz', 'a word no alias uses'],
  ])('accepts "%s" (%s)', (word, folded) => {
    expect(vocabulary.accepts(word, folded)).toBe(true);
  });

  it.each([
    ['đứng', 'dung', 'dùng'],
    ['mà', 'ma', 'mã'],
    ['sổ', 'so', 'số'],
    ['đang', 'dang', 'đăng'],
    ['kệt', 'ket', 'kết'],
  ])('does not take "%s" for the alias word of "%s" (%s)', (word, folded) => {
    expect(vocabulary.accepts(word, folded)).toBe(false);
  });

  it('judges a word by one procedure\'s own names when asked to', () => {
    expect(vocabulary.accepts('giảm', 'giam', 'giam-ho')).toBe(false);
    expect(vocabulary.accepts('giảm', 'giam', 'mst')).toBe(true);
    expect(vocabulary.foreign('giam-ho', [0, 3], norm('làm sao để giảm cân'))).toEqual([3]);
  });

  it('takes words written otherwise out of matching, keeping every position', () => {
    const filtered = vocabulary.filter(norm('sổ vẫn đứng tên mà chưa đăng ký'));
    expect(filtered.folded).toEqual([UNMATCHED, 'van', UNMATCHED, 'ten', UNMATCHED, 'chua', 'dang', 'ky']);
    expect(filtered.words).toHaveLength(8);
  });

  it('counts the words of a procedure\'s names next to a match as naming it', () => {
    const question = norm('thủ tục đăng ký giám hộ cho cháu ở đâu');
    expect(vocabulary.span('giam-ho', [4, 5], question.folded)).toEqual([2, 3, 4, 5]);
    expect(vocabulary.span('ket-hon', [], question.folded)).toEqual([]);
  });
});
