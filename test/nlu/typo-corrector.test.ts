import Fuse from 'fuse.js';
import fc from 'fast-check';
import { TypoCorrector } from '../../src/nlu/typo-corrector.js';
import { normalizeText } from '../../src/nlu/vi/normalize.js';
import { generateCatalogue } from '../../src/synthetic/generate.js';
import { projectRecognizer } from '../helpers/recognizer.js';

// The corrector runs fuse.js over the few vocabulary words that can match; it must pick
// exactly the word fuse.js picks over the whole vocabulary.

const THRESHOLD = 0.25;
const { data } = projectRecognizer();
const procedures = [...data.knowledge.procedures, ...generateCatalogue(data.knowledge.procedures, { size: 1500 })];
const vocabulary = [...new Set(procedures.flatMap((p) => [p.name, ...p.aliases]).flatMap((t) => normalizeText(t, data.lexicon).folded))]
  .filter((w) => w.length >= 3);
const fuse = new Fuse(vocabulary, { includeScore: true, threshold: THRESHOLD, ignoreLocation: true });
const nearestByFuse = (word: string): string | null => {
  const [best] = fuse.search(word, { limit: 1 });
  return best && (best.score ?? 1) <= THRESHOLD ? best.item : null;
};

/** A vocabulary word with one to three letters changed, dropped, doubled or swapped. */
const misspelt = fc.tuple(fc.constantFrom(...vocabulary), fc.array(fc.tuple(fc.nat(), fc.constantFrom('change', 'drop', 'double', 'swap'), fc.constantFrom(...'abcdeghiklmnopqrstuvxy')), { minLength: 1, maxLength: 3 }))
  .map(([word, edits]) => edits.reduce((w, [at, kind, letter]) => {
    const i = at % Math.max(1, w.length);
    if (kind === 'change') return w.slice(0, i) + letter + w.slice(i + 1);
    if (kind === 'drop') return w.length > 1 ? w.slice(0, i) + w.slice(i + 1) : w;
    if (kind === 'double') return w.slice(0, i) + w[i] + w.slice(i);
    return w.slice(0, i) + (w[i + 1] ?? '') + (w[i] ?? '') + w.slice(i + 2);
  }, word));

describe('the typo corrector', () => {
  const corrector = new TypoCorrector(vocabulary, THRESHOLD);

  it('corrects misspelt vocabulary words exactly as fuse.js over the whole vocabulary does', () => {
    fc.assert(fc.property(misspelt, (word) => {
      expect(corrector.nearest(word)).toBe(nearestByFuse(word));
    }), { numRuns: 2000 });
  });

  it('answers any word exactly as fuse.js over the whole vocabulary does', () => {
    fc.assert(fc.property(fc.stringMatching(/^[a-z]{4,40}$/), (word) => {
      expect(corrector.nearest(word)).toBe(nearestByFuse(word));
    }), { numRuns: 1000 });
  });

  it.each([
    ['thuongg', 'thuong'],
    ['giaay', 'giay'],
    ['qwrtzp', null],
  ])('corrects "%s" to %s', (word, expected) => {
    expect(corrector.nearest(word)).toBe(expected);
  });

  it('looks at a small part of the vocabulary for a short word', () => {
    expect(corrector.candidates('thuongg')?.length).toBeLessThan(vocabulary.length / 4);
  });
});
