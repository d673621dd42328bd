// Canonical tone placement, so that old and new styles meet: "hoà"/"hòa", "thuỷ"/"thủy".
// The tone goes on the last vowel with a quality mark (ă â ê ô ơ ư); otherwise on the only
// vowel, on the last vowel before a final consonant, on the middle of three vowels, or on the
// first of two ("hòa", "khỏe", "thủy", "mái").

const TONE_MARKS = new Set(['\u0300', '\u0301', '\u0303', '\u0309', '\u0323']);
const VOWELS = 'aăâeêioôơuưy';
const MODIFIED_VOWELS = 'ăâêôơư';

function tonePosition(base: string): number {
  let start = 0;
  if (base.startsWith('qu')) start = 2;
  else if (base.startsWith('gi') && base.length > 2 && VOWELS.includes(base[2] ?? '')) start = 2;
  let i = start;
  while (i < base.length && !VOWELS.includes(base[i] ?? '')) i++;
  let j = i;
  while (j < base.length && VOWELS.includes(base[j] ?? '')) j++;
  if (i === j) return base.startsWith('gi') ? 1 : -1;
  for (let k = j - 1; k >= i; k--) if (MODIFIED_VOWELS.includes(base[k] ?? '')) return k;
  const length = j - i;
  if (length === 1) return i;
  if (j < base.length) return j - 1;
  if (length === 3) return i + 1;
  return i;
}

/** Moves the tone mark of one lower-case NFC syllable to its canonical vowel. */
export function canonicalTone(syllable: string): string {
  const decomposed = syllable.normalize('NFD');
  let tone = '';
  let rest = '';
  for (const ch of decomposed) {
    if (TONE_MARKS.has(ch)) tone = ch;
    else rest += ch;
  }
  if (!tone) return syllable;
  const base = rest.normalize('NFC');
  const at = tonePosition(base);
  if (at < 0) return syllable;
  return `${base.slice(0, at)}${`${base[at]}${tone}`.normalize('NFC')}${base.slice(at + 1)}`;
}
