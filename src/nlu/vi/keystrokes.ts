import { isFoldedSyllable } from './syllable.js';

// Repairs a folded token that still carries Telex/VNI keystrokes or a doubled letter,
// when the IME did not compose it: "kys" → "ky", "ddangw" → "dang", "vieejt" → "viet",
// "ky1" → "ky", "lauu" → "lau". Only tokens that are not syllables already are touched,
// and only a repair that yields a syllable is kept.

const TELEX_COMPOSE: Array<[RegExp, string]> = [
  [/dd/g, 'd'], [/aa/g, 'a'], [/ee/g, 'e'], [/oo(?!ng)/g, 'o'],
  [/uow/g, 'uo'], [/ow/g, 'o'], [/aw/g, 'a'], [/uw/g, 'u'], [/w/g, 'u'],
];

function withoutOne(token: string, pick: (ch: string, i: number, s: string) => boolean): string[] {
  const out: string[] = [];
  for (let i = 1; i < token.length; i++) if (pick(token[i] ?? '', i, token)) out.push(token.slice(0, i) + token.slice(i + 1));
  return out;
}

export function repairKeystrokes(token: string, isKnownWord: (word: string) => boolean = () => false): string {
  if (!/^[a-z]+[0-9]?[a-z]*$/.test(token) || isFoldedSyllable(token)) return token;
  const acceptable = (w: string): boolean => isFoldedSyllable(w) || isKnownWord(w);
  // VNI: a single tone/quality digit inside or after the letters.
  if (/[0-9]/.test(token)) {
    const letters = token.replace(/[0-9]/g, '');
    return letters.length >= 2 && acceptable(letters) ? letters : token;
  }
  let composed = token;
  for (const [pattern, replacement] of TELEX_COMPOSE) composed = composed.replace(pattern, replacement);
  const candidates = [composed];
  // A Telex tone key (s f r x j) typed after the vowel or at the end.
  candidates.push(...withoutOne(composed, (ch) => 'sfrxj'.includes(ch)));
  // A doubled letter: "lauu", "khongg".
  candidates.push(...withoutOne(composed, (ch, i, s) => s[i - 1] === ch));
  for (const candidate of candidates) if (acceptable(candidate)) return candidate;
  return token;
}
