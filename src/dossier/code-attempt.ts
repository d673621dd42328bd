// Something typed as a dossier code that is not one ("000.00.16.H17-261105-007",
// "abc-123"), so that the citizen hears the code's shape instead of "I did not understand".

// Letters and digits joined by dots, dashes or slashes, spaces allowed around the joints.
const JOINED = /(?<![\p{L}\p{N}])[A-Za-z0-9]+(?:\s*[.\-–—_/]\s*[A-Za-z0-9]+)+(?![\p{L}\p{N}])/gu;
const DIGITS = /(?<!\d)\d{4,}(?!\d)/;
const DATE = /^\d{1,2}\s*[-/.]\s*\d{1,2}\s*[-/.]\s*\d{2,4}$/;

const digitCount = (text: string): number => (text.match(/\d/g) ?? []).length;

/**
 * The part of `text` meant as a dossier code, or null. `strict` is for a message not known
 * to be about a dossier: only a long dashed token counts there. Otherwise (the citizen was
 * asked for a code, or asked about a dossier) any joined token with a digit, or 4 digits or
 * more, counts.
 */
export function findCodeAttempt(text: string, strict: boolean): string | null {
  const normalized = text.normalize('NFKC');
  for (const match of normalized.matchAll(JOINED)) {
    const token = match[0].trim();
    if (DATE.test(token)) continue;
    const dashed = /[-–—_]/.test(token);
    if (strict ? dashed && digitCount(token) >= 7 : digitCount(token) >= 1) return token;
  }
  if (strict) return null;
  return DIGITS.exec(normalized)?.[0] ?? null;
}
