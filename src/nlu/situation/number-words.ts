import { normalizeText, type NormalizedText } from '../vi/normalize.js';
import type { Lexicon } from '../vi/lexicon.js';
import type { SituationCuesFile } from './cues-file.js';

// Numbers said in a message: digits, or Vietnamese number words up to 99 ("hai", "mười
// hai", "hai mươi lăm"), typed with diacritics or without. The words are data (the `age`
// section of intents/situation/vi.yaml: `numbers`, `tens`).

export class NumberWords {
  /** Number words with their diacritics, and as typed without them. */
  private readonly numberWords = new Map<string, number>();
  private readonly bareNumberWords = new Map<string, number>();
  private readonly tens: SituationCuesFile['age']['tens'];

  constructor(cues: Pick<SituationCuesFile['age'], 'numbers' | 'tens'>, lexicon: Lexicon) {
    this.tens = cues.tens;
    // Number words as questions are normalised ("2" is rewritten "hai" by the lexicon).
    for (const [value, ...names] of cues.numbers) {
      for (const n of names) {
        const norm = normalizeText(n, lexicon);
        if (norm.words.length !== 1) continue;
        this.numberWords.set(norm.words[0]!, value);
        this.bareNumberWords.set(norm.folded[0]!, value);
      }
    }
  }

  /**
   * The number said from word i, and the word after it: digits, or number words up to 99
   * ("mười hai", "hai mươi lăm", "ba mươi mốt"); the words are data (`numbers`, `tens`).
   */
  at(text: NormalizedText, i: number): { n: number; end: number } | undefined {
    const tens = this.tens;
    // "mười", "mười hai", "mười lăm".
    if (this.isWord(text, i, tens.ten)) {
      const unit = this.unitAfterTen(text, i + 1);
      return unit === undefined ? { n: 10, end: i + 1 } : { n: 10 + unit, end: i + 2 };
    }
    const first = this.number(text, i);
    if (first === undefined) return undefined;
    if (first >= 2 && first <= 9 && this.isWord(text, i + 1, tens.tens)) {
      const unit = this.unitAfterTen(text, i + 2);
      return unit === undefined ? { n: first * 10, end: i + 2 } : { n: first * 10 + unit, end: i + 3 };
    }
    return { n: first, end: i + 1 };
  }

  /** The unit after "mười" or "… mươi": a number word 1–9, or its forms there ("mốt", "lăm"). */
  private unitAfterTen(text: NormalizedText, i: number): number | undefined {
    for (const [value, ...names] of this.tens.units) if (names.some((w) => this.isWord(text, i, [w]))) return value;
    const n = this.number(text, i);
    // "năm" after a ten is mostly a year ("mười năm"): only its own form "lăm" is five there.
    return n !== undefined && n >= 1 && n <= 9 && n !== 5 && !/^\d/.test(text.folded[i] ?? '') ? n : undefined;
  }

  /** Word i is one of `words`, typed with their diacritics or without any. */
  private isWord(text: NormalizedText, i: number, words: readonly string[]): boolean {
    const typed = text.words[i];
    const folded = text.folded[i];
    if (typed === undefined || folded === undefined) return false;
    return words.some((w) => typed === w || (typed.replace(/đ/g, 'd') === folded && fold(w) === folded));
  }

  private number(text: NormalizedText, i: number): number | undefined {
    const word = text.folded[i];
    if (word === undefined) return undefined;
    if (/^\d{1,4}$/.test(word)) return Number(word);
    const typed = text.words[i] ?? '';
    return typed.replace(/đ/g, 'd') === word ? this.bareNumberWords.get(word) : this.numberWords.get(typed);
  }
}

function fold(word: string): string {
  return word.normalize('NFD').replace(/\p{M}/gu, '').replace(/đ/g, 'd');
}
