import type { Logger } from '../log/logger.js';
import { maskPersonalData } from '../privacy/mask.js';
import { canonicalDossierCode, isDossierCode } from '../nlu/dossier-code.js';
import type { AuditEntry, AuditStore } from '../store/audit-store.js';
import { isTicketCode } from './ticket-code.js';
import { procedureId } from '../knowledge/schema.js';

export type { AuditAction, AuditEntry } from '../store/audit-store.js';

// Who looked at which dossier or ticket, and when (kept by an AuditStore, append-only).
// No entry holds a citizen's name, phone or id number: free text is masked before it is
// written (the officer's own name is kept: it says who did what), and what an officer typed
// in a reply is recorded by its length, not its words.

const MAX_FIELD = 120;
const FIELD_NAME = /^[A-Za-z][A-Za-z0-9]{0,39}$/;

export class AuditLog {
  constructor(private readonly store: AuditStore, private readonly logger: Logger) {}

  /**
   * Appends one entry (time added here), in order; it is kept before the promise settles. A
   * failed write is logged, not thrown: the officer's or citizen's answer does not depend on it.
   */
  async record(entry: Omit<AuditEntry, 'at'>): Promise<void> {
    try {
      await this.store.append(sanitise({ at: new Date().toISOString(), ...entry }));
    } catch (err) {
      this.logger.error({ err: { name: (err as Error)?.name }, action: entry.action }, 'audit entry not written');
    }
  }

  /** Every entry so far, oldest first (for tests and tools). */
  entries(): Promise<AuditEntry[]> {
    return this.store.entries();
  }
}

/** Short, masked free-text fields: nothing a caller passes can put personal data in the log. */
function sanitise(entry: AuditEntry): AuditEntry {
  const { officer, target, outcome, ip, procedure, fields, ...rest } = entry;
  return {
    ...rest,
    // A procedure id and field names are the knowledge's own words; anything else is dropped.
    ...(procedure !== undefined && procedure.length <= MAX_FIELD && procedureId.safeParse(procedure).success ? { procedure } : {}),
    ...(fields === undefined ? {} : { fields: fields.filter((f) => FIELD_NAME.test(f)).slice(0, 40) }),
    outcome: clean(outcome),
    // The officer's own name is what the entry is for; numbers and e-mails in it are still masked.
    ...(officer === undefined ? {} : { officer: clean(officer, { keepNames: true }) }),
    ...(target === undefined ? {} : { target: cleanTarget(target) }),
    ...(ip === undefined ? {} : { ip: ip.slice(0, 64) }),
  };
}

function clean(value: string, options: { keepNames?: boolean } = {}): string {
  return maskPersonalData(value, { keepDossierCodes: true, shortNumbers: true, ...options }).slice(0, MAX_FIELD);
}

/** A valid code is kept as the record of what was opened; anything else typed is masked. */
function cleanTarget(target: string): string {
  if (isTicketCode(target)) return target;
  if (isDossierCode(target)) return canonicalDossierCode(target);
  return clean(target);
}
