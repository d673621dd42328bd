// Dossier codes: `<agency code>-<yymmdd>-<4 digits>`, e.g. "000.00.16.H17-261105-0007" or
// "G22.71-261105-0012". People type them in lower case, with spaces around the dashes,
// or with an en dash.

const AGENCY = String.raw`[A-Za-z0-9]{1,5}(?:\s?\.\s?[A-Za-z0-9]{1,5}){0,5}`;
const DASH = String.raw`\s*[-‐‑–—_]\s*`;
const CODE = new RegExp(String.raw`(?<![A-Za-z0-9.])(${AGENCY})${DASH}(\d{6})${DASH}(\d{4})(?![0-9])`, 'u');
const CODE_GLOBAL = new RegExp(CODE.source, 'gu');
const CANONICAL = /^[A-Z0-9]{1,5}(?:\.[A-Z0-9]{1,5}){0,5}-\d{6}-\d{4}$/;

/** Upper case, no spaces, plain dashes. */
export function canonicalDossierCode(raw: string): string {
  return raw.normalize('NFKC').toUpperCase().replace(/\s+/g, '').replace(/[‐‑–—_]/g, '-');
}

export function isDossierCode(code: string): boolean {
  return CANONICAL.test(canonicalDossierCode(code));
}

/** The first dossier code in a message, canonical, or null. */
export function extractDossierCode(text: string): string | null {
  const match = CODE.exec(text.normalize('NFKC'));
  if (!match) return null;
  return canonicalDossierCode(`${match[1]}-${match[2]}-${match[3]}`);
}

/** A fresh global pattern of dossier codes in any spelling (for callers that replace them). */
export function dossierCodePattern(): RegExp {
  return new RegExp(CODE.source, 'gu');
}

/** The text with every dossier code replaced by a placeholder word. */
export function maskDossierCodes(text: string, placeholder: string): string {
  return text.normalize('NFKC').replace(CODE_GLOBAL, ` ${placeholder} `);
}
