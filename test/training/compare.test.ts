import { compareEvaluations, WORSE_BY } from '../../src/training/compare.js';
import { score } from '../../src/training/evaluate.js';

describe('the worse-model rule', () => {
  const report = (correct: number, procedure = 0.9): ReturnType<typeof score> & { folds: number; ms: number } => ({
    ...score(Array.from({ length: 100 }, (_, i) => ({ text: `q${i}`, gold: 'procedure.fee', predicted: i < correct ? 'procedure.fee' : 'none', goldProcedure: null, procedure: null }))),
    procedureAccuracy: procedure,
    folds: 5,
    ms: 1,
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

  it('computes precision, recall and F1 per intent from the confusion matrix', () => {
    const s = score([
      { text: 'a', gold: 'greeting', predicted: 'greeting', goldProcedure: null, procedure: null },
      { text: 'b', gold: 'greeting', predicted: 'none', goldProcedure: null, procedure: null },
      { text: 'c', gold: 'none', predicted: 'none', goldProcedure: null, procedure: null },
    ]);
    expect(s.labels).toEqual(['greeting', 'none']);
    expect(s.matrix).toEqual([[1, 1], [0, 1]]);
    expect(s.perIntent.greeting).toEqual({ precision: 1, recall: 0.5, f1: 2 / 3, support: 2 });
    expect(s.perIntent.none).toEqual({ precision: 0.5, recall: 1, f1: 2 / 3, support: 1 });
    expect(s.intentAccuracy).toBeCloseTo(2 / 3);
  });
});
