import type { Dossier, DossierStatus } from './portal-client.js';

// A dossier is overdue (quá hạn) when the agency still owes the citizen a result after the
// due date. Once the result exists (completed), was handed over (returned) or the dossier
// was refused (rejected), lateness is history, not something to warn about.

export const OPEN_STATUSES: ReadonlySet<DossierStatus> = new Set(['received', 'processing', 'supplement_required']);

export function isOpen(status: DossierStatus): boolean {
  return OPEN_STATUSES.has(status);
}

export function isOverdue(dossier: Pick<Dossier, 'status' | 'dueAt'>, now: Date): boolean {
  return isOpen(dossier.status) && now.getTime() > Date.parse(dossier.dueAt);
}
