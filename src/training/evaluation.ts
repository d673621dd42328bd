import { z } from 'zod';
import { INTENTS, isIntent } from '../nlu/intents.js';
import { kFolds } from '../nlu/folds.js';
import { trainModel, type TrainEnvironment, type TrainingSetJson } from './model-codec.js';

// The one evaluation of the assistant's understanding, for `dvc eval`, the bench, the
// challenge test and the staff report alike: questions with their expected answers, scored
// (intent and procedure accuracy, out-of-scope rejection, dossier codes, precision, recall
// and F1 per intent, the confusion matrix); and k-fold cross-validation of the whole pipeline
// the server serves (classifier, matcher, staff memory) on a training set.

export const CV_FOLDS = 5;
/** Misses kept in a report, for reading. */
const MAX_ERRORS = 200;

export interface EvalCase {
  text: string;
  /** Accepted intents (a gold line may accept two). */
  intents: string[];
  procedure: string | null;
  dossierCode?: string;
}

export interface Prediction {
  intent: string;
  procedure: string | null;
  entities: { dossierCode?: string };
}

const ratioSchema = z.object({ correct: z.number(), total: z.number() });
const intentScoresSchema = z.object({ precision: z.number(), recall: z.number(), f1: z.number(), support: z.number() });

export const evaluationReportSchema = z.object({
  /** k of the cross-validation; null for a set of questions scored as they are. */
  folds: z.number().nullable(),
  /** Questions scored. */
  utterances: z.number(),
  /** Share of questions whose intent was found. */
  intentAccuracy: z.number(),
  /** Share of questions naming a procedure whose procedure was found (null: none name one). */
  procedureAccuracy: z.number().nullable(),
  intent: ratioSchema,
  procedure: ratioSchema,
  /** Out-of-scope questions answered `none`. */
  oosRejected: ratioSchema,
  /** In-scope questions answered `none` (lower is better). */
  falseNone: ratioSchema,
  dossierCode: ratioSchema,
  perIntent: z.record(z.string(), intentScoresSchema),
  /** Row = gold intent, column = predicted intent, both in `labels` order. */
  labels: z.array(z.string()),
  matrix: z.array(z.array(z.number())),
  /** "gold → predicted" and how often, most frequent first. */
  confusions: z.array(z.tuple([z.string(), z.number()])),
  procedureConfusions: z.array(z.tuple([z.string(), z.number()])),
  /** Some of the questions it got wrong, for reading. */
  errors: z.array(z.object({ text: z.string(), gold: z.string(), predicted: z.string() })),
  ms: z.number(),
});
export type EvaluationReport = z.infer<typeof evaluationReportSchema>;
export type EvalReport = EvaluationReport;
export type IntentScores = EvaluationReport['perIntent'][string];
type Ratio = z.infer<typeof ratioSchema>;

/** Scores the answers of `parse` to the questions. */
export function evaluate(cases: ReadonlyArray<EvalCase>, parse: (text: string) => Prediction): EvaluationReport {
  const started = Date.now();
  return score(cases, cases.map((c) => parse(c.text)), { folds: null, started });
}

/**
 * k-fold cross-validation of the whole pipeline on a training set: k models, each trained
 * without one fold and asked that fold. A staff FAQ counts as its own intent here. Async only
 * so that `onFold` can report progress between folds (the folds themselves are CPU).
 */
export async function crossValidate(
  env: TrainEnvironment,
  set: TrainingSetJson,
  k = CV_FOLDS,
  onFold: (done: number, total: number) => Promise<void> | void = () => {},
): Promise<EvaluationReport> {
  const started = Date.now();
  const cases: EvalCase[] = [];
  const predictions: Prediction[] = [];
  let done = 0;
  for (const { train, test } of kFolds(set.utterances, k)) {
    const { recognizer } = trainModel(env, { ...set, utterances: train });
    for (const u of test) {
      const parse = recognizer.parse(u.text);
      cases.push({ text: u.text, intents: [u.intent], procedure: u.procedure });
      predictions.push({ ...parse, intent: parse.faq?.intent ?? parse.intent });
    }
    await onFold(++done, k);
  }
  return score(cases, predictions, { folds: k, started });
}

function score(cases: ReadonlyArray<EvalCase>, predictions: ReadonlyArray<Prediction>, about: { folds: number | null; started: number }): EvaluationReport {
  const ratio = (): Ratio => ({ correct: 0, total: 0 });
  const r = { intent: ratio(), procedure: ratio(), oosRejected: ratio(), falseNone: ratio(), dossierCode: ratio() };
  const count = (x: Ratio, ok: boolean): void => {
    x.total++;
    if (ok) x.correct++;
  };
  const pairs: Array<{ gold: string; predicted: string }> = [];
  const confusions = new Map<string, number>();
  const procedureConfusions = new Map<string, number>();
  const bump = (m: Map<string, number>, key: string): void => { m.set(key, (m.get(key) ?? 0) + 1); };
  const errors: EvaluationReport['errors'] = [];
  cases.forEach((c, i) => {
    const p = predictions[i] ?? { intent: 'none', procedure: null, entities: {} };
    const intentOk = c.intents.includes(p.intent);
    const gold = intentOk ? p.intent : c.intents[0] ?? 'none';
    pairs.push({ gold, predicted: p.intent });
    count(r.intent, intentOk);
    if (!intentOk) bump(confusions, `${gold} → ${p.intent}`);
    if (c.procedure !== null) {
      count(r.procedure, p.procedure === c.procedure);
      if (p.procedure !== c.procedure) bump(procedureConfusions, `${c.procedure} → ${p.procedure}`);
    }
    count(c.intents.includes('none') ? r.oosRejected : r.falseNone, p.intent === 'none');
    if (c.dossierCode) count(r.dossierCode, p.entities.dossierCode === c.dossierCode.toUpperCase().replace(/\s+/g, ''));
    if ((!intentOk || (c.procedure !== null && p.procedure !== c.procedure)) && errors.length < MAX_ERRORS) {
      errors.push({ text: c.text, gold: `${c.intents.join('|')} ${c.procedure ?? ''}`.trim(), predicted: `${p.intent} ${p.procedure ?? ''}`.trim() });
    }
  });
  const labels = [...new Set(pairs.flatMap((x) => [x.gold, x.predicted]))].sort(byIntentOrder);
  const at = new Map(labels.map((l, i) => [l, i]));
  const matrix = labels.map(() => labels.map(() => 0));
  for (const { gold, predicted } of pairs) {
    const row = matrix[at.get(gold) ?? 0];
    const col = at.get(predicted) ?? 0;
    if (row) row[col] = (row[col] ?? 0) + 1;
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
  const byCount = (m: Map<string, number>): Array<[string, number]> => [...m.entries()].sort((a, b) => b[1] - a[1]);
  return {
    folds: about.folds,
    utterances: cases.length,
    intentAccuracy: r.intent.total ? r.intent.correct / r.intent.total : 0,
    procedureAccuracy: r.procedure.total ? r.procedure.correct / r.procedure.total : null,
    ...r,
    perIntent,
    labels,
    matrix,
    confusions: byCount(confusions),
    procedureConfusions: byCount(procedureConfusions),
    errors,
    ms: Date.now() - about.started,
  };
}

/** Contract intents in the contract's order, staff FAQs after them, `none` last. */
function byIntentOrder(a: string, b: string): number {
  const rank = (l: string): number => (l === 'none' ? 1000 : isIntent(l) ? INTENTS.indexOf(l) : 500);
  return rank(a) - rank(b) || a.localeCompare(b);
}

/** A gold line: `{"text", "intent": one or several, "procedure"?, "dossierCode"?}` (the dev sample's format). */
const goldLineSchema = z.object({
  text: z.string(),
  intent: z.union([z.string(), z.array(z.string()).min(1)]),
  procedure: z.string().nullable().optional(),
  dossierCode: z.string().optional(),
});

/** The questions of a gold JSONL text; a line that is not one says which and why. */
export function parseGold(text: string, source: string): EvalCase[] {
  return text.split(/\r?\n/).flatMap((line, i) => {
    if (!line.trim()) return [];
    let json: unknown;
    try {
      json = JSON.parse(line);
    } catch {
      throw new Error(`${source}:${i + 1}: not valid JSON`);
    }
    const parsed = goldLineSchema.safeParse(json);
    if (!parsed.success) throw new Error(`${source}:${i + 1}: ${parsed.error.issues.map((x) => `${x.path.join('.') || '(line)'}: ${x.message}`).join('; ')}`);
    const g = parsed.data;
    return [{ text: g.text, intents: Array.isArray(g.intent) ? g.intent : [g.intent], procedure: g.procedure ?? null, ...(g.dossierCode ? { dossierCode: g.dossierCode } : {}) }];
  });
}
