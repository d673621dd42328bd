// The procedures' phrases (names and aliases) behind an inverted index, and the scoring
// that picks the best phrase per procedure for a question.
//
// A phrase's score is matched × coverage × (0.6 + 0.4 × share of its word pairs found), where
// matched is the weight of its words found in the question and coverage that weight over the
// phrase's own. Scoring every phrase that shares a word with the question is simple and right,
// but at the size of the national catalogue (6,842 procedures) "giấy" or "cấp" alone is in
// thousands of phrases. So best() gives the same answer with far less work:
//  1. matched weights are summed per phrase from the posting lists, rare words first;
//  2. common words that together cannot lift a phrase to the fifth-best procedure's lower
//     bound cannot make a phrase reach the top alone: they only add to phrases already found;
//  3. matched² / weight bounds a phrase's score from above, 0.6 of it from below: only the
//     phrases whose upper bound reaches the fifth-best lower bound are scored in full, highest
//     bound first, until no bound left reaches the fifth-best score;
//  4. ties keep the order in which a full scan meets the phrases (the question's words in
//     order, then the phrases in catalogue order).
// The phrases themselves are in a flat table (phrase-table.ts).

import { PhraseTable, UNORDERED_SHARE } from './phrase-table.js';

export interface PhraseMatch {
  procedure: number;
  score: number;
  coverage: number;
  /** The phrase, folded. */
  phrase: string;
  /** Indices of the question's words found in the phrase. */
  matched: number[];
}

/** Rounding slack: fast sums and full scoring may add the same weights in another order. */
const ROUNDING_SLACK = 1e-9;
/** Posting lists this short are read before the first bar is set. */
const SHORT_POSTINGS = 512;
/** Phrases scored in full, per result asked for, to raise the bar early. */
const SCORED_FOR_BAR = 3;

export class PhraseIndex {
  private readonly table: PhraseTable;
  // Scratch space of best(), which runs synchronously: reused, and cleared after each call.
  private readonly matchedWeight: Float64Array;
  private readonly seen: Uint8Array;
  private readonly touched: Int32Array;
  private readonly upper: Float64Array;
  private readonly bestUpper: Float64Array;
  private readonly procedureSeen: Uint8Array;
  /** By word id: where the word first comes in the question, -1 when it does not. */
  private readonly order: Int32Array;

  /** `procedures[i]`: the folded phrases of procedure i; `weights`: each word's weight. */
  constructor(procedures: ReadonlyArray<ReadonlyArray<readonly string[]>>, weights: ReadonlyMap<string, number>) {
    this.table = new PhraseTable(procedures, weights);
    const n = this.table.size;
    this.matchedWeight = new Float64Array(n);
    this.seen = new Uint8Array(n);
    this.touched = new Int32Array(n);
    this.upper = new Float64Array(n);
    this.bestUpper = new Float64Array(procedures.length);
    this.procedureSeen = new Uint8Array(procedures.length);
    this.order = new Int32Array(this.table.words.length).fill(-1);
  }

  /** The best phrase of each of the `limit` best procedures for the question's (corrected) words. */
  best(words: readonly string[], limit: number): PhraseMatch[] {
    const { table } = this;
    const positions = new Map<string, number[]>();
    words.forEach((t, i) => {
      const list = positions.get(t);
      if (list) list.push(i);
      else positions.set(t, [i]);
    });
    const asked: number[] = [];
    [...positions.keys()].forEach((t, k) => {
      const w = table.ids.get(t);
      if (w === undefined) return;
      this.order[w] = k;
      asked.push(w);
    });
    const pairs = new Set<number>();
    for (let i = 1; i < words.length; i++) {
      const pair = table.pairOf(words[i - 1] ?? '', words[i] ?? '');
      if (pair !== undefined) pairs.add(pair);
    }
    const heaviest = [...asked].sort((a, b) => table.wordWeight[b]! - table.wordWeight[a]!);

    // Heaviest words first. Before a long posting list, when the phrases found so far are
    // fewer than it holds, the bar is raised: the lightest words that together cannot lift a
    // phrase to it cannot make a phrase reach the top alone, so they only add to phrases found.
    let count = 0;
    let next = 0;
    let light = heaviest.length;
    // The words already set aside as light stay in the sum: a phrase may hold them all.
    let lightWeight = 0;
    let lightest = Infinity;
    while (next < light) {
      const length = table.postings[heaviest[next]!]!.length;
      if (next > 0 && length > SHORT_POSTINGS && count < length) {
        const barSoFar = withSlack(Math.max(this.bounds(count, limit), this.scoredBar(count, limit, pairs)));
        // A phrase holding only light words matches at most their weight S and weighs at least
        // the lightest phrase W holding one of them: it scores at most S² / W, and at most S.
        while (light > next) {
          const w = heaviest[light - 1]!;
          const weight = lightWeight + table.wordWeight[w]!;
          const phraseWeight = Math.min(lightest, table.lightestPhrase[w]!);
          if (!(Math.min(weight, (weight * weight) / phraseWeight) < barSoFar)) break;
          lightWeight = weight;
          lightest = phraseWeight;
          light--;
        }
        if (next >= light) break;
      }
      count = this.read(heaviest[next++]!, count, false);
    }
    for (; next < heaviest.length; next++) count = this.read(heaviest[next]!, count, true);

    // Candidates by their index in `touched`, highest upper bound first.
    const bar = withSlack(Math.max(this.bounds(count, limit), this.scoredBar(count, limit, pairs)));
    const reachable: number[] = [];
    for (let i = 0; i < count; i++) if (this.upper[i]! >= bar) reachable.push(i);
    reachable.sort((a, b) => this.upper[b]! - this.upper[a]!);

    const best = new Map<number, { score: number; coverage: number; phrase: number }>();
    // The `limit` best procedures so far, highest score first: the last one's score is the bar.
    const top: Leader[] = [];
    for (const i of reachable) {
      if (top.length >= limit && this.upper[i]! < withSlack(top[limit - 1]!.score)) break;
      const p = this.touched[i]!;
      const procedure = table.phraseProcedure[p]!;
      const { score, coverage } = table.score(p, this.order, pairs);
      const current = best.get(procedure);
      if (!current || score > current.score || (score === current.score && table.scanKey(p, this.order) < table.scanKey(current.phrase, this.order))) {
        best.set(procedure, { score, coverage, phrase: p });
        raiseLeader(top, procedure, score, limit);
      }
    }

    const keys = new Map<number, number>();
    const keyOf = (procedure: number): number => {
      let key = keys.get(procedure);
      if (key === undefined) keys.set(procedure, (key = this.procedureKey(procedure)));
      return key;
    };
    // Only procedures scoring at least the limit-th best can rank: order those (ties included).
    const floor = top.length >= limit ? top[limit - 1]!.score : -Infinity;
    const ranked = [...best.entries()]
      .filter(([, b]) => b.score >= floor)
      .sort(([pa, a], [pb, b]) => b.score - a.score || keyOf(pa) - keyOf(pb))
      .slice(0, limit)
      .map(([procedure, b]): PhraseMatch => {
        const matched = new Set<number>();
        for (let k = table.wordStart[b.phrase]!; k < table.wordStart[b.phrase + 1]!; k++) {
          for (const at of positions.get(table.words[table.phraseWords[k]!] ?? '') ?? []) matched.add(at);
        }
        return { procedure, score: b.score, coverage: b.coverage, phrase: table.texts[b.phrase] ?? '', matched: [...matched].sort((x, y) => x - y) };
      });

    for (let i = 0; i < count; i++) {
      const p = this.touched[i]!;
      this.seen[p] = 0;
      this.matchedWeight[p] = 0;
    }
    for (const w of asked) this.order[w] = -1;
    return ranked;
  }

  /**
   * Adds the word's weight to the phrases holding it, and puts the new ones in `touched`;
   * with `knownOnly`, adds only to phrases already there. Answers the new count.
   */
  private read(word: number, count: number, knownOnly: boolean): number {
    const list = this.table.postings[word]!;
    const w = this.table.wordWeight[word]!;
    const { seen, touched, matchedWeight } = this;
    for (let j = 0; j < list.length; j++) {
      const p = list[j]!;
      if (!seen[p]) {
        if (knownOnly) continue;
        seen[p] = 1;
        touched[count++] = p;
      }
      matchedWeight[p]! += w;
    }
    return count;
  }

  /**
   * Fills `upper` with the upper bound of each phrase found so far; answers the lower bound
   * of the `limit`-th best procedure (-Infinity when fewer procedures are in play).
   */
  private bounds(count: number, limit: number): number {
    const { phraseWeight, phraseProcedure } = this.table;
    const procedures: number[] = [];
    for (let i = 0; i < count; i++) {
      const p = this.touched[i]!;
      const weight = phraseWeight[p]!;
      if (!(weight > 0)) {
        this.upper[i] = -Infinity;
        continue;
      }
      const m = this.matchedWeight[p]!;
      const bound = (m * m) / weight;
      this.upper[i] = bound;
      const procedure = phraseProcedure[p]!;
      if (!this.procedureSeen[procedure]) {
        this.procedureSeen[procedure] = 1;
        this.bestUpper[procedure] = bound;
        procedures.push(procedure);
      } else if (bound > this.bestUpper[procedure]!) {
        this.bestUpper[procedure] = bound;
      }
    }
    const top = new Array<number>(limit).fill(-Infinity);
    for (const procedure of procedures) {
      insertTop(top, UNORDERED_SHARE * this.bestUpper[procedure]!);
      this.procedureSeen[procedure] = 0;
    }
    return top[limit - 1] ?? -Infinity;
  }

  /**
   * A higher bar than the bounds give: the full scores of the few phrases with the highest
   * upper bounds (call after bounds()); the limit-th best procedure scores at least this much.
   */
  private scoredBar(count: number, limit: number, pairs: ReadonlySet<number>): number {
    const size = SCORED_FOR_BAR * limit;
    const top: number[] = [];
    for (let i = 0; i < count; i++) {
      const bound = this.upper[i]!;
      if (top.length === size && !(bound > this.upper[top[size - 1]!]!)) continue;
      let at = Math.min(top.length, size - 1);
      while (at > 0 && bound > this.upper[top[at - 1]!]!) {
        top[at] = top[at - 1]!;
        at--;
      }
      top[at] = i;
    }
    const best = new Map<number, number>();
    for (const i of top) {
      const p = this.touched[i]!;
      if (!(this.table.phraseWeight[p]! > 0)) continue;
      const procedure = this.table.phraseProcedure[p]!;
      best.set(procedure, Math.max(best.get(procedure) ?? -Infinity, this.table.score(p, this.order, pairs).score));
    }
    return [...best.values()].sort((a, b) => b - a)[limit - 1] ?? -Infinity;
  }

  /** Where a full scan meets the procedure: at its first phrase that shares a word with the question. */
  private procedureKey(procedure: number): number {
    const { firstPhrase, phraseWeight } = this.table;
    let key = Infinity;
    for (let p = firstPhrase[procedure]!; p < firstPhrase[procedure + 1]!; p++) {
      if (phraseWeight[p]! > 0) key = Math.min(key, this.table.scanKey(p, this.order));
    }
    return key;
  }
}

/** A bar lowered by a hair, so that rounding never drops a phrase that reaches it. */
function withSlack(bar: number): number {
  return bar - ROUNDING_SLACK * Math.max(1, Math.abs(bar));
}

interface Leader {
  procedure: number;
  score: number;
}

/**
 * Keeps `top` (descending, at most `limit` long) as the procedures with the highest scores
 * offered; a procedure's score only ever rises. Replaces sorting every score on each change.
 */
function raiseLeader(top: Leader[], procedure: number, score: number, limit: number): void {
  let i = top.findIndex((t) => t.procedure === procedure);
  if (i >= 0) {
    if (!(score > top[i]!.score)) return;
    top[i]!.score = score;
  } else {
    if (top.length >= limit && !(score > top[limit - 1]!.score)) return;
    if (top.length >= limit) top.pop();
    i = top.push({ procedure, score }) - 1;
  }
  for (; i > 0 && top[i]!.score > top[i - 1]!.score; i--) [top[i - 1], top[i]] = [top[i]!, top[i - 1]!];
}

/** Keeps `top` (descending, fixed length) as the largest values offered. */
function insertTop(top: number[], value: number): void {
  let i = top.length - 1;
  if (i < 0 || !(value > top[i]!)) return;
  while (i > 0 && value > top[i - 1]!) {
    top[i] = top[i - 1]!;
    i--;
  }
  top[i] = value;
}
