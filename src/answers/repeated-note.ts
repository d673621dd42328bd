// A note that says again what another note of the answer says: left out to keep it short.

const AMOUNTS = /\d{1,3}(?:\.\d{3})+/gu;
const DOCUMENT_NUMBER = /\d+\/\d{4}\/[\p{Lu}Đ-]+/u;

/**
 * A caveat that restates a note already given: the same amounts, after the same document
 * ("115.000 đồng/lần theo Thông tư 154/2025/TT-BTC" twice).
 */
export function saysNothingNew(caveat: string, notes: readonly string[]): boolean {
  const amounts = caveat.match(AMOUNTS) ?? [];
  const document = caveat.match(DOCUMENT_NUMBER)?.[0];
  return amounts.length > 0 && document !== undefined
    && notes.some((n) => n.includes(document) && amounts.every((a) => n.includes(a)));
}
