import fc from 'fast-check';
import { PhraseIndex } from '../../src/nlu/phrase-index.js';
import { weighWords } from '../../src/nlu/word-weights.js';
import { normalizeText } from '../../src/nlu/vi/normalize.js';
import { generateCatalogue } from '../../src/synthetic/generate.js';
import { projectRecognizer } from '../helpers/recognizer.js';
import { FullScanMatcher } from './full-scan-matcher.js';

// PhraseIndex skips most candidate phrases; it must answer exactly what scoring them all
// answers: the same procedures, scores, phrases and matched words, in the same order.

const { data } = projectRecognizer();
const questions = data.examples.map((e) => e.text);

function indexes(procedures: ReadonlyArray<{ name: string; aliases: string[] }>): {
  fast: PhraseIndex; reference: FullScanMatcher; words: (text: string) => string[]; vocabulary: string[];
} {
  const phrases = procedures.map((p) => [p.name, ...p.aliases].map((t) => normalizeText(t, data.lexicon)));
  const weights = weighWords(phrases.map((ph, i) => ({ phrases: ph, questions: i % 3 ? [] : ph })));
  const folded = phrases.map((ph) => ph.map((n) => n.folded));
  return {
    fast: new PhraseIndex(folded, weights),
    reference: new FullScanMatcher(folded, weights),
    words: (text) => normalizeText(text, data.lexicon).folded,
    vocabulary: [...weights.keys()],
  };
}

describe.each([
  ['the bundled catalogue', 0],
  ['a synthetic catalogue of 2,000 procedures', 2000],
])('the phrase index over %s', (_name, size) => {
  const bundled = data.knowledge.procedures;
  const { fast, reference, words, vocabulary } = indexes([...bundled, ...generateCatalogue(bundled, { size })]);

  it('answers training questions exactly as scoring every candidate does', () => {
    for (const text of size ? questions.filter((_, i) => i % 4 === 0) : questions) {
      for (const limit of [1, 5]) expect(fast.best(words(text), limit)).toEqual(reference.best(words(text), limit));
    }
  });

  it('answers any mix of catalogue words, repeated words and unknown words exactly as scoring every candidate does', () => {
    const word = fc.oneof(fc.constantFrom(...vocabulary), fc.constantFrom('xyz', 'cho', 'thu', 'tuc'));
    fc.assert(fc.property(fc.array(word, { minLength: 1, maxLength: 14 }), fc.integer({ min: 1, max: 8 }), (ws, limit) => {
      expect(fast.best(ws, limit)).toEqual(reference.best(ws, limit));
    }), {
      numRuns: 400,
      // Found by this property: light words set aside at one check were forgotten at the next.
      examples: [[['ca', 'xac', 'thu', 'tich', 'cho', 'xyz'], 2]],
    });
  });
});

describe('the phrase index', () => {
  it('keeps the catalogue order between procedures whose phrases score the same', () => {
    const weights = new Map([['a', 1], ['b', 1], ['c', 1]]);
    const procedures = [[['c', 'a']], [['a', 'b']], [['b', 'a']], [['a', 'c']]];
    const fast = new PhraseIndex(procedures, weights);
    expect(fast.best(['a'], 4).map((m) => m.procedure)).toEqual([0, 1, 2, 3]);
    expect(fast.best(['b', 'a'], 2).map((m) => m.procedure)).toEqual(new FullScanMatcher(procedures, weights).best(['b', 'a'], 2).map((m) => m.procedure));
  });

  it('names nothing when no word of the question is in a phrase', () => {
    const fast = new PhraseIndex([[['a']]], new Map([['a', 1]]));
    expect(fast.best(['z'], 5)).toEqual([]);
  });
});
