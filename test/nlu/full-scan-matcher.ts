// The phrase scoring as first written: every phrase that shares a word with the question is
// scored in full. Kept as the reference that PhraseIndex (which skips most of them) must
// answer exactly like, ties and order included.

export interface ReferenceMatch {
  procedure: number;
  score: number;
  coverage: number;
  phrase: string;
  matched: number[];
}

interface Phrase {
  procedure: number;
  text: string;
  tokens: string[];
  bigrams: string[];
  weight: number;
}

export class FullScanMatcher {
  private readonly phrases: Phrase[] = [];
  private readonly postings = new Map<string, number[]>();

  constructor(procedures: ReadonlyArray<ReadonlyArray<readonly string[]>>, private readonly weights: ReadonlyMap<string, number>) {
    procedures.forEach((phrases, procedure) => {
      for (const folded of phrases) {
        const tokens = [...new Set(folded)];
        if (!tokens.length) continue;
        const bigrams = folded.slice(1).map((t, i) => `${folded[i]} ${t}`);
        const weight = tokens.reduce((sum, t) => sum + (this.weights.get(t) ?? 0), 0);
        const index = this.phrases.push({ procedure, text: folded.join(' '), tokens, bigrams, weight }) - 1;
        for (const t of tokens) {
          const list = this.postings.get(t);
          if (list) list.push(index);
          else this.postings.set(t, [index]);
        }
      }
    });
  }

  best(words: readonly string[], limit: number): ReferenceMatch[] {
    const positions = new Map<string, number[]>();
    words.forEach((t, i) => {
      const list = positions.get(t);
      if (list) list.push(i);
      else positions.set(t, [i]);
    });
    const bigrams = new Set(words.slice(1).map((t, i) => `${words[i]} ${t}`));
    const candidates = new Set<number>();
    for (const t of positions.keys()) for (const p of this.postings.get(t) ?? []) candidates.add(p);

    const best = new Map<number, ReferenceMatch>();
    for (const index of candidates) {
      const phrase = this.phrases[index];
      if (!phrase || phrase.weight <= 0) continue;
      let matchedWeight = 0;
      const matched: number[] = [];
      for (const t of phrase.tokens) {
        const at = positions.get(t);
        if (!at) continue;
        matchedWeight += this.weights.get(t) ?? 0;
        matched.push(...at);
      }
      const coverage = matchedWeight / phrase.weight;
      const bigramShare = phrase.bigrams.length
        ? phrase.bigrams.filter((b) => bigrams.has(b)).length / phrase.bigrams.length
        : 1;
      const score = matchedWeight * coverage * (0.6 + 0.4 * bigramShare);
      const current = best.get(phrase.procedure);
      if (!current || score > current.score) {
        best.set(phrase.procedure, {
          procedure: phrase.procedure,
          score,
          coverage,
          phrase: phrase.text,
          matched: [...new Set(matched)].sort((a, b) => a - b),
        });
      }
    }
    return [...best.values()].sort((a, b) => b.score - a.score).slice(0, limit);
  }
}
