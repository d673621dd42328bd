// Diacritic folding: "Đăng ký" → "dang ky". `đ` has no combining mark, so it is mapped explicitly.
const COMBINING_MARKS = /[\u0300-\u036f]/g;

export function foldText(text: string): string {
  return text
    .normalize('NFD')
    .replace(COMBINING_MARKS, '')
    .replace(/đ/g, 'd')
    .replace(/Đ/g, 'D')
    .toLowerCase()
    .replace(/\s+/g, ' ')
    .trim();
}

export function hasDiacritics(text: string): boolean {
  return foldText(text) !== text.toLowerCase().replace(/\s+/g, ' ').trim();
}
