import { lowerBound } from '../data/lower-bound.js';
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
  /** Every folded word of the names, numbered. */
  private readonly foldIds = new Map<string, number>();
  /** Every spelling of a word in the names (as compared), numbered, with its forms without tone and without the other marks. */
  private readonly spellings: string[] = [];
  private readonly toneless: string[] = [];
  private readonly toneOnly: string[] = [];
  /** procedure id → its slot in the tables below. */
  private readonly slots = new Map<string, number>();
  /**
   * The folded words of each procedure's names with their spellings: the pairs (fold id,
   * spelling id) of slot k sorted, in pairs[pairStart[k] .. pairStart[k + 1]). Flat typed
   * arrays, not a Set per procedure: light enough for the national catalogue.
   */
  private readonly pairs: Uint32Array;
  private readonly pairStart: Uint32Array;
  /** The folded words of each procedure's official name (its first phrase), sorted ids, in named[namedStart[k] .. namedStart[k + 1]). */
  private readonly named: Uint32Array;
  private readonly namedStart: Uint32Array;

  constructor(procedures: ReadonlyArray<ProcedureNames>) {
    const written = new Map<string, Set<string>>();
    // The names of thousands of procedures repeat a few thousand words: spell each once.
    const spelled = new Map<string, number>();
    const spellingIds = new Map<string, number>();
    const idOf = (map: Map<string, number>, key: string): number => {
      let id = map.get(key);
      if (id === undefined) map.set(key, (id = map.size));
      return id;
    };
    const ownPairs: number[][] = [];
    const ownNamed: number[][] = [];
    for (const p of procedures) {
      const pairs = new Set<number>();
      for (const ph of p.phrases) {
        ph.folded.forEach((t, i) => {
          const typed = ph.words[i] ?? t;
          let sp = spelled.get(typed);
          if (sp === undefined) {
            const word = spelling(typed);
            sp = spellingIds.get(word);
            if (sp === undefined) {
              sp = spellingIds.size;
              spellingIds.set(word, sp);
              this.spellings.push(word);
              this.toneless.push(withoutTone(word));
              this.toneOnly.push(withoutQuality(word));
            }
            spelled.set(typed, sp);
          }
          // Fold ids stay under 2^21 and spelling ids under 2^31 for any catalogue: one number per pair.
          pairs.add(idOf(this.foldIds, t) * 2 ** 31 + sp);
          const set = written.get(t) ?? new Set<string>();
          set.add(this.spellings[sp] ?? '');
          written.set(t, set);
        });
      }
      let slot = this.slots.get(p.id);
      if (slot === undefined) this.slots.set(p.id, (slot = ownPairs.length));
      ownPairs[slot] = [...pairs].sort((a, b) => a - b);
      ownNamed[slot] = [...new Set((p.phrases[0]?.folded ?? []).map((t) => idOf(this.foldIds, t)))].sort((a, b) => a - b);
    }
    for (const [t, words] of written) this.forms.set(t, formsOf(words));
    this.pairStart = new Uint32Array(ownPairs.length + 1);
    this.namedStart = new Uint32Array(ownNamed.length + 1);
    ownPairs.forEach((ps, k) => { this.pairStart[k + 1] = (this.pairStart[k] ?? 0) + ps.length * 2; });
    ownNamed.forEach((ns, k) => { this.namedStart[k + 1] = (this.namedStart[k] ?? 0) + ns.length; });
    this.pairs = new Uint32Array(this.pairStart[ownPairs.length] ?? 0);
    this.named = new Uint32Array(this.namedStart[ownNamed.length] ?? 0);
    ownPairs.forEach((ps, k) => ps.forEach((pair, j) => {
      const at = (this.pairStart[k] ?? 0) + j * 2;
      this.pairs[at] = Math.floor(pair / 2 ** 31);
      this.pairs[at + 1] = pair % 2 ** 31;
    }));
    ownNamed.forEach((ns, k) => this.named.set(ns, this.namedStart[k] ?? 0));
  }

  /** Where the pairs of `procedure`'s names for the fold lie, or null when its names do not have the fold. */
  private ownFold(procedure: string, folded: string): { at: number; end: number; fold: number } | null {
    const slot = this.slots.get(procedure);
    const fold = this.foldIds.get(folded);
    if (slot === undefined || fold === undefined) return null;
    const end = this.pairStart[slot + 1] ?? 0;
    const at = lowerBound(this.pairs, this.pairStart[slot] ?? 0, end, fold, 2);
    return at < end && this.pairs[at] === fold ? { at, end, fold } : null;
  }

  /** True when the folded word is one of `procedure`'s official name. */
  inName(procedure: string, folded: string): boolean {
    const slot = this.slots.get(procedure);
    const fold = this.foldIds.get(folded);
    if (slot === undefined || fold === undefined) return false;
    const end = this.namedStart[slot + 1] ?? 0;
    const at = lowerBound(this.named, this.namedStart[slot] ?? 0, end, fold, 1);
    return at < end && this.named[at] === fold;
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
    const own = this.ownFold(procedure, folded);
    if (!own) return true;
    // acceptedBy() over the spellings this procedure's names give the fold, marks checked only when needed.
    const w = spelling(word);
    const spellings = (table: readonly string[]): boolean => {
      for (let at = own.at; at < own.end && this.pairs[at] === own.fold; at += 2) if (table[this.pairs[at + 1] ?? 0] === w) return true;
      return false;
    };
    return spellings(this.spellings) || (!hasTone(w) && spellings(this.toneless)) || (!hasQuality(w) && spellings(this.toneOnly));
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
    const span = new Set(matched);
    if (this.slots.has(procedure)) {
      const named = (j: number): boolean => !span.has(j) && this.ownFold(procedure, folded[j] ?? UNMATCHED) !== null;
      for (const i of matched) {
        for (let j = i - 1; j >= 0 && named(j); j--) span.add(j);
        for (let j = i + 1; j < folded.length && named(j); j++) span.add(j);
      }
    }
    return [...span].sort((a, b) => a - b);
  }
}
