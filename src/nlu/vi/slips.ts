// Typing slips between two folded syllables: one letter changed, added or dropped, or the
// spellings that sound alike in a region (ch/tr, s/x, d/gi/r, l/n at the start; n/ng, c/t at
// the end): "chu" for "tru", "te" for "ten", "se" for "xe", "doang" for "doanh".

const ONSETS: ReadonlyArray<readonly [string, string]> = [['ch', 'tr'], ['s', 'x'], ['d', 'gi'], ['d', 'r'], ['gi', 'r'], ['l', 'n']];
const CODAS: ReadonlyArray<readonly [string, string]> = [['ng', 'n'], ['c', 't'], ['nh', 'n']];

/** One letter changed, added or dropped. */
export function oneEditApart(a: string, b: string): boolean {
  if (Math.abs(a.length - b.length) > 1 || a === b) return false;
  let i = 0;
  while (i < a.length && i < b.length && a[i] === b[i]) i++;
  if (a.length === b.length) return a.slice(i + 1) === b.slice(i + 1);
  return a.length > b.length ? a.slice(i + 1) === b.slice(i) : a.slice(i) === b.slice(i + 1);
}

const LETTERS = 'abcdeghiklmnopqrstuvxy';

/** The spellings of a folded syllable that sound alike in a region ("chu" → "tru"). */
export function soundAlikes(word: string): string[] {
  const out: string[] = [];
  for (const [x, y] of [...ONSETS, ...ONSETS.map(([a, b]) => [b, a] as const)]) if (word.startsWith(x)) out.push(y + word.slice(x.length));
  for (const [x, y] of [...CODAS, ...CODAS.map(([a, b]) => [b, a] as const)]) if (word.endsWith(x)) out.push(word.slice(0, word.length - x.length) + y);
  return out.filter((w) => w !== word);
}

/** Every string one letter off the word (changed, added or dropped), and its sound-alikes. */
export function slips(word: string): string[] {
  const out = new Set(soundAlikes(word));
  for (let i = 0; i <= word.length; i++) {
    if (i < word.length) out.add(word.slice(0, i) + word.slice(i + 1));
    for (const ch of LETTERS) {
      out.add(word.slice(0, i) + ch + word.slice(i));
      if (i < word.length && ch !== word[i]) out.add(word.slice(0, i) + ch + word.slice(i + 1));
    }
  }
  out.delete(word);
  return [...out];
}
