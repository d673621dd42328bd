import { z } from 'zod';
import { readDataFile } from '../../data/read-data-file.js';
import { existsSync } from 'node:fs';
import path from 'node:path';
import { foldText, hasDiacritics } from './fold.js';
import { compileCues, EMPTY_CUES_FILE, readCuesFile, type Cues, type CuesFile } from '../cues.js';
import { PatternSet } from '../cue-patterns.js';
import { normalizeText } from './normalize.js';
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
  /** Cue words of understanding (intents/cues/), read with this lexicon's normalisation. */
  readonly cues: Cues;
  /** Citizens' words for the official words of catalogue names (src/nlu/catalogue/), when loaded. */
  readonly synonyms?: ReadonlyArray<CatalogueSynonym>;
}

/** What normalisation reads: the lexicon without its cue words. */
export type LexiconWords = Omit<Lexicon, 'cues'>;

/** The lexicon with its cue words compiled. */
function withCues(words: LexiconWords, cues: CuesFile): Lexicon {
  return { ...words, cues: compileCues(cues, (text) => normalizeText(text, words)) };
}

export const EMPTY_LEXICON: Lexicon = withCues({ plain: new Map(), accented: new Map(), phrases: [] }, EMPTY_CUES_FILE);

type Entry = { from: string[]; to: string };

export function buildLexicon(entries: ReadonlyArray<Entry>, phraseEntries: ReadonlyArray<Entry> = [], cues: CuesFile = EMPTY_CUES_FILE): Lexicon {
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
  return withCues({ plain, accented, phrases }, cues);
}

/**
 * The lexicon with working cue words: a lexicon sent to another process (the training
 * process) arrives as plain data, its compiled cue words without their methods; they are
 * compiled again from their source.
 */
export function reviveLexicon(lexicon: Lexicon): Lexicon {
  if (lexicon.cues.question instanceof PatternSet) return lexicon;
  const { cues, ...words } = lexicon;
  return withCues(words, cues.source);
}

/** The abbreviations file, the catalogue synonyms beside it, and the cue words when their file is given. */
export function loadLexicon(file: string, cuesFile?: string): Lexicon {
  const data = readDataFile(file, lexiconFileSchema);
  const lexicon = buildLexicon(data.entries, data.phrases, cuesFile ? readCuesFile(cuesFile) : EMPTY_CUES_FILE);
  const synonyms = path.join(path.dirname(file), CATALOGUE_WORDS_FILE);
  return existsSync(synonyms) ? { ...lexicon, synonyms: loadCatalogueSynonyms(synonyms) } : lexicon;
}
