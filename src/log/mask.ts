// Personal data never goes into logs in clear: phone numbers, id numbers and dossier codes
// are masked wherever user text is logged or stored for staff.

const DOSSIER_CODE = /[A-Za-z0-9]{1,5}(?:\s?\.\s?[A-Za-z0-9]{1,5}){0,5}\s*[-–—]\s*\d{6}\s*[-–—]\s*\d{4}/g;
// 9–12 digit runs, possibly grouped by spaces, dots or dashes: phone and id numbers.
const LONG_NUMBER = /(?<![\d+])(?:\+?84[\s.-]?|0)?(?:\d[\s.-]?){8,11}\d(?![\d])/g;
const EMAIL = /[\w.+-]+@[\w-]+(?:\.[\w-]+)+/g;
// 4 digits or more on their own: the last digits of a phone or id number a citizen typed.
const SHORT_NUMBER = /(?<![\d])\d(?:[\s.]?\d){3,}(?![\d])/g;

export interface MaskOptions {
  /** Leave dossier codes readable (a help-desk transcript needs them; a process log does not). */
  keepDossierCodes?: boolean;
  /** Also mask runs of 4 digits or more (what a citizen types is masked this way). */
  shortNumbers?: boolean;
}

export function maskPersonalData(text: string, options: MaskOptions = {}): string {
  let masked = text;
  const codes: string[] = [];
  // Codes are set aside first so that their digits are not taken for phone numbers.
  masked = masked.replace(DOSSIER_CODE, (code) => {
    codes.push(code);
    return `\u0000${codes.length - 1}\u0000`;
  });
  masked = masked.replace(EMAIL, '[email]').replace(LONG_NUMBER, '[số]');
  if (options.shortNumbers) masked = masked.replace(SHORT_NUMBER, '[số]');
  return masked.replace(/\u0000(\d+)\u0000/g, (_whole, i: string) => (options.keepDossierCodes ? codes[Number(i)] ?? '' : '[mã hồ sơ]'));
}
