import type { ProcedurePhrases } from './procedure-matcher.js';

// Which procedure a question is about, learned from the procedures' names, aliases and the
// citizens' questions about each (the matcher's own input): a multinomial naive Bayes over
// folded words and word pairs. It finds the procedure where no name is written out ("bà ngoại
// tôi vừa mất, gia đình cần làm thủ tục gì" is about khai tử) and weighs in when the names
// leave two procedures close; src/nlu/procedure-choice.ts combines the two.
//
// Scoring is sparse: a feature's postings hold, per procedure that has it, how much it lifts
// that procedure above an unseen feature, so a question costs the postings of its own
// features, not one pass over every procedure. Features in more than MAX_POSTINGS procedures
// (the "cấp", "giấy" of a national catalogue) say little and are skipped.

/** Additive smoothing of the word counts. */
const ALPHA = 0.1;
/** Features shared by more procedures than this are left out of scoring. */
const MAX_POSTINGS = 400;

export interface ProcedureGuess {
  id: string;
  /** Posterior among the procedures the question shares a feature with. */
  probability: number;
}

/** Folded words and word pairs of a question, empty (left out) words skipped. */
export function procedureFeatures(folded: readonly string[]): string[] {
  return [...weightedFeatures(folded).keys()];
}

/**
 * The features of a question with how much each counts: a word's own weight (1 when none is
 * given), a pair's the lesser of its two words'; a feature said twice counts at its heaviest.
 */
function weightedFeatures(folded: readonly string[], weights?: readonly number[]): Map<string, number> {
  const out = new Map<string, number>();
  const add = (f: string, w: number): void => {
    if (w > (out.get(f) ?? 0)) out.set(f, w);
  };
  let prev = -1;
  folded.forEach((word, i) => {
    if (!word) return;
    const w = weights?.[i] ?? 1;
    add(word, w);
    if (prev >= 0) add(`${folded[prev]}_${word}`, Math.min(w, weights?.[prev] ?? 1));
    prev = i;
  });
  return out;
}

/**
 * The softmax temperature that makes the classifier's probabilities mean what they say (naive
 * Bayes alone is overconfident): each question is held out of its procedure's counts in turn
 * (leave-one-out, exact for naive Bayes and far cheaper than retraining per fold), and the
 * temperature with the least negative log-likelihood of the questions' procedures is kept.
 */
export function fitProcedureTemperature(model: ProcedureClassifier, procedures: ReadonlyArray<ProcedurePhrases>): number {
  // Per held-out question: its scores less the best one, and its procedure's.
  const held: Array<{ shifted: Float64Array; gold: number }> = [];
  for (const p of procedures) {
    for (const q of p.questions ?? []) {
      const scores = model.heldOutLogScores(q.folded, p.id);
      const gold = scores.findIndex((s) => s.id === p.id);
      if (gold < 0) continue;
      let max = -Infinity;
      for (const s of scores) max = Math.max(max, s.logp);
      held.push({ shifted: Float64Array.from(scores, (s) => s.logp - max), gold });
    }
  }
  if (!held.length) return 1;
  const nll = (t: number): number => {
    let sum = 0;
    for (const { shifted, gold } of held) {
      let z = 0;
      for (let j = 0; j < shifted.length; j++) z += Math.exp(shifted[j]! / t);
      sum += Math.log(z) - shifted[gold]! / t;
    }
    return sum;
  };
  // Golden-section search over log T in [0, log 40]: the likelihood has one best temperature.
  let lo = 0;
  let hi = Math.log(MAX_TEMPERATURE);
  const ratio = (Math.sqrt(5) - 1) / 2;
  let a = hi - ratio * (hi - lo);
  let b = lo + ratio * (hi - lo);
  let fa = nll(Math.exp(a));
  let fb = nll(Math.exp(b));
  while (hi - lo > TEMPERATURE_PRECISION) {
    if (fa < fb) {
      hi = b;
      b = a;
      fb = fa;
      a = hi - ratio * (hi - lo);
      fa = nll(Math.exp(a));
    } else {
      lo = a;
      a = b;
      fa = fb;
      b = lo + ratio * (hi - lo);
      fb = nll(Math.exp(b));
    }
  }
  return Math.exp((lo + hi) / 2);
}

/** The highest temperature considered, and how closely (in log T) it is fitted. */
const MAX_TEMPERATURE = 40;
const TEMPERATURE_PRECISION = 0.05;

export class ProcedureClassifier {
  private readonly ids: string[];
  private readonly byId: Map<string, number>;
  /** Features counted per procedure, and distinct features in all. */
  private readonly totals: Float64Array;
  private readonly vocabulary: number;
  /** Softmax temperature of classify(), fitted on held-out questions unless given. */
  readonly temperature: number;
  /** feature → [procedure indices, lifts] */
  private readonly postings = new Map<string, { procedures: Int32Array; lifts: Float32Array }>();
  /** Per procedure: log P(unseen feature | procedure). */
  private readonly unseen: Float64Array;
  // Scratch space of classify(), which runs synchronously.
  private readonly score: Float64Array;
  private readonly hit: Uint8Array;

  /**
   * Learns the procedures citizens' questions are about: a procedure known by its names alone
   * (an imported catalogue's) is the matcher's to find, and thousands of them would only slow
   * the start.
   */
  constructor(all: ReadonlyArray<ProcedurePhrases>, temperature?: number) {
    const procedures = all.filter((p) => p.questions?.length);
    this.ids = procedures.map((p) => p.id);
    this.byId = new Map(this.ids.map((id, k) => [id, k]));
    const counts = new Map<string, Map<number, number>>();
    const totals = new Float64Array(procedures.length);
    procedures.forEach((p, k) => {
      for (const doc of [...p.phrases, ...(p.questions ?? [])]) {
        for (const f of procedureFeatures(doc.folded)) {
          let perProcedure = counts.get(f);
          if (!perProcedure) counts.set(f, (perProcedure = new Map()));
          perProcedure.set(k, (perProcedure.get(k) ?? 0) + 1);
          totals[k]! += 1;
        }
      }
    });
    this.vocabulary = counts.size;
    this.totals = totals;
    this.unseen = Float64Array.from(totals, (t) => Math.log(ALPHA) - Math.log(t + ALPHA * this.vocabulary));
    for (const [f, perProcedure] of counts) {
      if (perProcedure.size > MAX_POSTINGS) continue;
      const entries = [...perProcedure];
      this.postings.set(f, {
        procedures: Int32Array.from(entries, ([k]) => k),
        lifts: Float32Array.from(entries, ([, c]) => Math.log1p(c / ALPHA)),
      });
    }
    this.score = new Float64Array(procedures.length);
    this.hit = new Uint8Array(procedures.length);
    this.temperature = temperature ?? fitProcedureTemperature(this, procedures);
  }

  /** True when the procedure is one the classifier learned (one with citizens' questions). */
  knows(id: string): boolean {
    return this.byId.has(id);
  }

  /**
   * Log posteriors of a question as if it were not one of procedure `id`'s questions: its
   * features counted once less there (leave-one-out).
   */
  heldOutLogScores(folded: readonly string[], id: string): Array<{ id: string; logp: number }> {
    const scores = this.logScores(folded);
    const k = this.byId.get(id);
    if (k === undefined || !scores.some((s) => s.id === id)) return scores;
    const all = procedureFeatures(folded);
    // Features only this question had leave the vocabulary: no procedure is scored on them.
    let gone = 0;
    let kept = 0;
    let lifts = 0;
    for (const f of all) {
      const posting = this.postings.get(f);
      if (!posting) continue;
      const at = posting.procedures.indexOf(k);
      const count = at < 0 ? 0 : Math.round(ALPHA * Math.expm1(posting.lifts[at]!)) - 1;
      if (at >= 0 && count === 0 && posting.procedures.length === 1) {
        gone++;
        continue;
      }
      kept++;
      if (count > 0) lifts += Math.log1p(count / ALPHA);
    }
    const vocabulary = this.vocabulary - gone;
    const unseen = (total: number): number => Math.log(ALPHA) - Math.log(total + ALPHA * vocabulary);
    for (const s of scores) {
      const j = this.byId.get(s.id)!;
      s.logp = j === k
        ? kept * unseen(Math.max(0, this.totals[k]! - all.length)) + lifts
        : s.logp - (kept + gone) * this.unseen[j]! + kept * unseen(this.totals[j]!);
    }
    return scores;
  }

  /** Log posteriors (unnormalised) of the procedures the question shares a feature with. */
  logScores(folded: readonly string[]): Array<{ id: string; logp: number }> {
    const touched = this.accumulate(folded);
    const out = touched.map((k) => ({ id: this.ids[k] ?? '', logp: this.score[k]! }));
    for (const k of touched) this.hit[k] = 0;
    return out;
  }

  /**
   * The likeliest procedures for the question's folded words, best first; `weights` (per word,
   * 0 to leave it out) make some words count less than others (a story's background).
   */
  classify(folded: readonly string[], limit = 5, weights?: readonly number[]): ProcedureGuess[] {
    const touched = this.accumulate(folded, weights);
    if (!touched.length) return [];
    let max = -Infinity;
    for (const k of touched) max = Math.max(max, this.score[k]!);
    return this.rank(touched, max, limit);
  }

  /** Scores into `score` the procedures sharing a feature with the question; answers them (marked in `hit`). */
  private accumulate(folded: readonly string[], weights?: readonly number[]): number[] {
    const features: Array<{ procedures: Int32Array; lifts: Float32Array; weight: number }> = [];
    let sum = 0;
    for (const [f, weight] of weightedFeatures(folded, weights)) {
      const posting = weight > 0 ? this.postings.get(f) : undefined;
      if (!posting) continue;
      features.push({ ...posting, weight });
      sum += weight;
    }
    // The weights shift the evidence between words, not how much there is: they are scaled to
    // average 1, so that the calibrated temperature still holds.
    const n = features.length;
    const scale = sum > 0 ? n / sum : 1;
    const touched: number[] = [];
    for (const { procedures, lifts, weight: w } of features) {
      const weight = w * scale;
      for (let j = 0; j < procedures.length; j++) {
        const k = procedures[j]!;
        if (!this.hit[k]) {
          this.hit[k] = 1;
          this.score[k] = n * this.unseen[k]!;
          touched.push(k);
        }
        this.score[k]! += weight * lifts[j]!;
      }
    }
    return touched;
  }

  private rank(touched: readonly number[], max: number, limit: number): ProcedureGuess[] {
    let sum = 0;
    for (const k of touched) sum += Math.exp((this.score[k]! - max) / this.temperature);
    // The `limit` best, kept in order while reading (a catalogue question touches thousands).
    const best: number[] = [];
    for (const k of touched) {
      this.hit[k] = 0;
      if (best.length === limit && !(this.score[k]! > this.score[best[limit - 1]!]!)) continue;
      let at = Math.min(best.length, limit - 1);
      while (at > 0 && this.score[k]! > this.score[best[at - 1]!]!) {
        best[at] = best[at - 1]!;
        at--;
      }
      best[at] = k;
    }
    return best.map((k) => ({ id: this.ids[k] ?? '', probability: Math.exp((this.score[k]! - max) / this.temperature) / sum }));
  }
}
