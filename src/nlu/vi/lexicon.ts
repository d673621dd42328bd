import { z } from 'zod';
import { readDataFile } from '../../data/read-data-file.js';
import { existsSync } from 'node:fs';
import path from 'node:path';
import { foldText, hasDiacritics } from './fold.js';
import type { CuesFile } from '../cues.js';
import { CATALOGUE_WORDS_FILE, loadCatalogueSynonyms, type CatalogueSynonym } from '../catalogue/synonyms.js';

// The abbreviation / teencode / regional-word dictionary, kept as data (intents/lexicon/).

export const lexiconFileSchema = z.object({
  version: z.literal(1),
  entries: z.array(z.object({
    from: z.array(z.union([z.string(), z.number()]).transform(String).pipe(z.string().trim().min(1))).min(1),
    to: z.string().trim().min(1),
  }).strict()),
  /** Multi-word rewrites matched on folded words, e.g. "mất bao lâu" → "tốn bao lâu". */
  phrases: z.array(z.object({
    from: z.array(z.string().trim().min(1)).min(1),
    to: z.string().trim().min(1),
  }).strict()).default([]),
}).strict();

export interface Lexicon {
  /** Keys typed without diacritics, matched on the folded word. */
  readonly plain: ReadonlyMap<string, string>;
  /** Keys with diacritics, matched on the exact (NFC, lower-case) word. */
  readonly accented: ReadonlyMap<string, string>;
  /** Multi-word rewrites: folded words → replacement words. Longest first. */
  readonly phrases: ReadonlyArray<{ from: string[]; to: string[] }>;
  /** Cue words of understanding (intents/cues/vi.yaml), as data: src/nlu/cues.ts compiles them. */
  readonly cues?: CuesFile;
  /** Citizens' words for the official words of catalogue names (src/nlu/catalogue/), when loaded. */
  readonly synonyms?: ReadonlyArray<CatalogueSynonym>;
}

/** What normalisation reads: the lexicon without its cue words. */
export type LexiconWords = Omit<Lexicon, 'cues'>;

export const EMPTY_LEXICON: Lexicon = { plain: new Map(), accented: new Map(), phrases: [] };

type Entry = { from: string[]; to: string };

export function buildLexicon(entries: ReadonlyArray<Entry>, phraseEntries: ReadonlyArray<Entry> = []): Lexicon {
  const plain = new Map<string, string>();
  const accented = new Map<string, string>();
  for (const { from, to } of entries) {
    const target = to.normalize('NFC').toLowerCase();
    for (const key of from) {
      const k = key.normalize('NFC').toLowerCase();
      if (hasDiacritics(k.replace(/đ/g, 'd'))) accented.set(k, target);
      else plain.set(foldText(k), target);
    }
  }
  const phrases = phraseEntries
    .flatMap(({ from, to }) => from.map((key) => ({
      from: foldText(key).split(' '),
      to: to.normalize('NFC').toLowerCase().split(/\s+/),
    })))
    .sort((a, b) => b.from.length - a.from.length);
  return { plain, accented, phrases };
}

const rewrites = new WeakMap<LexiconWords, ReadonlySet<string>>();

/**
 * The folded words the lexicon's phrases write in place of others ("tốn" of "mất bao lâu" →
 * "tốn bao lâu"): chosen on purpose, they are never taken for a misspelling.
 */
export function rewrittenWords(lexicon: LexiconWords): ReadonlySet<string> {
  let words = rewrites.get(lexicon);
  if (!words) {
    words = new Set(lexicon.phrases.flatMap(({ from, to }) => to.map((w) => foldText(w)).filter((w) => !from.includes(w))));
    rewrites.set(lexicon, words);
  }
  return words;
}

/** The abbreviations file and the catalogue synonyms beside it. */
export function loadLexicon(file: string): Lexicon {
  const data = readDataFile(file, lexiconFileSchema);
  const lexicon = buildLexicon(data.entries, data.phrases);
  const synonyms = path.join(path.dirname(file), CATALOGUE_WORDS_FILE);
  return existsSync(synonyms) ? { ...lexicon, synonyms: loadCatalogueSynonyms(synonyms) } : lexicon;
}
