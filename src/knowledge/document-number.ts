import { foldText } from '../text/fold.js';

// A Vietnamese legal document is known by its number: "60/2023/TT-BTC", "123/2015/NĐ-CP",
// "68/2020/QH14". However a line names it ("Thông tư số 60/2023/TT-BTC", "TT 60/2023/TT-BTC",
// "Nghị định 123/2015/ND-CP"), the number is what identifies it.
const NUMBER = /(?<![\p{L}\p{N}/])0*(\d{1,5})\s*\/\s*(\d{4})\s*\/\s*(\p{L}[\p{L}\p{N}]*(?:-[\p{L}\p{N}]+)*)/gu;

/**
 * The document numbers a text cites, as comparable keys: diacritics folded, upper case, no
 * leading zeros ("Nghị định số 01/2022/NĐ-CP" → "1/2022/ND-CP").
 */
export function documentNumbers(text: string): string[] {
  return [...text.matchAll(NUMBER)].map(([, n, year, kind]) => `${n}/${year}/${foldText(kind ?? '').toUpperCase()}`);
}
