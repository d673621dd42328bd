import type { Cues } from './cues.js';
import type { NormalizedText } from './vi/normalize.js';

// Messages that look like procedure questions and are not (cue data: intents/cues/vi.yaml):
// attempts to make the assistant drop its rules or hand out people's data, and prices of
// goods ("giá xe máy bao nhiêu"); and the words of a legal-basis question, which must not name
// a procedure ("căn cứ pháp lý" is not "lý lịch tư pháp").

/** True for an attempt to override the assistant's rules, play a role or obtain people's data. */
export function isManipulation(norm: NormalizedText, cues: Cues): boolean {
  return cues.manipulation.test(norm);
}

/** The positions of the words asking for the legal basis ("căn cứ pháp lý", "luật nào"). */
export function legalBasisWords(norm: NormalizedText, cues: Cues): number[] {
  return [...cues.legalBasis.covered(norm)].sort((a, b) => a - b);
}

/**
 * True when the message asks the price of goods: a price word ("giá", not "gia hạn"), no fee
 * word, and no word naming a procedure beyond the goods: "giá xe máy bao nhiêu" names "đăng ký
 * xe máy" by its goods only; "hộ chiếu giá bao nhiêu" and "biển số ô tô giá bao nhiêu" name a
 * procedure (`distinctive`: a word few procedures' names use).
 */
export function isGoodsPrice(norm: NormalizedText, cues: Cues, distinctive: (folded: string) => boolean): boolean {
  const price = cues.price.covered(norm);
  if (!price.size) return false;
  const notPrice = cues.notPrice.covered(norm);
  if (![...price].some((i) => !notPrice.has(i))) return false;
  if (cues.fee.test(norm)) return false;
  return namedOnlyByGoods(norm, cues, price, distinctive);
}

/**
 * True when the message asks where a trade or service on goods is done, or its price ("sửa xe
 * máy ở đâu", "bán xe máy cũ ở đâu được giá"): a trade word, no fee word, and no word naming a
 * procedure beyond the goods, among all words and among `named` (the words of the procedure
 * found). The caller asks only of place and price questions.
 */
export function isTrade(norm: NormalizedText, cues: Cues, distinctive: (folded: string) => boolean, named: readonly number[] = []): boolean {
  const trade = cues.trade.covered(norm);
  if (!trade.size || cues.fee.test(norm)) return false;
  // "Sửa ngày sinh trong giấy khai sinh ở đâu": the procedure found is named by more than goods.
  const goods = cues.goods.covered(norm);
  return !named.some((i) => !goods.has(i) && !trade.has(i)) && namedOnlyByGoods(norm, cues, trade, distinctive);
}

/**
 * True for a how-to question ("làm sao để …", "cách …") whose procedure stands on scattered
 * words: no two words next to each other that a name holds together ("giam" of "lam sao de
 * giam can" is "giám hộ" only by its letters). `together(i)`: the words at i and i + 1 are a
 * name's pair (or one of them was a misspelling put right).
 */
export function isLooseHowTo(norm: NormalizedText, cues: Cues, matched: readonly number[], together: (i: number) => boolean): boolean {
  if (!cues.howTo.test(norm) && !cues.howToOpening.test(norm, 0, Math.min(1, norm.folded.length))) return false;
  const at = new Set(matched);
  return !matched.some((i) => at.has(i + 1) && together(i));
}

/** No word besides the goods, the question words and `besides` is one that few procedures' names use. */
function namedOnlyByGoods(norm: NormalizedText, cues: Cues, besides: ReadonlySet<number>, distinctive: (folded: string) => boolean): boolean {
  const goods = cues.goods.covered(norm);
  const asking = cues.question.covered(norm);
  return !norm.folded.some((w, i) => !goods.has(i) && !besides.has(i) && !asking.has(i) && distinctive(w));
}
