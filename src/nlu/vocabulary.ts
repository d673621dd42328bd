// The words the assistant knows from in-scope questions and procedure names. Words it has
// never seen are evidence that a message is about something else ("phí ship bao nhiêu").
// A word typed with diacritics is looked up as typed ("tắm" is not "tạm"); a word typed
// without them is looked up folded.

import { foldText } from './vi/fold.js';
import type { NormalizedText } from './vi/normalize.js';

const COUNTABLE = /^[a-z]{2,}$/;

export interface VocabularyJson {
  counts: Record<string, number>;
  fixed: string[];
  /** Folded words of the out-of-scope training questions. */
  spoken?: string[];
}

/** The keys a word is known under: its folded form, and its accented form when it has marks. */
function keys(word: string, folded: string): string[] {
  return word.replace(/đ/g, 'd') === folded ? [folded] : [folded, word];
}

export class Vocabulary {
  private constructor(private readonly counts: Map<string, number>, private readonly fixed: Set<string>, private readonly spoken: Set<string>) {}

  /**
   * `documents`: the in-scope training questions; `fixed`: words always known (procedure
   * names); `others`: the out-of-scope questions, whose words are words of the language.
   */
  static build(documents: ReadonlyArray<NormalizedText>, fixed: ReadonlyArray<NormalizedText>, others: ReadonlyArray<NormalizedText> = []): Vocabulary {
    const counts = new Map<string, number>();
    for (const doc of documents) {
      const seen = new Set(doc.words.flatMap((w, i) => keys(w, doc.folded[i] ?? foldText(w))));
      for (const k of seen) counts.set(k, (counts.get(k) ?? 0) + 1);
    }
    // The procedures' names and aliases are tens of thousands of phrases at national scale,
    // many of them the same object (a field's name): each is read once, without copies.
    const known = new Set<string>();
    for (const doc of new Set(fixed)) {
      doc.words.forEach((w, i) => {
        for (const k of keys(w, doc.folded[i] ?? foldText(w))) known.add(k);
      });
    }
    const spoken = new Set(others.flatMap((doc) => doc.folded).filter((w) => !counts.has(w) && !known.has(w)));
    return new Vocabulary(counts, known, spoken);
  }

  static fromJSON(json: VocabularyJson): Vocabulary {
    return new Vocabulary(new Map(Object.entries(json.counts)), new Set(json.fixed), new Set(json.spoken ?? []));
  }

  toJSON(): VocabularyJson {
    return { counts: Object.fromEntries(this.counts), fixed: [...this.fixed], spoken: [...this.spoken] };
  }

  /** True when the folded word is one any training question or name uses: a word, not a slip. */
  seen(folded: string): boolean {
    return this.counts.has(folded) || this.fixed.has(folded) || this.spoken.has(folded);
  }

  /** True when the word, as typed, is in a name or an in-scope question. */
  knows(word: string, folded: string): boolean {
    const key = keys(word, folded).at(-1) ?? folded;
    return this.fixed.has(key) || (this.counts.get(key) ?? 0) > 0;
  }

  /**
   * How many distinct words of a question are unknown, out of how many countable ones.
   * `ownDocument`: the question is one of the training documents and is left out of the
   * counts, so that training sees unknown words as often as real questions will.
   */
  unknown(text: NormalizedText, ownDocument = false): { unknown: number; total: number } {
    let unknown = 0;
    let total = 0;
    const seen = new Set<string>();
    text.words.forEach((word, i) => {
      const folded = text.folded[i] ?? '';
      if (!COUNTABLE.test(folded) || seen.has(word)) return;
      seen.add(word);
      total++;
      const key = keys(word, folded).at(-1) ?? folded;
      if (this.fixed.has(key)) return;
      if ((this.counts.get(key) ?? 0) - (ownDocument ? 1 : 0) <= 0) unknown++;
    });
    return { unknown, total };
  }
}
