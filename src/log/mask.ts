// Personal data never goes into logs in clear: phone numbers, id numbers and dossier codes
// are masked wherever user text is logged or stored for staff.

const DOSSIER_CODE = /[A-Za-z0-9]{1,5}(?:\s?\.\s?[A-Za-z0-9]{1,5}){0,5}\s*[-–—]\s*\d{6}\s*[-–—]\s*\d{4}/g;
// 9–12 digit runs, possibly grouped by spaces, dots or dashes: phone and id numbers.
const LONG_NUMBER = /(?<![\d])(?:\+?84|0)?(?:\d[\s.-]?){8,11}\d(?![\d])/g;
const EMAIL = /[\w.+-]+@[\w-]+(?:\.[\w-]+)+/g;

export function maskPersonalData(text: string): string {
  return text
    .replace(DOSSIER_CODE, '[mã hồ sơ]')
    .replace(EMAIL, '[email]')
    .replace(LONG_NUMBER, '[số]');
}
