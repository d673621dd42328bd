import { compareEvaluations, WORSE_BY } from '../../src/training/compare.js';
import { evaluate, type EvaluationReport } from '../../src/training/evaluation.js';

describe('the worse-model rule', () => {
  /** A report of 100 fee questions, `correct` of them understood, with the given procedure accuracy. */
  const report = (correct: number, procedure = 0.9): EvaluationReport => ({
    ...evaluate(
      Array.from({ length: 100 }, (_, i) => ({ text: `q${i}`, intents: ['procedure.fee'], procedure: null })),
      (text) => ({ intent: Number(text.slice(1)) < correct ? 'procedure.fee' : 'none', procedure: null, entities: {} }),
    ),
    procedureAccuracy: procedure,
    folds: 5,
  });

  it.each([
    ['a drop of 1 point', 89, 0.9, false],
    ['a drop of exactly the limit', 90 - WORSE_BY * 100, 0.9, false],
    ['a drop of 3 points in intent accuracy', 87, 0.9, true],
    ['a drop of 3 points in procedure accuracy', 90, 0.87, true],
    ['a gain', 95, 0.95, false],
  ])('judges %s', (_name, correct, procedure, worse) => {
    const comparison = compareEvaluations(report(correct, procedure), report(90));
    expect(comparison.worse).toBe(worse);
    expect(comparison.reasons.length > 0).toBe(worse);
  });
});
