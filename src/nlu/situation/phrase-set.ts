import { normalizeText, type NormalizedText } from '../vi/normalize.js';
import type { Lexicon } from '../vi/lexicon.js';

// Phrases found in a normalised question on whole words. A phrase word written with
// diacritics matches a word typed with the same diacritics or with none ("mất", "mat"),
// never another accented word ("mật"); a phrase word that has none ("con", "online") matches
// itself only: "con" is not "còn".

export interface PhraseHit<T> {
  tag: T;
  start: number;
  /** One past the last word. */
  end: number;
}

interface Phrase<T> { tag: T; words: string[]; folded: string[] }

export class PhraseSet<T> {
  private readonly byFirst = new Map<string, Array<Phrase<T>>>();

  /** `entries`: [tag, phrase text]; phrases are normalised like questions (the lexicon applies). */
  constructor(entries: ReadonlyArray<readonly [T, string]>, lexicon: Lexicon) {
    for (const [tag, text] of entries) {
      const norm = normalizeText(text.replace(/[^\p{L}\p{N}\s]/gu, ' '), lexicon);
      if (!norm.folded.length) continue;
      const first = norm.folded[0]!;
      const list = this.byFirst.get(first) ?? [];
      list.push({ tag, words: norm.words, folded: norm.folded });
      this.byFirst.set(first, list);
    }
    for (const list of this.byFirst.values()) list.sort((a, b) => b.folded.length - a.folded.length);
  }

  /** Every phrase found, at every place, longest first at each place. */
  findAll(text: NormalizedText): Array<PhraseHit<T>> {
    const hits: Array<PhraseHit<T>> = [];
    for (let i = 0; i < text.folded.length; i++) {
      for (const p of this.byFirst.get(text.folded[i]!) ?? []) {
        if (matchesAt(p, text, i)) hits.push({ tag: p.tag, start: i, end: i + p.folded.length });
      }
    }
    return hits;
  }

  /** The longest phrase starting at word `i`, or null. */
  at(text: NormalizedText, i: number): PhraseHit<T> | null {
    const p = (this.byFirst.get(text.folded[i] ?? '') ?? []).find((x) => matchesAt(x, text, i));
    return p ? { tag: p.tag, start: i, end: i + p.folded.length } : null;
  }

  /** The longest phrase ending just before word `end`, or null. */
  endingAt(text: NormalizedText, end: number): PhraseHit<T> | null {
    let best: PhraseHit<T> | null = null;
    for (let start = Math.max(0, end - 6); start < end; start++) {
      for (const p of this.byFirst.get(text.folded[start] ?? '') ?? []) {
        if (start + p.folded.length === end && matchesAt(p, text, start) && (!best || start < best.start)) best = { tag: p.tag, start, end };
      }
    }
    return best;
  }
}

function matchesAt<T>(p: Phrase<T>, text: NormalizedText, i: number): boolean {
  if (i + p.folded.length > text.folded.length) return false;
  return p.folded.every((f, k) => {
    if (text.folded[i + k] !== f) return false;
    const typed = text.words[i + k] ?? '';
    const want = p.words[k] ?? '';
    return typed === want || isBare(typed, f);
  });
}

/** A word written without diacritics (đ counts as d). */
function isBare(word: string, folded: string): boolean {
  return word.replace(/đ/g, 'd') === folded;
}
