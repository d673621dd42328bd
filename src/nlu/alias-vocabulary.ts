import type { NormalizedText } from './vi/normalize.js';

// What the procedures' names and aliases say about the words of a question, beyond the
// folded comparison the procedure matcher makes.
//
// 1. The matcher compares folded words, so that questions typed without diacritics match.
//    A word typed WITH diacritics says which word it is, though: "đứng" is not "dùng", "mà"
//    is not "mã", "đang" is not "đăng", "giảm" is not the "giám" of "giám hộ". Before
//    matching, a word typed with diacritics that no alias writes that way is taken out of
//    the comparison; after it, a procedure whose own names never write a matched word that
//    way is matched again without it, so that questions stop naming procedures by
//    accident. Typing is forgiven: a word written without its tone mark ("kêt", "giây",
//    "cươc") or with its tone but none of its other marks ("két", "chiéu") still matches,
//    and final -i/-y ("kí", "lí") are one word.
// 2. The words next to a match that the same procedure's names use are part of naming it
//    ("lệ phí" of "lệ phí trước bạ", "lần đầu" of "làm căn cước lần đầu"): the classifier
//    then reads the question around the name, not pieces of the name as a question.

/** Combining tone marks (huyền, sắc, hỏi, ngã, nặng), in NFD. */
const TONE_MARKS = /[\u0300\u0301\u0303\u0309\u0323]/g;
/** The other marks: circumflex (â ê ô), breve (ă), horn (ơ ư), in NFD; and đ. */
const QUALITY_MARKS = /[\u0302\u0306\u031b]/g;

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

function withoutQuality(word: string): string {
  return word.normalize('NFD').replace(QUALITY_MARKS, '').replace(/đ/g, 'd').normalize('NFC');
}

function hasQuality(word: string): boolean {
  return withoutQuality(word) !== word.normalize('NFC');
}

export interface ProcedureNames {
  id: string;
  /** Official name and aliases, already normalised. */
  phrases: ReadonlyArray<NormalizedText>;
}

/** The ways aliases write the words of one fold. */
interface Forms {
  exact: Set<string>;
  toneless: Set<string>;
  toneOnly: Set<string>;
}

function formsOf(written: Iterable<string>): Forms {
  const forms: Forms = { exact: new Set(), toneless: new Set(), toneOnly: new Set() };
  for (const w of written) {
    forms.exact.add(w);
    forms.toneless.add(withoutTone(w));
    forms.toneOnly.add(withoutQuality(w));
  }
  return forms;
}

/** True when the word, as typed, can be one of the forms. */
function acceptedBy(forms: Forms, word: string): boolean {
  const w = spelling(word);
  return forms.exact.has(w) || (!hasTone(w) && forms.toneless.has(w)) || (!hasQuality(w) && forms.toneOnly.has(w));
}

/** Typed words whose acceptance is remembered. */
const MAX_REMEMBERED = 50_000;

export class AliasVocabulary {
  /** folded word → the ways all aliases write it. */
  private readonly forms = new Map<string, Forms>();
  /** Typed word → accepts(word, fold): a question repeats the words of the last ones. */
  private readonly accepted = new Map<string, boolean>();
  /** "procedure fold" → the ways that procedure's names write the fold. */
  private readonly ownForms = new Map<string, Forms>();
  /**
   * procedure id → the folded words of its names, and the words as written ("fold spelling"):
   * plain sets, light enough for the national catalogue.
   */
  private readonly own = new Map<string, { folded: Set<string>; written: Set<string> }>();
  /** procedure id → the folded words of its official name (its first phrase). */
  private readonly named = new Map<string, Set<string>>();

  constructor(procedures: ReadonlyArray<ProcedureNames>) {
    const written = new Map<string, Set<string>>();
    // The names of thousands of procedures repeat a few thousand words: spell each once.
    const spelled = new Map<string, string>();
    for (const p of procedures) {
      const own = { folded: new Set<string>(), written: new Set<string>() };
      for (const ph of p.phrases) {
        ph.folded.forEach((t, i) => {
          const typed = ph.words[i] ?? t;
          let word = spelled.get(typed);
          if (word === undefined) spelled.set(typed, (word = spelling(typed)));
          own.folded.add(t);
          own.written.add(`${t} ${word}`);
          const set = written.get(t) ?? new Set<string>();
          set.add(word);
          written.set(t, set);
        });
      }
      this.own.set(p.id, own);
      this.named.set(p.id, new Set(p.phrases[0]?.folded));
    }
    for (const [t, words] of written) this.forms.set(t, formsOf(words));
  }

  /** True when the folded word is one of `procedure`'s official name. */
  inName(procedure: string, folded: string): boolean {
    return this.named.get(procedure)?.has(folded) ?? false;
  }

  /** True when `procedure`'s names write the word just as typed, marks and all ("đầu", not "đâu"). */
  writes(procedure: string, word: string, folded: string): boolean {
    return this.own.get(procedure)?.written.has(`${folded} ${spelling(word)}`) ?? false;
  }

  /** True when the word, as typed, can be an alias word of that fold (of `procedure`'s names, when given). */
  accepts(word: string, folded: string, procedure?: string): boolean {
    if (word === folded || folded === UNMATCHED) return true;
    if (procedure === undefined) {
      // Otherwise the fold is the typed word's own: the word alone is the key.
      let known = this.accepted.get(word);
      if (known === undefined) {
        const forms = this.forms.get(folded);
        known = !forms || acceptedBy(forms, word);
        if (this.accepted.size >= MAX_REMEMBERED) this.accepted.clear();
        this.accepted.set(word, known);
      }
      return known;
    }
    const own = this.own.get(procedure);
    if (!own?.folded.has(folded)) return true;
    const key = `${procedure} ${folded}`;
    let forms = this.ownForms.get(key);
    if (!forms) {
      const prefix = `${folded} `;
      forms = formsOf([...own.written].filter((w) => w.startsWith(prefix)).map((w) => w.slice(prefix.length)));
      if (this.ownForms.size >= MAX_REMEMBERED) this.ownForms.clear();
      this.ownForms.set(key, forms);
    }
    return acceptedBy(forms, word);
  }

  /**
   * The question with every word typed in a form no alias uses replaced by UNMATCHED, except
   * a word with the wrong marks that makes a phrase with the word next to it (`pairs`): "kết
   * hồn" is "kết hôn" misspelt, "hồn" alone is another word.
   */
  filter(norm: NormalizedText, pairs?: (first: string, second: string) => boolean): NormalizedText {
    const rejected = norm.folded.map((t, i) => !this.accepts(norm.words[i] ?? t, t));
    if (!pairs || !rejected.some(Boolean)) return this.without(norm, rejected);
    const paired = (i: number, j: number): boolean => j >= 0 && j < norm.folded.length && !rejected[j]
      && (j < i ? pairs(norm.folded[j] ?? '', norm.folded[i] ?? '') : pairs(norm.folded[i] ?? '', norm.folded[j] ?? ''));
    const kept = rejected.map((r, i) => r && (paired(i, i - 1) || paired(i, i + 1)));
    if (!kept.some(Boolean)) return this.without(norm, rejected);
    // A kept word stands folded, as if typed without marks, so no later comparison drops it.
    const words = norm.words.map((w, i) => (kept[i] ? norm.folded[i] ?? w : w));
    return this.without({ ...norm, words }, rejected.map((r, i) => r && !kept[i]));
  }

  /** The positions of matched words that `procedure`'s own names never write the way they are typed. */
  foreign(procedure: string, matched: readonly number[], norm: NormalizedText): number[] {
    return matched.filter((i) => !this.accepts(norm.words[i] ?? '', norm.folded[i] ?? '', procedure));
  }

  /** The question with the flagged words replaced by UNMATCHED. */
  without(norm: NormalizedText, drop: ReadonlyArray<boolean>): NormalizedText {
    if (!drop.some(Boolean)) return norm;
    return { words: norm.words, folded: norm.folded.map((t, i) => (drop[i] ? UNMATCHED : t)) };
  }

  /**
   * The positions of the words that name the procedure: the matched ones, and the words
   * next to them (as filtered) that its names use too.
   */
  span(procedure: string, matched: readonly number[], folded: readonly string[]): number[] {
    const own = this.own.get(procedure)?.folded;
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
