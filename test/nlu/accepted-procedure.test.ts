import { acceptedProcedure, DEFAULT_RECOGNIZER_OPTIONS, findProcedures } from '../../src/nlu/recognizer.js';
import { buildMatcher } from '../../src/nlu/train.js';
import { normalizeText } from '../../src/nlu/vi/normalize.js';
import { KnowledgeBase } from '../../src/knowledge/knowledge-base.js';
import { generateCatalogue } from '../../src/knowledge/synthetic/generate.js';
import { projectRecognizer } from '../helpers/recognizer.js';

// Training asks only which procedure a question names; acceptedProcedure answers that with a
// cheaper search, and must answer exactly what findProcedures does.

const { data } = projectRecognizer();
const bundled = data.knowledge.procedures;

describe.each([
  ['the bundled catalogue', 0],
  ['a synthetic catalogue of 1,500 procedures', 1500],
])('the accepted procedure over %s', (_name, size) => {
  const knowledge = new KnowledgeBase([...bundled, ...generateCatalogue(bundled, { size })]);
  const matcher = buildMatcher(knowledge, data.lexicon, data.examples);

  it('is the one findProcedures accepts, for every training question', () => {
    let named = 0;
    for (const { text } of data.examples.filter((_, i) => !size || i % 3 === 0)) {
      const norm = normalizeText(text, data.lexicon);
      const expected = findProcedures(matcher, DEFAULT_RECOGNIZER_OPTIONS, norm).accepted;
      expect(acceptedProcedure(matcher, DEFAULT_RECOGNIZER_OPTIONS, norm)).toEqual(expected);
      if (expected) named++;
    }
    expect(named).toBeGreaterThan(100);
  });
});
