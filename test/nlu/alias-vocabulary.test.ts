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

  it.each([
    ['kết', 'ket', 'ket-hon', true, 'as its names write it'],
    ['ket', 'ket', 'ket-hon', true, 'without diacritics'],
    ['kêt', 'ket', 'ket-hon', true, 'missing only its tone mark'],
    ['két', 'ket', 'ket-hon', true, 'with its tone and none of its other marks'],
    ['kệt', 'ket', 'ket-hon', false, 'with another tone'],
    ['lí', 'li', 'ly-lich', true, 'with final i for y'],
    ['mà', 'ma', 'mst', false, 'another word of the same fold'],
    ['giảm', 'giam', 'khong-co', true, 'for a procedure it does not know'],
    ['đứng', 'dung', 'ket-hon', true, 'for a fold that procedure\'s names do not have'],
  ])('judges "%s" (%s) by the names of %s: %s (%s)', (word, folded, procedure, accepted) => {
    expect(vocabulary.accepts(word, folded, procedure)).toBe(accepted);
  });

  it('knows the words of each procedure\'s official name, the later names of a repeated id replacing the earlier', () => {
    expect(vocabulary.inName('giam-ho', 'dang')).toBe(true);
    expect(vocabulary.inName('giam-ho', 'lam')).toBe(false);
    expect(vocabulary.inName('khong-co', 'dang')).toBe(false);
    const repeated = new AliasVocabulary([
      { id: 'a', phrases: [norm('đăng ký giám hộ')] },
      { id: 'a', phrases: [norm('giảm trừ gia cảnh')] },
    ]);
    expect(repeated.inName('a', 'tru')).toBe(true);
    expect(repeated.inName('a', 'ho')).toBe(false);
    expect(repeated.accepts('giảm', 'giam', 'a')).toBe(true);
    expect(repeated.accepts('giám', 'giam', 'a')).toBe(false);
    // Without a procedure, every name read counts.
    expect(repeated.accepts('giám', 'giam')).toBe(true);
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
