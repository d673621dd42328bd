import { INTENTS, isIntent } from '../nlu/intents.js';
import { trainModel, type TrainEnvironment, type TrainingSetJson } from './model-codec.js';

// The evaluation shown on the report page: k-fold cross-validation of the whole pipeline
// (classifier, matcher, staff memory) on the model's own training set, with per-intent
// precision/recall/F1 and the confusion matrix. Folds are deterministic (utterance i goes to
// fold i mod k), so the same data always scores the same.

export const CV_FOLDS = 5;

export interface IntentScores {
  precision: number;
  recall: number;
  f1: number;
  support: number;
}

export interface EvaluationReport {
  folds: number;
  utterances: number;
  /** Share of utterances whose intent was found. */
  intentAccuracy: number;
  /** Share of utterances naming a procedure whose procedure was found (null: none name one). */
  procedureAccuracy: number | null;
  perIntent: Record<string, IntentScores>;
  /** Row = gold intent, column = predicted intent, both in `labels` order. */
  labels: string[];
  matrix: number[][];
  /** Some of the utterances it got wrong, for reading. */
  errors: Array<{ text: string; gold: string; predicted: string }>;
  ms: number;
}

const MAX_ERRORS = 200;

/** Async only so that `onFold` can report progress between folds (the folds themselves are CPU). */
export async function crossValidateSet(
  env: TrainEnvironment,
  set: TrainingSetJson,
  k = CV_FOLDS,
  onFold: (done: number, total: number) => Promise<void> | void = () => {},
): Promise<EvaluationReport> {
  const started = Date.now();
  const outcomes: Outcome[] = [];
  for (let fold = 0; fold < k; fold++) {
    const train = { ...set, utterances: set.utterances.filter((_, i) => i % k !== fold) };
    const { recognizer } = trainModel(env, train);
    set.utterances.forEach((u, i) => {
      if (i % k !== fold) return;
      const parse = recognizer.parse(u.text);
      outcomes.push({ text: u.text, gold: u.intent, predicted: parse.faq?.intent ?? parse.intent, goldProcedure: u.procedure, procedure: parse.procedure });
    });
    await onFold(fold + 1, k);
  }
  return { ...score(outcomes), folds: k, ms: Date.now() - started };
}

export interface Outcome {
  text: string;
  gold: string;
  predicted: string;
  goldProcedure: string | null;
  procedure: string | null;
}

export function score(outcomes: ReadonlyArray<Outcome>): Omit<EvaluationReport, 'folds' | 'ms'> {
  const labels = [...new Set(outcomes.flatMap((o) => [o.gold, o.predicted]))].sort(byIntentOrder);
  const at = new Map(labels.map((l, i) => [l, i]));
  const matrix = labels.map(() => labels.map(() => 0));
  let correct = 0;
  let procTotal = 0;
  let procCorrect = 0;
  const errors: EvaluationReport['errors'] = [];
  for (const o of outcomes) {
    const row = matrix[at.get(o.gold) ?? 0];
    const col = at.get(o.predicted) ?? 0;
    if (row) row[col] = (row[col] ?? 0) + 1;
    if (o.gold === o.predicted) correct++;
    if (o.goldProcedure !== null) {
      procTotal++;
      if (o.procedure === o.goldProcedure) procCorrect++;
    }
    if ((o.gold !== o.predicted || (o.goldProcedure !== null && o.procedure !== o.goldProcedure)) && errors.length < MAX_ERRORS) {
      errors.push({ text: o.text, gold: `${o.gold} ${o.goldProcedure ?? ''}`.trim(), predicted: `${o.predicted} ${o.procedure ?? ''}`.trim() });
    }
  }
  const perIntent: Record<string, IntentScores> = {};
  labels.forEach((label, i) => {
    const tp = matrix[i]?.[i] ?? 0;
    const support = (matrix[i] ?? []).reduce((a, b) => a + b, 0);
    const predicted = matrix.reduce((a, row) => a + (row[i] ?? 0), 0);
    const precision = predicted ? tp / predicted : 0;
    const recall = support ? tp / support : 0;
    perIntent[label] = { precision, recall, f1: precision + recall ? (2 * precision * recall) / (precision + recall) : 0, support };
  });
  return {
    utterances: outcomes.length,
    intentAccuracy: outcomes.length ? correct / outcomes.length : 0,
    procedureAccuracy: procTotal ? procCorrect / procTotal : null,
    perIntent,
    labels,
    matrix,
    errors,
  };
}

/** Contract intents in the contract's order, staff FAQs after them, `none` last. */
function byIntentOrder(a: string, b: string): number {
  const rank = (l: string): number => (l === 'none' ? 1000 : isIntent(l) ? INTENTS.indexOf(l) : 500);
  return rank(a) - rank(b) || a.localeCompare(b);
}
