// The staff memory: the questions staff labelled or added, answered by nearest neighbour.
// One labelled example barely moves a naive Bayes model trained on two thousand, so without
// this a question staff just labelled could still be misunderstood after retraining. Words
// weigh by IDF over all the training utterances, so the rare words that make a question
// (đẻ, sổ đỏ) count and the ones every question uses (thủ tục, bao nhiêu) do not.

export interface MemoryEntry {
  id: string;
  intent: string;
  procedure: string | null;
}

export interface MemoryHit extends MemoryEntry {
  score: number;
}

export interface StaffMemoryJson {
  version: 1;
  idf: Record<string, number>;
  /** IDF of a term no training utterance has. */
  unseenIdf: number;
  entries: Array<MemoryEntry & { terms: string[] }>;
}

/** Bigrams count a little for word order; more would make paraphrases look unrelated. */
const BIGRAM_WEIGHT = 0.25;

export function memoryTerms(folded: readonly string[]): string[] {
  const words = folded.filter((w) => /\p{L}|\p{N}/u.test(w));
  const terms = new Set(words);
  for (let i = 1; i < words.length; i++) terms.add(`${words[i - 1]}_${words[i]}`);
  return [...terms];
}

export class StaffMemory {
  private readonly vectors: Array<{ entry: MemoryEntry; weights: Map<string, number>; norm: number }>;
  private readonly idf: Map<string, number>;

  private constructor(private readonly json: StaffMemoryJson) {
    this.idf = new Map(Object.entries(json.idf));
    this.vectors = json.entries.map(({ terms, ...entry }) => {
      const weights = new Map(terms.map((t) => [t, this.weight(t)]));
      return { entry, weights, norm: Math.hypot(...weights.values()) };
    });
  }

  /** `entries`: staff utterances, already normalised; `corpus`: every training utterance's words, for IDF. */
  static build(entries: ReadonlyArray<MemoryEntry & { folded: readonly string[] }>, corpus: ReadonlyArray<readonly string[]>): StaffMemory {
    const df = new Map<string, number>();
    for (const doc of corpus) for (const t of memoryTerms(doc)) df.set(t, (df.get(t) ?? 0) + 1);
    const n = corpus.length;
    const withTerms = entries.map(({ folded, ...entry }) => ({ ...entry, terms: memoryTerms(folded) }));
    // Every word's IDF is kept, so that a question's common words weigh little in its norm;
    // bigrams only for the staff utterances' own (the others meet no entry).
    const idf: Record<string, number> = {};
    const idfOf = (t: string): number => Math.log((n + 1) / ((df.get(t) ?? 0) + 1)) + 1;
    for (const t of df.keys()) if (!t.includes('_')) idf[t] = idfOf(t);
    for (const e of withTerms) for (const t of e.terms) idf[t] = idfOf(t);
    return new StaffMemory({ version: 1, idf, unseenIdf: Math.log(n + 1) + 1, entries: withTerms });
  }

  static fromJSON(json: StaffMemoryJson): StaffMemory {
    return new StaffMemory(json);
  }

  toJSON(): StaffMemoryJson {
    return this.json;
  }

  get size(): number {
    return this.vectors.length;
  }

  private weight(term: string): number {
    return (this.idf.get(term) ?? this.json.unseenIdf) * (term.includes('_') ? BIGRAM_WEIGHT : 1);
  }

  /** The most similar staff utterance (cosine of IDF-weighted words and bigrams), if any. */
  nearest(folded: readonly string[]): MemoryHit | null {
    if (!this.vectors.length) return null;
    const terms = memoryTerms(folded);
    const norm = Math.hypot(...terms.map((t) => this.weight(t)));
    if (!norm) return null;
    let best: MemoryHit | null = null;
    for (const { entry, weights, norm: entryNorm } of this.vectors) {
      let dot = 0;
      for (const t of terms) {
        const w = weights.get(t);
        if (w !== undefined) dot += w * w;
      }
      const score = dot / (norm * entryNorm);
      if (!best || score > best.score) best = { ...entry, score };
    }
    return best;
  }
}
