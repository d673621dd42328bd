import type { Dossier } from './portal-client.js';

// The applicant's name is shown masked, and only after the last-4-digits check.

/**
 * "Nguyễn Thị Thu Hà" → "Nguyễn T** T** H*": the family name (first part) in full, every other
 * part as its first letter and one asterisk per remaining letter. Family names are shared by
 * millions and identify no one; the given names would. A one-part name keeps only its first
 * letter, since showing it in full would show everything.
 */
export function maskName(name: string): string {
  const parts = name.normalize('NFC').trim().split(/\s+/).filter(Boolean);
  const maskPart = (part: string): string => {
    const [first = '', ...rest] = Array.from(part);
    return first + '*'.repeat(rest.length);
  };
  if (parts.length <= 1) return parts.map(maskPart).join('');
  const [family, ...given] = parts;
  return [family, ...given.map(maskPart)].join(' ');
}

/**
 * True when `input` holds exactly 4 digits (spaces and dots allowed between them) equal to
 * the last 4 digits of the applicant's phone number or id number.
 */
export function matchesLast4(dossier: Pick<Dossier, 'applicant'>, input: string): boolean {
  const digits = input.replace(/[\s.\-]/g, '');
  if (!/^\d{4}$/.test(digits)) return false;
  const last4 = (value: string): string => value.replace(/\D/g, '').slice(-4);
  const { phone, idNumber } = dossier.applicant;
  return [phone, idNumber].some((value) => last4(value).length === 4 && last4(value) === digits);
}
