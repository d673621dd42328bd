import BayesClassifier from 'natural/lib/natural/classifiers/bayes_classifier.js';
import { PROCEDURE_INTENTS, type Intent } from './intents.js';
import { ASKING } from './features.js';

// Intent classifier: natural's naive Bayes, trained on syllables and syllable pairs.
// Scoring reads natural's trained counts (in how many questions of each intent a feature
// occurs) and works as a binarised multinomial naive Bayes in log space: natural's own
// scoring multiplies raw probabilities, which underflows to 0 on long messages, and its
// per-intent smoothing favours the intents with the fewest examples, so the large and
// varied `none` intent loses to small ones. A temperature, growing with the message's
// length, turns log posteriors into calibrated confidences.

export interface IntentScore {
  intent: Intent;
  confidence: number;
}

export interface IntentModelJson {
  version: 1;
  labels: Intent[];
  features: string[];
  /** counts[label][featureIndex], as natural trained them. */
  counts: Record<string, Record<number, number>>;
  totals: Record<string, number>;
  totalExamples: number;
  smoothing: number;
  /** Softmax temperature, for a message of REFERENCE_FEATURES known features... */
  temperature: number;
  /** ...and how it grows with the number of features: T × (n / REFERENCE_FEATURES)^exponent. */
  temperatureExponent: number;
}

/**
 * Naive Bayes counts a message's words as independent evidence, so long messages come out
 * overconfident and short ones ("chào") underconfident: the temperature grows with length.
 */
export const REFERENCE_FEATURES = 8;

/**
 * Additive smoothing of the multinomial estimates. It is added for every feature of the
 * vocabulary, so it weighs most on the intents with few examples (greetings, thanks):
 * 0.3 keeps "chào" a greeting without making rare words decide (chosen on 5-fold CV).
 */
const ALPHA = 0.3;

export class IntentClassifier {
  private readonly featureIndex: Map<string, number>;
  private readonly intents: Intent[];
  /** Log prior per intent. */
  private readonly priors: Float64Array;
  /** log P(feature | intent), feature-major: weights[feature × intents + intent] (a question reads a few rows). */
  private readonly weights: Float64Array;

  private constructor(private readonly model: IntentModelJson) {
    this.featureIndex = new Map(model.features.map((f, i) => [f, i]));
    const vocabularySize = model.features.length;
    this.intents = [...model.labels];
    const n = this.intents.length;
    this.priors = Float64Array.from(this.intents, (intent) => Math.log((model.totals[intent] ?? 1) / model.totalExamples));
    this.weights = new Float64Array(vocabularySize * n);
    this.intents.forEach((intent, k) => {
      const counts = model.counts[intent] ?? {};
      // natural stores (occurrences + smoothing) per feature.
      const occurrences = Object.entries(counts).map(([i, c]) => [Number(i), c - model.smoothing] as const);
      const total = occurrences.reduce((sum, [, c]) => sum + c, 0);
      const denominator = Math.log(total + ALPHA * vocabularySize);
      const unseen = Math.log(ALPHA) - denominator;
      for (let f = 0; f < vocabularySize; f++) this.weights[f * n + k] = unseen;
      for (const [i, c] of occurrences) this.weights[i * n + k] = Math.log(c + ALPHA) - denominator;
    });
  }

  static train(examples: ReadonlyArray<{ features: string[]; intent: Intent }>, temperature = 1, temperatureExponent = 0): IntentClassifier {
    // natural's own train() turns every question into a dense vector over all features
    // (seconds for two thousand questions); its classifier also takes sparse examples,
    // which count the same in a fraction of the time.
    const { classifier } = new BayesClassifier();
    const index = new Map<string, number>();
    const totals: Record<string, number> = {};
    for (const ex of examples) {
      if (!ex.features.length) continue;
      const present: Record<number, number> = {};
      [...new Set(ex.features)].forEach((f, k) => {
        let i = index.get(f);
        if (i === undefined) index.set(f, (i = index.size));
        present[k] = i;
      });
      classifier.addExample(present, ex.intent);
      totals[ex.intent] = (totals[ex.intent] ?? 0) + 1;
    }
    return new IntentClassifier({
      version: 1,
      labels: Object.keys(totals) as Intent[],
      features: [...index.keys()],
      counts: classifier.classFeatures,
      totals,
      totalExamples: Object.values(totals).reduce((a, b) => a + b, 0),
      smoothing: classifier.smoothing,
      temperature,
      temperatureExponent,
    });
  }

  static fromJSON(json: IntentModelJson): IntentClassifier {
    return new IntentClassifier(json);
  }

  toJSON(): IntentModelJson {
    return this.model;
  }

  private indices(features: readonly string[]): Set<number> {
    const out = new Set<number>();
    for (const f of features) {
      const i = this.featureIndex.get(f);
      if (i !== undefined) out.add(i);
    }
    return out;
  }

  /** How many of the features the model knows (the evidence a message gives). */
  knownFeatures(features: readonly string[]): number {
    return this.indices(features).size;
  }

  /**
   * Log posterior (unnormalised) per intent. `context`: features of the rest of the message,
   * counted as `weight` of a feature each (the question is what is asked; a story around it
   * only leans).
   */
  logScores(features: readonly string[], context: readonly string[] = [], weight = 0): Array<{ intent: Intent; logp: number }> {
    const logp = this.sums(this.indices(features), weight > 0 ? context : [], weight);
    return this.intents.map((intent, k) => ({ intent, logp: logp[k]! }));
  }

  private sums(present: ReadonlySet<number>, context: readonly string[], weight: number): Float64Array {
    const n = this.intents.length;
    const logp = Float64Array.from(this.priors);
    for (const i of present) for (let k = 0; k < n; k++) logp[k]! += this.weights[i * n + k]!;
    if (context.length) {
      for (const i of this.indices(context)) {
        if (present.has(i)) continue;
        for (let k = 0; k < n; k++) logp[k]! += weight * this.weights[i * n + k]!;
      }
    }
    return logp;
  }

  classify(features: readonly string[], context: readonly string[] = [], weight = 0): IntentScore[] {
    const present = this.indices(features);
    const around = weight > 0 && context.length ? context : [];
    const logp = this.sums(present, around, weight);
    const evidence = present.size + (around.length ? weight * this.knownFeatures(around) : 0);
    const t = temperatureFor(this.model.temperature, this.model.temperatureExponent, evidence);
    const max = Math.max(...logp);
    const exp = Array.from(logp, (l) => Math.exp((l - max) / t));
    const sum = exp.reduce((a, b) => a + b, 0);
    return this.intents
      .map((intent, k) => ({ intent, confidence: (exp[k] ?? 0) / sum }))
      .sort((a, b) => b.confidence - a.confidence);
  }
}

/**
 * The intents of a question whose question word is a feature of its own (features.ts,
 * askingFeatures): whether the message asks about a procedure at all is read without it, as
 * the question word says little of that ("sửa xe ở đâu" asks for a shop), and which question
 * about the procedure, with it (the last question word outweighs the story's words), when
 * the message names one (`named`).
 */
export function classifyAsking(classifier: IntentClassifier, named: boolean, features: readonly string[], context: readonly string[] = [], weight = 0): IntentScore[] {
  const plainFeatures = features.filter((f) => !f.startsWith(ASKING));
  const plain = classifier.classify(plainFeatures, context, weight);
  // (A message that names no procedure is read as before: its question word makes no story a follow-up.)
  if (!named || plainFeatures.length === features.length) return plain;
  const full = classifier.classify(features, context, weight);
  const group = (scores: IntentScore[]): number => scores.reduce((sum, s) => sum + (PROCEDURE_INTENTS.has(s.intent) ? s.confidence : 0), 0);
  const [plainGroup, fullGroup] = [group(plain), group(full)];
  if (fullGroup <= 0) return plain;
  const within = new Map(full.map((s) => [s.intent, s.confidence / fullGroup]));
  return plain
    .map((s) => (PROCEDURE_INTENTS.has(s.intent) ? { intent: s.intent, confidence: plainGroup * (within.get(s.intent) ?? 0) } : s))
    .sort((a, b) => b.confidence - a.confidence);
}

/** The temperature for a message with n known features. */
export function temperatureFor(temperature: number, exponent: number, n: number): number {
  return temperature * Math.pow(Math.max(1, n) / REFERENCE_FEATURES, exponent);
}
