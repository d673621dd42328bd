import path from 'node:path';
import { loadConfig } from '../../../src/config.js';
import { nameAcronyms, withNameAcronyms } from '../../../src/nlu/catalogue/name-acronyms.js';
import { loadLexicon } from '../../../src/nlu/vi/lexicon.js';
import { normalizeText } from '../../../src/nlu/vi/normalize.js';
import { isFoldedSyllable } from '../../../src/nlu/vi/syllable.js';

const lexicon = loadLexicon(path.join(loadConfig({}).INTENTS_DIR, 'lexicon', 'abbreviations.yaml'));
const origin = { kind: 'catalogue' as const, file: 'a.csv', row: 2 };
const NAMES = [
  'Cấp giấy phép lao động cho người lao động nước ngoài làm việc tại Việt Nam',
  'Gia hạn giấy phép lao động cho người lao động nước ngoài làm việc tại Việt Nam',
  'Xác nhận người lao động nước ngoài không thuộc diện cấp giấy phép lao động',
  'Thẩm định báo cáo đánh giá tác động môi trường',
  'Cấp giấy phép môi trường',
  'Đăng ký làm cộng tác viên dịch thuật',
  'Thành lập trường mầm non tư thục',
  'Giải thể trường mầm non',
  'Cho phép trường mầm non hoạt động giáo dục',
];

describe('the acronyms of catalogue names', () => {
  const acronyms = nameAcronyms(NAMES, lexicon);

  it.each([
    ['gpld', 'giấy phép lao động'],
    ['dtm', 'đánh giá tác động môi trường'],
    ['gpmt', 'giấy phép môi trường'],
    ['ld', 'lao động'],
  ])('read "%s" as "%s"', (acronym, phrase) => {
    expect(acronyms.get(acronym)).toBe(phrase);
  });

  it.each([
    ['ctv', 'cong tac vien'],
    ['gp', 'giay phep'],
    // The lexicon's own reading stands, even when it is not the name's ("mn" is "mọi người").
    ['mn', 'moi nguoi'],
  ])('leave "%s", which the lexicon already reads, to the lexicon', (acronym, folded) => {
    expect(acronyms.has(acronym)).toBe(false);
    expect(normalizeText(`xin ${acronym}`, lexicon).folded.join(' ')).toContain(folded);
  });

  it('never cross a joining word ("đối với", "cho", "tại") nor take initials that spell a syllable', () => {
    // "lao động cho người" is no phrase; "ma" (of "mầm non" and "…") would be a word.
    expect(acronyms.has('ldcn')).toBe(false);
    expect(acronyms.has('ldnn')).toBe(true);
    expect([...acronyms.keys()].filter(isFoldedSyllable)).toEqual([]);
  });

  it('take two initials only for a phrase three names use', () => {
    // "cộng tác" is in one name only.
    expect(acronyms.has('ct')).toBe(false);
  });

  it('leave a word of the lexicon and a word of the training questions as they are', () => {
    expect(nameAcronyms(['Cấp giấy phép kinh doanh', 'Gia hạn giấy phép kinh doanh', 'Cấp lại giấy phép kinh doanh'], lexicon).has('gpkd')).toBe(false);
    expect(nameAcronyms(NAMES, lexicon, new Set(['mn'])).has('mn')).toBe(false);
    // The abbreviations lexicon reads these itself ("mn" is "mọi người" there).
    for (const own of ['ctv', 'mn', 'gp']) expect(acronyms.has(own)).toBe(false);
  });

  it.each([
    ['with diacritics', 'xin gplđ cho chuyên gia'],
    ['without', 'xin gpld cho chuyen gia'],
  ])('are read in a question when a catalogue is loaded (%s)', (_how, text) => {
    const withCatalogue = withNameAcronyms(lexicon, NAMES.map((name) => ({ name, origin })), []);
    expect(normalizeText(text, withCatalogue).folded.join(' ')).toContain('giay phep lao dong');
    // knowledge/ alone: nothing changes.
    expect(withNameAcronyms(lexicon, NAMES.map((name) => ({ name })), [])).toBe(lexicon);
  });
});
