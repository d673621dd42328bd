// The procedures' phrases (names and aliases) behind an inverted index, and the scoring
// that picks the best phrase per procedure for a question.
//
// A phrase's score is matched × coverage × (0.6 + 0.4 × share of its word pairs found), where
// matched is the weight of its words found in the question and coverage that weight over the
// phrase's own. Scoring every phrase that shares a word with the question is simple and right,
// but at the size of the national catalogue (6,842 procedures) "giấy" or "cấp" alone is in
// thousands of phrases. So best() gives the same answer with far less work:
//  1. matched weights are summed per phrase from the posting lists, rare words first;
//  2. common words whose weights together stay below the fifth-best procedure's lower bound
//     cannot make a phrase reach the top alone: they are only added to phrases already found;
//  3. matched² / weight bounds a phrase's score from above, 0.6 of it from below: only the
//     phrases whose upper bound reaches the fifth-best lower bound are scored in full, highest
//     bound first, until no bound left reaches the fifth-best score;
//  4. ties keep the order in which a full scan meets the phrases (the question's words in
//     order, then the phrases in catalogue order).

export interface PhraseMatch {
  procedure: number;
  score: number;
  coverage: number;
  /** The phrase, folded. */
  phrase: string;
  /** Indices of the question's words found in the phrase. */
  matched: number[];
}

interface Phrase {
  procedure: number;
  text: string;
  tokens: string[];
  bigrams: string[];
  weight: number;
}

/** Share of a phrase's score that stays when none of its word pairs is in the question. */
const UNORDERED_SHARE = 0.6;
/** Rounding slack: fast sums and full scoring may add the same weights in another order. */
const ROUNDING_SLACK = 1e-9;
/** Posting lists this short are read before the first bar is set. */
const SHORT_POSTINGS = 512;

export class PhraseIndex {
  private readonly phrases: Phrase[] = [];
  private readonly postings = new Map<string, Int32Array>();
  /** Phrases of procedure i are firstPhrase[i] .. firstPhrase[i + 1] - 1. */
  private readonly firstPhrase: Int32Array;
  private readonly phraseWeight: Float64Array;
  private readonly phraseProcedure: Int32Array;
  // Scratch space of best(), which runs synchronously: reused, and cleared after each call.
  private readonly matchedWeight: Float64Array;
  private readonly seen: Uint8Array;
  private readonly touched: Int32Array;
  private readonly upper: Float64Array;
  private readonly bestUpper: Float64Array;
  private readonly procedureSeen: Uint8Array;

  /** `procedures[i]`: the folded phrases of procedure i. */
  constructor(procedures: ReadonlyArray<ReadonlyArray<readonly string[]>>, private readonly weights: ReadonlyMap<string, number>) {
    const postings = new Map<string, number[]>();
    this.firstPhrase = new Int32Array(procedures.length + 1);
    procedures.forEach((phrases, procedure) => {
      this.firstPhrase[procedure] = this.phrases.length;
      for (const folded of phrases) {
        const tokens = [...new Set(folded)];
        if (!tokens.length) continue;
        const bigrams = folded.slice(1).map((t, i) => `${folded[i]} ${t}`);
        const weight = tokens.reduce((sum, t) => sum + this.weight(t), 0);
        const index = this.phrases.push({ procedure, text: folded.join(' '), tokens, bigrams, weight }) - 1;
        for (const t of tokens) {
          const list = postings.get(t);
          if (list) list.push(index);
          else postings.set(t, [index]);
        }
      }
    });
    this.firstPhrase[procedures.length] = this.phrases.length;
    for (const [t, list] of postings) this.postings.set(t, Int32Array.from(list));
    const n = this.phrases.length;
    this.phraseWeight = Float64Array.from(this.phrases, (p) => p.weight);
    this.phraseProcedure = Int32Array.from(this.phrases, (p) => p.procedure);
    this.matchedWeight = new Float64Array(n);
    this.seen = new Uint8Array(n);
    this.touched = new Int32Array(n);
    this.upper = new Float64Array(n);
    this.bestUpper = new Float64Array(procedures.length);
    this.procedureSeen = new Uint8Array(procedures.length);
  }

  private weight(token: string): number {
    return this.weights.get(token) ?? 0;
  }

  /** The best phrase of each of the `limit` best procedures for the question's (corrected) words. */
  best(words: readonly string[], limit: number): PhraseMatch[] {
    const positions = new Map<string, number[]>();
    words.forEach((t, i) => {
      const list = positions.get(t);
      if (list) list.push(i);
      else positions.set(t, [i]);
    });
    const bigrams = new Set(words.slice(1).map((t, i) => `${words[i]} ${t}`));
    const order = new Map([...positions.keys()].map((t, i) => [t, i]));
    const tokens = [...positions.keys()].filter((t) => this.postings.has(t)).sort((a, b) => this.weight(b) - this.weight(a));

    // Heaviest words first. Before a long posting list, when the phrases found so far are
    // fewer than it holds, the bar is raised: the lightest words whose weights together stay
    // below it cannot make a phrase reach the top alone, so they only add to phrases found.
    let count = 0;
    let next = 0;
    let light = tokens.length;
    while (next < light) {
      const length = this.postings.get(tokens[next]!)?.length ?? 0;
      if (next > 0 && length > SHORT_POSTINGS && count < length) {
        const barSoFar = withSlack(this.bounds(count, limit));
        let lightWeight = 0;
        while (light > next && lightWeight + this.weight(tokens[light - 1]!) < barSoFar) lightWeight += this.weight(tokens[--light]!);
        if (next >= light) break;
      }
      count = this.read(tokens[next++]!, count, false);
    }
    for (; next < tokens.length; next++) count = this.read(tokens[next]!, count, true);

    const bar = withSlack(this.bounds(count, limit));
    // Candidates by their index in `touched`, highest upper bound first.
    const reachable: number[] = [];
    for (let i = 0; i < count; i++) if (this.upper[i]! >= bar) reachable.push(i);
    reachable.sort((a, b) => this.upper[b]! - this.upper[a]!);

    const best = new Map<number, { score: number; coverage: number; phrase: number }>();
    const scores: number[] = [];
    let kth = -Infinity;
    for (const i of reachable) {
      if (scores.length >= limit && this.upper[i]! < withSlack(kth)) break;
      const p = this.touched[i]!;
      const phrase = this.phrases[p]!;
      const { score, coverage } = this.score(phrase, positions, bigrams);
      const current = best.get(phrase.procedure);
      if (!current) scores.push(score);
      else if (score > current.score) scores[scores.indexOf(current.score)] = score;
      if (!current || score > current.score || (score === current.score && this.phraseKey(p, order) < this.phraseKey(current.phrase, order))) {
        best.set(phrase.procedure, { score, coverage, phrase: p });
        if (scores.length >= limit) kth = [...scores].sort((a, b) => b - a)[limit - 1] ?? -Infinity;
      }
    }

    for (let i = 0; i < count; i++) {
      const p = this.touched[i]!;
      this.seen[p] = 0;
      this.matchedWeight[p] = 0;
    }
    const keys = new Map<number, number>();
    const keyOf = (procedure: number): number => {
      let key = keys.get(procedure);
      if (key === undefined) keys.set(procedure, (key = this.procedureKey(procedure, order)));
      return key;
    };
    return [...best.entries()]
      .sort(([pa, a], [pb, b]) => b.score - a.score || keyOf(pa) - keyOf(pb))
      .slice(0, limit)
      .map(([procedure, b]) => {
        const phrase = this.phrases[b.phrase]!;
        const matched = new Set<number>();
        for (const t of phrase.tokens) for (const at of positions.get(t) ?? []) matched.add(at);
        return { procedure, score: b.score, coverage: b.coverage, phrase: phrase.text, matched: [...matched].sort((a, c) => a - c) };
      });
  }

  /**
   * Adds the word's weight to the phrases holding it, and puts the new ones in `touched`;
   * with `knownOnly`, adds only to phrases already there. Answers the new count.
   */
  private read(t: string, count: number, knownOnly: boolean): number {
    const list = this.postings.get(t);
    if (!list) return count;
    const w = this.weight(t);
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
    const procedures: number[] = [];
    for (let i = 0; i < count; i++) {
      const p = this.touched[i]!;
      const weight = this.phraseWeight[p]!;
      if (!(weight > 0)) {
        this.upper[i] = -Infinity;
        continue;
      }
      const m = this.matchedWeight[p]!;
      const bound = (m * m) / weight;
      this.upper[i] = bound;
      const procedure = this.phraseProcedure[p]!;
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

  /** The phrase's score for the question, as the definition says. */
  private score(phrase: Phrase, positions: ReadonlyMap<string, number[]>, bigrams: ReadonlySet<string>): { score: number; coverage: number } {
    let matchedWeight = 0;
    for (const t of phrase.tokens) if (positions.has(t)) matchedWeight += this.weight(t);
    const coverage = matchedWeight / phrase.weight;
    let found = 0;
    for (const b of phrase.bigrams) if (bigrams.has(b)) found++;
    const bigramShare = phrase.bigrams.length ? found / phrase.bigrams.length : 1;
    return { score: matchedWeight * coverage * (UNORDERED_SHARE + (1 - UNORDERED_SHARE) * bigramShare), coverage };
  }

  /** Where a full scan meets the phrase: its first word in the question's order, then catalogue order. */
  private phraseKey(p: number, order: ReadonlyMap<string, number>): number {
    let first = Infinity;
    for (const t of this.phrases[p]!.tokens) first = Math.min(first, order.get(t) ?? Infinity);
    return first * this.phrases.length + p;
  }

  /** Where a full scan meets the procedure: at its first phrase that shares a word with the question. */
  private procedureKey(procedure: number, order: ReadonlyMap<string, number>): number {
    let key = Infinity;
    for (let p = this.firstPhrase[procedure]!; p < this.firstPhrase[procedure + 1]!; p++) {
      if (this.phraseWeight[p]! > 0) key = Math.min(key, this.phraseKey(p, order));
    }
    return key;
  }
}

/** A bar lowered by a hair, so that rounding never drops a phrase that reaches it. */
function withSlack(bar: number): number {
  return bar - ROUNDING_SLACK * Math.max(1, Math.abs(bar));
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
