import { utteranceKey } from '../training/training-set.js';

// Groups questions that are the same question typed differently ("lam cccd o dau",
// "Làm CCCD ở đâu??", "làm cccd ở đâu vậy"): diacritics, case and punctuation do not
// count, and two questions whose words overlap this much (Jaccard) are one.

export const NEAR_IDENTICAL = 0.75;

function jaccard(a: ReadonlySet<string>, b: ReadonlySet<string>): number {
  let both = 0;
  for (const w of a) if (b.has(w)) both++;
  const either = a.size + b.size - both;
  return either ? both / either : 1;
}

/** Groups in the order of their first item; each group keeps its items' order. */
export function groupNearIdentical<T extends { text: string }>(items: ReadonlyArray<T>): T[][] {
  const groups: Array<{ key: string; words: Set<string>; items: T[] }> = [];
  const byWord = new Map<string, number[]>();
  for (const item of items) {
    const key = utteranceKey(item.text);
    const words = new Set(key.split(' ').filter(Boolean));
    const candidates = new Set<number>();
    for (const w of words) for (const g of byWord.get(w) ?? []) candidates.add(g);
    const found = [...candidates].sort((a, b) => a - b)
      .find((g) => groups[g]!.key === key || jaccard(words, groups[g]!.words) >= NEAR_IDENTICAL);
    if (found !== undefined) {
      groups[found]!.items.push(item);
      continue;
    }
    const index = groups.push({ key, words, items: [item] }) - 1;
    for (const w of words) byWord.set(w, [...(byWord.get(w) ?? []), index]);
  }
  return groups.map((g) => g.items);
}
