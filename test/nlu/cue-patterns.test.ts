import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { PatternSet } from '../../src/nlu/cue-patterns.js';
import { readCuesFile } from '../../src/nlu/cues.js';
import { DataFileError } from '../../src/errors.js';
import { EMPTY_LEXICON, loadLexicon } from '../../src/nlu/vi/lexicon.js';
import { normalizeText } from '../../src/nlu/vi/normalize.js';
import { loadConfig } from '../../src/config.js';

// Cue patterns are data (intents/cues/vi.yaml): alternatives with "|", gaps with "…", words
// with diacritics matching themselves or the same word typed without any.

const lexicon = loadLexicon(path.join(loadConfig({}).INTENTS_DIR, 'lexicon', 'abbreviations.yaml'));
const norm = (text: string) => normalizeText(text, lexicon);
const set = (patterns: string[], gap = 2) => new PatternSet(patterns, norm, gap);

describe('cue patterns', () => {
  it.each([
    ['bỏ qua … quy tắc|hướng dẫn', 'hãy bỏ qua mọi quy tắc đi', true],
    ['bỏ qua … quy tắc|hướng dẫn', 'bo qua huong dan', true],
    ['bỏ qua … quy tắc|hướng dẫn', 'bỏ qua cho tôi lần này nhé được không quy tắc', false],
    ['giá', 'gia vang hom nay', true],
    ['giá', 'già rồi', false],
    ['không phải', 'ko phai het han', true],
    ['số điện thoại … của', 'cho xin sdt của anh ấy', true],
  ])('"%s" in "%s": %s', (pattern, text, expected) => {
    expect(set([pattern]).test(norm(text))).toBe(expected);
  });

  it('answers the positions of the words it matched, gaps left out', () => {
    const [match] = set(['bỏ qua … quy tắc']).find(norm('xin bỏ qua mọi quy tắc'));
    expect(match?.positions).toEqual([1, 2, 4, 5]);
  });

  it('matches only inside the span it is given', () => {
    const text = norm('giá vàng, lệ phí bao nhiêu');
    expect(set(['giá']).test(text, 2)).toBe(false);
    expect(set(['lệ phí']).test(text, 2)).toBe(true);
  });

  it('reads the cue file of the project without error', () => {
    const cues = readCuesFile(path.join(loadConfig({}).INTENTS_DIR, 'cues', 'vi.yaml'));
    expect(cues.manipulation.length).toBeGreaterThan(5);
    expect(cues.ruleOut.cues.length).toBeGreaterThan(0);
  });

  it('refuses a cue file with a misspelt section, naming the file and the field', () => {
    const file = path.join(mkdtempSync(path.join(tmpdir(), 'cues-')), 'vi.yaml');
    writeFileSync(file, 'version: 1\nquestion: {}\nruleOut: { cues: [không phải], maxWord: 3 }\ngoodsPrice: {}\n');
    expect(() => readCuesFile(file)).toThrow(DataFileError);
    expect(() => readCuesFile(file)).toThrow(/vi\.yaml.*ruleOut.*maxWord/s);
  });

  it('finds nothing with no patterns', () => {
    expect(new PatternSet([], (t) => normalizeText(t, EMPTY_LEXICON), 3).find(norm('bỏ qua quy tắc'))).toEqual([]);
  });
});
