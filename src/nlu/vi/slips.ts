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

function swapped(a: string, b: string, pairs: ReadonlyArray<readonly [string, string]>, at: 'start' | 'end'): boolean {
  for (const [x, y] of pairs) {
    for (const [from, to] of [[x, y], [y, x]] as const) {
      if (at === 'start' && a.startsWith(from) && b === to + a.slice(from.length)) return true;
      if (at === 'end' && a.endsWith(from) && b === a.slice(0, a.length - from.length) + to) return true;
    }
  }
  return false;
}

/** True when the two differ only by a spelling that sounds alike in a region ("chu" / "tru"). */
export function soundAlike(typed: string, word: string): boolean {
  return typed !== word && (swapped(typed, word, ONSETS, 'start') || swapped(typed, word, CODAS, 'end'));
}

/** True when `typed` can be `word` mistyped (both folded, different). */
export function slipApart(typed: string, word: string): boolean {
  if (typed === word) return false;
  return oneEditApart(typed, word) || swapped(typed, word, ONSETS, 'start') || swapped(typed, word, CODAS, 'end');
}
