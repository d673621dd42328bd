import type { NormalizedText } from './vi/normalize.js';

// What the procedures' names and aliases say about the words of a question, beyond the
// folded comparison the procedure matcher makes.
//
// 1. The matcher compares folded words, so that questions typed without diacritics match.
//    A word typed WITH diacritics says which word it is, though: "đứng" is not "dùng", "mà"
//    is not "mã", "đang" is not "đăng". Before matching, a word typed with diacritics that
//    no alias writes that way is taken out of the comparison, so that long questions stop
//    naming procedures by accident. Typing is forgiven: a word written without its tone
//    mark ("kêt", "giây", "cươc") still matches, and final -i/-y ("kí", "lí") are one word.
// 2. The words next to a match that the same procedure's names use are part of naming it
//    ("lệ phí" of "lệ phí trước bạ", "lần đầu" of "làm căn cước lần đầu"): the classifier
//    then reads the question around the name, not pieces of the name as a question.

/** Combining tone marks (huyền, sắc, hỏi, ngã, nặng), in NFD. */
const TONE_MARKS = /[\u0300\u0301\u0303\u0309\u0323]/g;

/** The placeholder for a word left out of matching: no alias contains it. */
export const UNMATCHED = '';

/** The form compared: final y as i. */
function spelling(word: string): string {
  const last = word.normalize('NFD');
  return last.replace(/y([\u0300\u0301\u0303\u0309\u0323]?)$/u, 'i$1').normalize('NFC');
}

function withoutTone(word: string): string {
  return word.normalize('NFD').replace(TONE_MARKS, '').normalize('NFC');
}

function hasTone(word: string): boolean {
  return withoutTone(word) !== word.normalize('NFC');
}

export interface ProcedureNames {
  id: string;
  /** Official name and aliases, already normalised. */
  phrases: ReadonlyArray<NormalizedText>;
}

export class AliasVocabulary {
  /** folded word → the ways aliases write it, and the same without tone marks. */
  private readonly forms = new Map<string, { exact: Set<string>; toneless: Set<string> }>();
  /** procedure id → the folded words of its names. */
  private readonly words = new Map<string, Set<string>>();

  constructor(procedures: ReadonlyArray<ProcedureNames>) {
    for (const p of procedures) {
      const own = new Set<string>();
      for (const ph of p.phrases) {
        ph.folded.forEach((t, i) => {
          own.add(t);
          const word = spelling(ph.words[i] ?? t);
          const entry = this.forms.get(t) ?? { exact: new Set<string>(), toneless: new Set<string>() };
          entry.exact.add(word);
          entry.toneless.add(withoutTone(word));
          this.forms.set(t, entry);
        });
      }
      this.words.set(p.id, own);
    }
  }

  /** True when the word, as typed, can be the alias word of that fold. */
  accepts(word: string, folded: string): boolean {
    const entry = this.forms.get(folded);
    if (!entry || word.replace(/đ/g, 'd') === folded) return true;
    const w = spelling(word);
    return entry.exact.has(w) || (!hasTone(w) && entry.toneless.has(w));
  }

  /** The question with every word typed in a form no alias uses replaced by UNMATCHED. */
  filter(norm: NormalizedText): NormalizedText {
    let changed = false;
    const folded = norm.folded.map((t, i) => {
      if (this.accepts(norm.words[i] ?? t, t)) return t;
      changed = true;
      return UNMATCHED;
    });
    return changed ? { words: norm.words, folded } : norm;
  }

  /**
   * The positions of the words that name the procedure: the matched ones, and the words
   * next to them (as filtered) that its names use too.
   */
  span(procedure: string, matched: readonly number[], folded: readonly string[]): number[] {
    const own = this.words.get(procedure);
    const span = new Set(matched);
    if (own) {
      const named = (j: number): boolean => !span.has(j) && own.has(folded[j] ?? UNMATCHED);
      for (const i of matched) {
        for (let j = i - 1; j >= 0 && named(j); j--) span.add(j);
        for (let j = i + 1; j < folded.length && named(j); j++) span.add(j);
      }
    }
    return [...span].sort((a, b) => a - b);
  }
}
