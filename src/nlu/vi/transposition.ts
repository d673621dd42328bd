import { foldText } from './fold.js';
import { isFoldedSyllable } from './syllable.js';
import { canonicalTone } from './tone.js';

// Repairs two neighbouring letters typed the wrong way round, when that turns a word that
// cannot be Vietnamese into one that is: "kahi" → "khai", "snag" → "sang", "kẩhu" → "khẩu",
// "gấiy" → "giấy", or into a known abbreviation: "byht" → "bhyt". Letters move whole, with
// their marks. Only words of syllable length are tried; longer ones are words typed without
// spaces, which segmentation splits.

const MAX_LENGTH = 7;

export function repairTransposition(word: string, isKnownWord: (folded: string) => boolean = () => false): string {
  const letters = [...word];
  if (letters.length < 3 || letters.length > MAX_LENGTH || !/^\p{L}+$/u.test(word)) return word;
  const folded = foldText(word);
  if (isFoldedSyllable(folded) || isKnownWord(folded)) return word;
  for (let i = 0; i + 1 < letters.length; i++) {
    const swapped = [...letters];
    [swapped[i], swapped[i + 1]] = [swapped[i + 1] ?? '', swapped[i] ?? ''];
    const candidate = swapped.join('');
    const candidateFolded = foldText(candidate);
    if (isFoldedSyllable(candidateFolded) || isKnownWord(candidateFolded)) return canonicalTone(candidate);
  }
  return word;
}
