import Fuse from 'fuse.js';

// Corrects a misspelt word to the closest word of a vocabulary, with fuse.js's scoring (the
// share of the word's letters that must change for it to appear in a vocabulary word), but
// without running fuse.js over the whole vocabulary on every new word: a word within k edits
// of a vocabulary word, cut into k + 1 pieces, has at least one piece intact in that word
// (pigeonhole), so only the vocabulary words that hold one of the pieces can match. fuse.js
// then scores those few, in vocabulary order, so ties resolve as before.

const FUSE_OPTIONS = { includeScore: true, ignoreLocation: true } as const;
/** fuse.js's bitap works on patterns of at most 32 characters; longer ones go to a full search. */
const MAX_PATTERN = 32;
/** Vocabulary substrings indexed: pieces are looked up by their first few letters. */
const MIN_GRAM = 2;
const MAX_GRAM = 4;
const MAX_CACHED = 50_000;

export class TypoCorrector {
  private readonly grams = new Map<string, number[]>();
  private readonly cache = new Map<string, string | null>();
  private full: Fuse<string> | undefined;

  constructor(private readonly words: readonly string[], private readonly threshold: number) {
    words.forEach((word, index) => {
      const seen = new Set<string>();
      for (let length = MIN_GRAM; length <= MAX_GRAM; length++) {
        for (let start = 0; start + length <= word.length; start++) {
          const gram = word.slice(start, start + length);
          if (seen.has(gram)) continue;
          seen.add(gram);
          const list = this.grams.get(gram);
          if (list) list.push(index);
          else this.grams.set(gram, [index]);
        }
      }
    });
  }

  /** The vocabulary word closest to `word` within the threshold, or null. Remembered per word. */
  nearest(word: string): string | null {
    let fixed = this.cache.get(word);
    if (fixed === undefined) {
      const candidates = this.candidates(word);
      const fuse = candidates ? new Fuse(candidates, { ...FUSE_OPTIONS, threshold: this.threshold }) : this.fullSearch();
      const [best] = fuse.search(word, { limit: 1 });
      fixed = best && (best.score ?? 1) <= this.threshold ? best.item : null;
      if (this.cache.size >= MAX_CACHED) this.cache.clear();
      this.cache.set(word, fixed);
    }
    return fixed;
  }

  /**
   * The vocabulary words, in vocabulary order, that can be within the threshold of `word`;
   * undefined when the pieces are too short to narrow anything down.
   */
  candidates(word: string): string[] | undefined {
    const length = word.length;
    if (length > MAX_PATTERN) return undefined;
    // fuse.js scores errors / length and accepts a score up to the threshold.
    let maxErrors = 0;
    while ((maxErrors + 1) / length <= this.threshold) maxErrors++;
    const pieces = maxErrors + 1;
    if (Math.floor(length / pieces) < MIN_GRAM) return undefined;
    const found = new Set<number>();
    for (let k = 0; k < pieces; k++) {
      const piece = word.slice(Math.floor((k * length) / pieces), Math.floor(((k + 1) * length) / pieces));
      for (const index of this.grams.get(piece.slice(0, MAX_GRAM)) ?? []) found.add(index);
    }
    // A match needs at least length - maxErrors letters of the vocabulary word.
    return [...found].sort((a, b) => a - b).map((i) => this.words[i] ?? '').filter((w) => w.length >= length - maxErrors);
  }

  private fullSearch(): Fuse<string> {
    this.full ??= new Fuse([...this.words], { ...FUSE_OPTIONS, threshold: this.threshold });
    return this.full;
  }
}
