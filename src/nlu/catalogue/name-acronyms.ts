import type { Procedure } from '../../knowledge/schema.js';
import { foldText } from '../vi/fold.js';
import type { Lexicon } from '../vi/lexicon.js';
import { isFoldedSyllable } from '../vi/syllable.js';
import { officialName } from './name-aliases.js';

// Citizens shorten the official phrases of procedure names to their initials: "gpxd" (giấy
// phép xây dựng), "gplđ" (giấy phép lao động), "đtm" (đánh giá tác động môi trường), "ctv"
// (cộng tác viên). With a catalogue loaded, the initials of every 2–4 word phrase of the names
// (between the words that join phrases: "đối với", "của", "và"…) are read as that phrase,
// like the lexicon's abbreviations, but only as a weaker rule: never over a word of the
// lexicon or one the training questions use ("mn", "dt" of teencode), never when the initials
// spell a Vietnamese syllable (a word of its own), a pair of initials only for a phrase at
// least three names use, and an acronym two phrases share equally is not read at all.

/** Words that join phrases rather than belong to one, as the names write them (folded, "tư" of "tư nhân" would be "từ"). */
const JOINERS = new Set([
  'đối', 'với', 'của', 'cho', 'và', 'hoặc', 'tại', 'trong', 'trên', 'theo', 'về', 'do', 'từ', 'đến', 'là', 'có', 'được', 'các',
  'những', 'khi', 'thuộc', 'mới', 'lần', 'đầu', 'lại', 'nhằm', 'vào', 'ra', 'bằng', 'này', 'thủ', 'tục', 'cấp', 'hai', 'một',
].map((w) => w.normalize('NFC')));
const MIN_WORDS = 2;
const MAX_WORDS = 4;
/** A phrase of this many syllables is also shortened by its two-syllable words: "đtm" (đánh giá tác động môi trường). */
const PAIRED_WORDS = 6;
/** Names a phrase must be in for its two initials to be read as it: two letters say little. */
const PAIR_NAMES = 3;

/** The phrases of one name that an acronym may stand for, folded, as written. */
function phrasesOf(name: string): Array<{ folded: string; written: string; initials: string }> {
  const out: Array<{ folded: string; written: string; initials: string }> = [];
  for (const piece of officialName(name).normalize('NFC').toLowerCase().split(/[,;:.()\-–/&]+/u)) {
    const words = piece.split(/\s+/u).filter(Boolean);
    let run: string[] = [];
    const flush = (): void => {
      for (const n of [MIN_WORDS, 3, MAX_WORDS, PAIRED_WORDS]) {
        for (let i = 0; i + n <= run.length; i++) {
          const written = run.slice(i, i + n);
          const folded = foldText(written.join(' ')).split(' ');
          const initials = folded.filter((_, k) => n < PAIRED_WORDS || k % 2 === 0).map((w) => w[0]).join('');
          out.push({ folded: folded.join(' '), written: written.join(' '), initials });
        }
      }
      run = [];
    };
    for (const w of words) {
      const folded = foldText(w);
      if (JOINERS.has(w) || !isFoldedSyllable(folded)) flush();
      else run.push(w);
    }
    flush();
  }
  return out;
}

/** The acronyms of the names' phrases, acronym → the phrase as written (see the top of the file). */
export function nameAcronyms(names: readonly string[], lexicon: Lexicon, used: ReadonlySet<string> = new Set()): Map<string, string> {
  // acronym → phrase (folded) → in how many names, and the phrase as first written.
  const counts = new Map<string, Map<string, { names: number; written: string }>>();
  for (const name of names) {
    const seen = new Set<string>();
    for (const { folded, written, initials: acronym } of phrasesOf(name)) {
      if (seen.has(acronym + folded)) continue;
      seen.add(acronym + folded);
      const byPhrase = counts.get(acronym) ?? new Map<string, { names: number; written: string }>();
      const entry = byPhrase.get(folded) ?? { names: 0, written };
      entry.names++;
      byPhrase.set(folded, entry);
      counts.set(acronym, byPhrase);
    }
  }
  const out = new Map<string, string>();
  for (const [acronym, byPhrase] of counts) {
    if (isFoldedSyllable(acronym) || lexicon.plain.has(acronym) || used.has(acronym)) continue;
    const [first, second] = [...byPhrase.values()].sort((a, b) => b.names - a.names);
    if (!first || (second && second.names >= first.names)) continue;
    if (acronym.length === MIN_WORDS && first.names < PAIR_NAMES) continue;
    out.set(acronym, first.written);
  }
  return out;
}

/**
 * The lexicon with the acronyms of the procedures' names when some are imported; else the
 * lexicon itself. `texts`: the training questions, whose words are never read as acronyms.
 */
export function withNameAcronyms(lexicon: Lexicon, procedures: ReadonlyArray<Pick<Procedure, 'name' | 'origin'>>, texts: ReadonlyArray<string>): Lexicon {
  if (!procedures.some((p) => p.origin)) return lexicon;
  const used = new Set(texts.flatMap((t) => foldText(t.toLowerCase()).split(/[^a-z0-9]+/)));
  const acronyms = nameAcronyms(procedures.map((p) => p.name), lexicon, used);
  if (!acronyms.size) return lexicon;
  return { ...lexicon, plain: new Map([...acronyms, ...lexicon.plain]) };
}
