import { readFileSync } from 'node:fs';
import { SEED_FILE } from '../../src/portal/dossier-store.js';
import type { Dossier } from '../../src/portal/portal-client.js';

/** The contract's dossiers, as the mock portal ships them. */
export const CONTRACT_DOSSIERS: Dossier[] = (JSON.parse(readFileSync(SEED_FILE, 'utf8')) as { dossiers: Dossier[] }).dossiers;

/** Every piece of personal data in the contract: full names, given names, phones, id numbers, and their last 4 digits. */
export function personalData(dossier: Dossier): string[] {
  const { name, phone, idNumber } = dossier.applicant;
  const given = name.split(/\s+/).slice(1).join(' ');
  return [name, given, phone, idNumber];
}

/** Fails with the offending value when `text` holds any applicant's personal data. */
export function expectNoPersonalData(text: string, dossiers: Dossier[] = CONTRACT_DOSSIERS): void {
  for (const d of dossiers) {
    for (const value of personalData(d)) {
      if (text.includes(value)) throw new Error(`personal data "${value}" of ${d.code} appears in: ${text.slice(0, 300)}`);
    }
  }
}
