import type { Cues } from './cues.js';
import type { NormalizedText } from './vi/normalize.js';

// Classifier features: folded syllables and syllable pairs (Vietnamese words are mostly
// two syllables), with the words that name a procedure replaced by one placeholder, so
// the classifier learns the question ("hết bao nhiêu tiền") rather than the procedure;
// plus how many words are unknown, which tells out-of-scope messages apart.

export const PROCEDURE_WORD = '__proc__';
export const NO_PROCEDURE = '__noproc__';
export const NAMED_IN_STORY = '__procstory__';

/** The words and word pairs, with the words naming a procedure as one placeholder. */
export function wordFeatures(folded: readonly string[], procedureWords: ReadonlySet<number>): string[] {
  const words: string[] = [];
  folded.forEach((w, i) => {
    if (!procedureWords.has(i)) words.push(w);
    else if (words[words.length - 1] !== PROCEDURE_WORD) words.push(PROCEDURE_WORD);
  });
  const features = [...words];
  for (let i = 1; i < words.length; i++) features.push(`${words[i - 1]}_${words[i]}`);
  return features;
}

export function intentFeatures(
  folded: readonly string[],
  procedureWords: ReadonlySet<number>,
  unknown: { unknown: number; total: number },
  namedBefore = false,
): string[] {
  const features = wordFeatures(folded, procedureWords);
  if (!features.length) features.push('__empty__');
  // Naive Bayes only counts the features a message has: "no procedure named" must be one
  // too, or questions that always name one (procedure.info) win messages that name none. A
  // question whose story names the procedure ("… Làm thế nào?") is neither: a bare "có rồi" is
  // not to look like it.
  if (!procedureWords.size) features.push(namedBefore ? NAMED_IN_STORY : NO_PROCEDURE);
  if (unknown.unknown >= 1) features.push('__unknown1__');
  if (unknown.unknown >= 2) features.push('__unknown2__');
  if (unknown.total && unknown.unknown / unknown.total >= 0.4) features.push('__unknown_most__');
  if (!unknown.unknown) features.push('__all_known__');
  return features;
}

/** Marks a feature of the question word (see askingFeatures). */
export const ASKING = '?';

/**
 * The last word of the question words that ask ("đâu" of "ở đâu", "mấy", "gì" of "cần gì";
 * cue words `question.what`) with the word on each side of it, as features of their own: a
 * Vietnamese question says what it asks by its last question word and the words it goes with
 * ("mấy ngày" is a time, "mấy tiền" a fee, "nộp ở đâu" a place), whatever the story's words
 * around it ("hết", "tiền", "công an").
 */
export function askingFeatures(words: NormalizedText, cues: Cues, named: ReadonlySet<number> = new Set()): string[] {
  // (A name's word typed without marks is no question word: "lan dau" is "lần đầu", not "đâu".)
  const covered = [...cues.what.covered(words)].filter((i) => !(named.has(i) && words.words[i] === words.folded[i]));
  if (!covered.length) return [];
  const last = Math.max(...covered);
  let first = last;
  while (covered.includes(first - 1)) first--;
  const after = words.folded[last + 1];
  const unit = after ? cues.units.get(after) : undefined;
  // "… là gì", "… là như thế nào": what the procedure is, not a narrower question; "có … gì
  // không", "ở mấy hôm không": a question word before a yes/no ending is "any", not "what".
  const endings = cues.endings.covered(words);
  if (cues.copula.covered(words).has(first - 1) || endings.has(last + 1) || (unit && endings.has(last + 2))) return [];
  const word = words.folded[last] ?? '';
  const out = [`${ASKING}${word}`];
  const before = words.folded[last - 1];
  if (before) out.push(`${ASKING}${before}_${word}`);
  // "bao nhiêu tháng", "mấy hôm": the unit says what is counted, whatever the word.
  if (after) out.push(`${ASKING}${word}_${unit ?? after}`);
  if (unit) out.push(`${ASKING}${unit}`);
  return out;
}
