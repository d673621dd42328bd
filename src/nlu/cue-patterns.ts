import { foldText } from './vi/fold.js';
import type { NormalizedText } from './vi/normalize.js';

// Word patterns written as data (intents/cues/vi.yaml): "bỏ qua … quy tắc|hướng dẫn" is two
// parts, each a choice of phrases, with up to `gap` words between them. A pattern word written
// with diacritics matches that word, or the word typed with none ("giá" matches "gia", not
// "già"); one written without matches by its folded form. Patterns are normalised like
// questions (abbreviations expanded) and indexed by their first folded word, so that a message
// is read once whatever the number of patterns.

/** A phrase of a pattern: its words as normalised, and folded. */
interface Phrase {
  words: string[];
  folded: string[];
}

interface Pattern {
  /** Each part's phrases by their first folded word. */
  parts: Array<ReadonlyMap<string, Phrase[]>>;
}

/** Where a pattern matched: the positions of the words of its phrases (gaps left out). */
export interface PatternMatch {
  start: number;
  end: number;
  positions: number[];
}

const GAP = /\s+…\s+/u;
const NOTHING: ReadonlySet<number> = new Set();
const NO_MATCHES: readonly PatternMatch[] = [];

/** True when the word as typed can be the pattern word: the same, or typed without marks. */
export function sameWord(typed: string, typedFolded: string, word: string, folded: string): boolean {
  if (typedFolded !== folded) return false;
  return typed === word || typed.replace(/đ/g, 'd') === typedFolded || word.replace(/đ/g, 'd') === folded;
}

/** True when the word carries marks (or đ). */
function marked(word: string, folded: string): boolean {
  return word !== folded;
}

/**
 * True when most of the text's words that can carry marks do: a word typed bare in it is meant
 * bare ("quốc gia làm sao" is not "giả làm").
 */
export function typedWithMarks(text: NormalizedText): boolean {
  let bare = 0;
  let withMarks = 0;
  text.words.forEach((w, i) => {
    const folded = text.folded[i] ?? w;
    if (!/^[a-z]+$/.test(folded)) return;
    if (marked(w, folded)) withMarks++;
    else bare++;
  });
  return withMarks > 0 && withMarks >= MARKED_SHARE * (withMarks + bare);
}

/** The share of a text's words that carry marks for it to be read as typed with them. */
const MARKED_SHARE = 0.6;

export class PatternSet {
  private readonly patterns: Pattern[] = [];
  /** Patterns by the first folded word of one of their first part's phrases. */
  private readonly byFirst = new Map<string, Array<{ pattern: number; phrase: Phrase }>>();
  private readonly found = new WeakMap<NormalizedText, PatternMatch[]>();
  private readonly coveredBy = new WeakMap<NormalizedText, ReadonlySet<number>>();

  /**
   * `strictMarks`: in a text typed with marks (typedWithMarks), a bare word matches only a bare
   * pattern word; for patterns whose false matches cost much (manipulation refuses the message).
   */
  constructor(sources: readonly string[], normalize: (text: string) => NormalizedText, private readonly gap: number, private readonly strictMarks = false) {
    for (const source of sources) {
      const parts = source.split(GAP).map((part) => part.split('|').map((alt) => {
        const norm = normalize(alt.trim());
        return { words: norm.words, folded: norm.folded };
      }).filter((p) => p.words.length > 0));
      if (parts.some((p) => !p.length)) continue;
      const index = this.patterns.push({ parts: parts.map(byFirstWord) }) - 1;
      for (const phrase of parts[0] ?? []) {
        const first = phrase.folded[0] ?? '';
        const list = this.byFirst.get(first) ?? [];
        list.push({ pattern: index, phrase });
        this.byFirst.set(first, list);
      }
    }
  }

  get size(): number {
    return this.patterns.length;
  }

  /** Every match, leftmost first; at one start, the longest first phrase. */
  find(text: NormalizedText, from = 0, to = text.folded.length): readonly PatternMatch[] {
    // Most texts hold no first word of any pattern: that is found without remembering anything.
    let first = from;
    while (first < to && !this.byFirst.has(text.folded[first] ?? '')) first++;
    if (first >= to) return NO_MATCHES;
    // A question is read by several parts of understanding: its matches over the whole text are kept with it.
    const whole = from === 0 && to === text.folded.length;
    const known = whole ? this.found.get(text) : undefined;
    if (known) return known;
    const out: PatternMatch[] = [];
    const strict = this.strictMarks && typedWithMarks(text);
    for (let i = first; i < to; i++) {
      const starts = this.byFirst.get(text.folded[i] ?? '');
      if (!starts) continue;
      for (const { pattern, phrase } of starts) {
        if (!phraseAt(text, i, phrase, to, strict)) continue;
        const positions = range(i, phrase.words.length);
        const rest = this.matchParts(text, this.patterns[pattern]!.parts, 1, i + phrase.words.length, to, positions, strict);
        if (rest) out.push(rest);
      }
    }
    if (out.length > 1) out.sort((a, b) => a.start - b.start || b.end - a.end);
    if (whole) this.found.set(text, out);
    return out;
  }

  /** True when some pattern matches. */
  test(text: NormalizedText, from = 0, to = text.folded.length): boolean {
    return this.find(text, from, to).length > 0;
  }

  /** The positions of the words matched by any pattern (the same set for the same whole text: do not change it). */
  covered(text: NormalizedText, from = 0, to = text.folded.length): ReadonlySet<number> {
    const found = this.find(text, from, to);
    if (!found.length) return NOTHING;
    const whole = from === 0 && to === text.folded.length;
    const known = whole ? this.coveredBy.get(text) : undefined;
    if (known) return known;
    const out = new Set(found.flatMap((m) => m.positions));
    if (whole) this.coveredBy.set(text, out);
    return out;
  }

  private matchParts(text: NormalizedText, parts: Pattern['parts'], k: number, at: number, to: number, positions: number[], strict: boolean): PatternMatch | null {
    if (k >= parts.length) return { start: positions[0] ?? at, end: at, positions };
    for (let skip = 0; skip <= this.gap && at + skip < to; skip++) {
      for (const phrase of parts[k]!.get(text.folded[at + skip] ?? '') ?? NO_PHRASES) {
        if (!phraseAt(text, at + skip, phrase, to, strict)) continue;
        const found = this.matchParts(text, parts, k + 1, at + skip + phrase.words.length, to, [...positions, ...range(at + skip, phrase.words.length)], strict);
        if (found) return found;
      }
    }
    return null;
  }
}

const NO_PHRASES: readonly Phrase[] = [];

function byFirstWord(phrases: readonly Phrase[]): ReadonlyMap<string, Phrase[]> {
  const map = new Map<string, Phrase[]>();
  for (const phrase of phrases) {
    const first = phrase.folded[0] ?? '';
    map.set(first, [...(map.get(first) ?? []), phrase]);
  }
  return map;
}

function phraseAt(text: NormalizedText, at: number, phrase: Phrase, to: number, strict: boolean): boolean {
  if (at + phrase.words.length > to) return false;
  return phrase.words.every((w, k) => {
    const typed = text.words[at + k] ?? '';
    const typedFolded = text.folded[at + k] ?? '';
    const folded = phrase.folded[k] ?? foldText(w);
    if (strict && !marked(typed, typedFolded) && marked(w, folded)) return false;
    return sameWord(typed, typedFolded, w, folded);
  });
}

function range(start: number, length: number): number[] {
  return Array.from({ length }, (_, k) => start + k);
}
