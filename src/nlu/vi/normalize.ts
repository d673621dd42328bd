import AggressiveTokenizerVi from 'natural/lib/natural/tokenizers/aggressive_tokenizer_vi.js';
import { foldText } from './fold.js';
import { canonicalTone } from './tone.js';
import { isFoldedSyllable } from './syllable.js';
import { repairKeystrokes } from './keystrokes.js';
import { repairTransposition } from './transposition.js';
import { CLAUSE_END_WORD, QUESTION_END_WORD, type Clause } from './clauses.js';
import type { LexiconWords as Lexicon } from './lexicon.js';

export interface NormalizedText {
  /** Words with diacritics as typed (NFC, lower-case, canonical tone), after rewriting. */
  readonly words: string[];
  /** The same words folded: no diacritics, đ→d. Parallel to `words`. */
  readonly folded: string[];
  /** Where the message's clauses are, when it was read as a question (normalizeQuestion). */
  readonly clauses?: ReadonlyArray<Clause>;
}

const tokenizer = new AggressiveTokenizerVi();
// Control characters and zero-width marks that break tokenisation.
const INVISIBLE = /[\u0000-\u001f\u007f-\u009f\u200b-\u200f\u2028-\u202e\u2060-\u2064\ufeff]/g;
const MAX_SEGMENTS = 5;
/** Words remembered per lexicon; the vocabulary people type is a few thousand syllables and abbreviations. */
const MAX_CACHED_WORDS = 100_000;
/** Placeholder words the pipeline puts into text; never rewritten. */
export const DOSSIER_CODE_WORD = 'xxdossiercodexx';

/**
 * Vietnamese normalisation: NFC first (the tokenizer breaks on decomposed input), case
 * folding, canonical tone placement, abbreviations and regional words from the lexicon,
 * leftover Telex/VNI keystrokes, and words typed without spaces ("lamcccd" → "lam cccd").
 */
export function normalizeText(input: string, lexicon: Lexicon): NormalizedText {
  // Vowels held down ("helloooo", "đâuuu") collapse to one; consonant runs are abbreviations ("cccd").
  const clean = input.normalize('NFC').replace(INVISIBLE, ' ').toLowerCase().replace(/(?![bcdfghjklmnpqrstvwxzđ])(\p{L})\1{2,}/gu, '$1');
  const words: string[] = [];
  const cache = wordCache(lexicon);
  for (const raw of tokenizer.tokenize(clean)) {
    let rewritten = cache.get(raw);
    if (!rewritten) {
      rewritten = rewriteWord(canonicalTone(raw), lexicon);
      if (cache.size >= MAX_CACHED_WORDS) cache.clear();
      cache.set(raw, rewritten);
    }
    for (const word of rewritten) words.push(word);
  }
  return applyPhrases(words, lexicon);
}

// A word's rewriting depends only on the word and the lexicon: it is worked out once. Building
// the matcher for the national catalogue normalises tens of thousands of names and aliases made
// of a few thousand distinct words, and every question repeats most of its words.
const wordCaches = new WeakMap<Lexicon, Map<string, readonly string[]>>();
const foldedWords = new Map<string, string>();
const phraseIndexes = new WeakMap<Lexicon, Map<string, Lexicon['phrases']>>();

function wordCache(lexicon: Lexicon): Map<string, readonly string[]> {
  let cache = wordCaches.get(lexicon);
  if (!cache) wordCaches.set(lexicon, (cache = new Map()));
  return cache;
}

function foldWord(word: string): string {
  let folded = foldedWords.get(word);
  if (folded === undefined) {
    folded = foldText(word);
    if (foldedWords.size >= MAX_CACHED_WORDS) foldedWords.clear();
    foldedWords.set(word, folded);
  }
  return folded;
}

/** The lexicon's phrase rewrites by their first folded word, longest first as in the lexicon. */
function phrasesStartingWith(lexicon: Lexicon): Map<string, Lexicon['phrases']> {
  let index = phraseIndexes.get(lexicon);
  if (!index) {
    const byFirst = new Map<string, Array<Lexicon['phrases'][number]>>();
    for (const rule of lexicon.phrases) {
      const first = rule.from[0] ?? '';
      const list = byFirst.get(first);
      if (list) list.push(rule);
      else byFirst.set(first, [rule]);
    }
    phraseIndexes.set(lexicon, (index = byFirst));
  }
  return index;
}

/** Multi-word rewrites where a word's sense depends on its neighbours ("mất bao lâu"). */
function applyPhrases(words: string[], lexicon: Lexicon): NormalizedText {
  let folded = words.map(foldWord);
  if (!lexicon.phrases.length) return { words, folded };
  const byFirst = phrasesStartingWith(lexicon);
  const out: string[] = [];
  for (let i = 0; i < words.length;) {
    const hit = byFirst.get(folded[i] ?? '')?.find(({ from }) => from.every((w, k) => folded[i + k] === w));
    if (hit) {
      out.push(...hit.to);
      i += hit.from.length;
    } else {
      out.push(words[i] ?? '');
      i += 1;
    }
  }
  folded = out.map(foldWord);
  return { words: out, folded };
}

function lookup(word: string, folded: string, lexicon: Lexicon): string[] | null {
  const accented = lexicon.accented.get(word);
  if (accented) return accented.split(' ');
  // Plain keys match words typed without vowel marks ("dk", "đk"), never "mở" for "mo".
  if (word.replace(/đ/g, 'd') === folded) {
    const plain = lexicon.plain.get(folded);
    if (plain) return plain.split(' ');
  }
  return null;
}

function rewriteWord(word: string, lexicon: Lexicon): readonly string[] {
  if (word === DOSSIER_CODE_WORD || word === CLAUSE_END_WORD || word === QUESTION_END_WORD) return [word];
  const folded = foldText(word);
  const known = lookup(word, folded, lexicon);
  if (known) return known;
  if (isFoldedSyllable(folded) || !/^[a-z0-9]+$/.test(folded)) return [word];
  if (word === folded) {
    const repaired = repairKeystrokes(folded, (w) => lexicon.plain.has(w));
    if (repaired !== folded) return lookup(repaired, repaired, lexicon) ?? [repaired];
  } else {
    // A doubled letter in an accented word ("lâuu"): drop it, keep the marks.
    for (let i = 1; i < folded.length; i++) {
      if (folded[i] === folded[i - 1] && isFoldedSyllable(folded.slice(0, i) + folded.slice(i + 1))) {
        return [word.slice(0, i) + word.slice(i + 1)];
      }
    }
  }
  const swapped = repairTransposition(word, (w) => lexicon.plain.has(w));
  if (swapped !== word) return lookup(swapped, foldText(swapped), lexicon) ?? [swapped];
  const pieces = segment(folded, lexicon);
  if (!pieces) return [word];
  const out: string[] = [];
  let at = 0;
  for (const piece of pieces) {
    const original = word.slice(at, at + piece.length);
    at += piece.length;
    out.push(...(lookup(original, piece, lexicon) ?? [original]));
  }
  return out;
}

/** Splits a run-together word into the fewest syllables or lexicon words, or null. */
function segment(folded: string, lexicon: Lexicon): string[] | null {
  if (folded.length < 4 || /[0-9]/.test(folded)) return null;
  const n = folded.length;
  const best: Array<string[] | null> = new Array<string[] | null>(n + 1).fill(null);
  best[0] = [];
  for (let end = 1; end <= n; end++) {
    for (let start = Math.max(0, end - 7); start < end; start++) {
      const prefix = best[start];
      if (!prefix) continue;
      const piece = folded.slice(start, end);
      if (!isFoldedSyllable(piece) && !lexicon.plain.has(piece)) continue;
      const candidate = [...prefix, piece];
      const current = best[end];
      if (!current || candidate.length < current.length) best[end] = candidate;
    }
  }
  const result = best[n];
  return result && result.length >= 2 && result.length <= MAX_SEGMENTS ? result : null;
}
