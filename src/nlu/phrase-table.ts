import { lowerBound } from '../data/lower-bound.js';

/** Share of a phrase's score that stays when none of its word pairs is in the question. */
export const UNORDERED_SHARE = 0.6;

/**
 * The procedures' phrases in flat typed arrays over numbered words: tens of thousands of
 * phrases cost a few megabytes, not an object and a dozen strings each. Phrase p's distinct
 * words (first use first) are phraseWords[wordStart[p] .. wordStart[p + 1]); its word pairs,
 * repeats kept, as a × words + b, pairs[pairStart[p] .. pairStart[p + 1]).
 */
export class PhraseTable {
  /** Word → id, and back. */
  readonly ids = new Map<string, number>();
  readonly words: string[] = [];
  readonly wordWeight: Float64Array;
  /** By word id: the phrases holding the word, in catalogue order. */
  readonly postings: Int32Array[];
  readonly wordStart: Int32Array;
  readonly phraseWords: Int32Array;
  readonly pairStart: Int32Array;
  readonly pairs: Float64Array;
  /** Each phrase's words joined, folded. */
  readonly texts: string[] = [];
  readonly phraseWeight: Float64Array;
  readonly phraseProcedure: Int32Array;
  /** By word id: the least weight of a phrase holding the word. */
  readonly lightestPhrase: Float64Array;
  /** Phrases of procedure i are firstPhrase[i] .. firstPhrase[i + 1] - 1. */
  readonly firstPhrase: Int32Array;
  /** Every word pair of every phrase once, as a × words + b, ascending. */
  private readonly forward: Float64Array;

  /** `procedures[i]`: the folded phrases of procedure i; `weights`: each word's weight. */
  constructor(procedures: ReadonlyArray<ReadonlyArray<readonly string[]>>, weights: ReadonlyMap<string, number>) {
    const id = (word: string): number => {
      let n = this.ids.get(word);
      if (n === undefined) {
        this.ids.set(word, (n = this.words.length));
        this.words.push(word);
      }
      return n;
    };
    const phraseWords: number[] = [];
    const wordStart: number[] = [];
    const pairFirst: number[] = [];
    const pairSecond: number[] = [];
    const pairStart: number[] = [];
    const procedureOf: number[] = [];
    this.firstPhrase = new Int32Array(procedures.length + 1);
    procedures.forEach((phrases, procedure) => {
      this.firstPhrase[procedure] = this.texts.length;
      for (const folded of phrases) {
        const distinct = [...new Set(folded)];
        if (!distinct.length) continue;
        wordStart.push(phraseWords.length);
        for (const word of distinct) phraseWords.push(id(word));
        pairStart.push(pairFirst.length);
        for (let i = 1; i < folded.length; i++) {
          pairFirst.push(id(folded[i - 1] ?? ''));
          pairSecond.push(id(folded[i] ?? ''));
        }
        procedureOf.push(procedure);
        this.texts.push(folded.join(' '));
      }
    });
    const n = this.texts.length;
    this.firstPhrase[procedures.length] = n;
    wordStart.push(phraseWords.length);
    pairStart.push(pairFirst.length);
    const size = this.words.length;
    this.wordWeight = Float64Array.from(this.words, (w) => weights.get(w) ?? 0);
    this.wordStart = Int32Array.from(wordStart);
    this.phraseWords = Int32Array.from(phraseWords);
    this.pairStart = Int32Array.from(pairStart);
    this.pairs = Float64Array.from(pairFirst, (a, k) => a * size + (pairSecond[k] ?? 0));
    this.forward = uniqueSorted(this.pairs);

    this.phraseProcedure = Int32Array.from(procedureOf);
    this.phraseWeight = new Float64Array(n);
    const postings: number[][] = this.words.map(() => []);
    for (let p = 0; p < n; p++) {
      let weight = 0;
      for (let k = this.wordStart[p]!; k < this.wordStart[p + 1]!; k++) {
        const w = this.phraseWords[k]!;
        weight += this.wordWeight[w]!;
        postings[w]!.push(p);
      }
      this.phraseWeight[p] = weight;
    }
    this.postings = postings.map((list) => Int32Array.from(list));
    this.lightestPhrase = Float64Array.from(this.postings, (list) => list.reduce((min, p) => Math.min(min, this.phraseWeight[p]!), Infinity));
  }

  get size(): number {
    return this.texts.length;
  }

  /** The id-pair code of two words, as `pairs` holds them; undefined when either is not a phrase word. */
  pairOf(first: string, second: string): number | undefined {
    const a = this.ids.get(first);
    const b = this.ids.get(second);
    return a === undefined || b === undefined ? undefined : a * this.words.length + b;
  }

  /** True when some phrase has `second` right after `first`. */
  hasPair(first: string, second: string): boolean {
    const code = this.pairOf(first, second);
    if (code === undefined) return false;
    return this.forward[lowerBound(this.forward, 0, this.forward.length, code, 1)] === code;
  }

  /**
   * Phrase p's score for a question, as the definition says: `order` tells by word id whether
   * (>= 0) the question holds the word; `pairs` holds the question's word pairs.
   */
  score(p: number, order: Int32Array, pairs: ReadonlySet<number>): { score: number; coverage: number } {
    let matchedWeight = 0;
    for (let k = this.wordStart[p]!; k < this.wordStart[p + 1]!; k++) {
      const w = this.phraseWords[k]!;
      if (order[w]! >= 0) matchedWeight += this.wordWeight[w]!;
    }
    const coverage = matchedWeight / this.phraseWeight[p]!;
    const from = this.pairStart[p]!;
    const to = this.pairStart[p + 1]!;
    let found = 0;
    for (let k = from; k < to; k++) if (pairs.has(this.pairs[k]!)) found++;
    const pairShare = to > from ? found / (to - from) : 1;
    return { score: matchedWeight * coverage * (UNORDERED_SHARE + (1 - UNORDERED_SHARE) * pairShare), coverage };
  }

  /** Where a full scan meets phrase p: its first word in the question's `order`, then catalogue order. */
  scanKey(p: number, order: Int32Array): number {
    let first = Infinity;
    for (let k = this.wordStart[p]!; k < this.wordStart[p + 1]!; k++) {
      const at = order[this.phraseWords[k]!]!;
      if (at >= 0 && at < first) first = at;
    }
    return first * this.texts.length + p;
  }
}

function uniqueSorted(values: Float64Array): Float64Array {
  const sorted = Float64Array.from(values).sort();
  let n = 0;
  for (let i = 0; i < sorted.length; i++) if (i === 0 || sorted[i] !== sorted[i - 1]) sorted[n++] = sorted[i]!;
  return sorted.slice(0, n);
}
