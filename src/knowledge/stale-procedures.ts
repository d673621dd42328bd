import { documentNumbers } from './document-number.js';
import type { KnowledgeBase } from './knowledge-base.js';
import type { SupersededDocument } from './superseded.js';

/** Why a procedure is due for review. */
export type StaleReason =
  | {
    kind: 'review-overdue';
    reviewedAt: string;
    /** The day the review fell due: reviewedAt plus the review period. */
    dueAt: string;
  }
  | {
    kind: 'superseded-basis';
    /** Index of the legalBasis line and the line itself. */
    line: number;
    legalBasis: string;
    superseded: SupersededDocument;
  };

export interface StaleProcedure {
  id: string;
  name: string;
  reviewedAt: string;
  reasons: StaleReason[];
}

export interface StaleOptions {
  now: Date;
  /** Months after reviewedAt at which an entry is due for review again. */
  reviewMonths: number;
}

/**
 * The procedures due for review, in knowledge order, each with every reason: not reviewed in
 * the last `reviewMonths` months, or a legalBasis line citing a document that was replaced since.
 * A line that cites the replacement too (e.g. "… (thay thế Thông tư 60/2023/TT-BTC)") is fine.
 */
export function staleProcedures(
  knowledge: Pick<KnowledgeBase, 'procedures'>,
  superseded: ReadonlyArray<SupersededDocument>,
  { now, reviewMonths }: StaleOptions,
): StaleProcedure[] {
  const replaced = superseded.map((s) => ({ s, number: documentNumbers(s.document)[0], by: documentNumbers(s.replacedBy)[0] }));
  const today = now.toISOString().slice(0, 10);
  const stale: StaleProcedure[] = [];
  for (const p of knowledge.procedures) {
    // An imported catalogue entry (reviewedAt null) is the catalogue's to keep, not reviewed here.
    if (p.reviewedAt === null) continue;
    const reasons: StaleReason[] = [];
    const dueAt = addMonths(p.reviewedAt, reviewMonths);
    if (dueAt <= today) reasons.push({ kind: 'review-overdue', reviewedAt: p.reviewedAt, dueAt });
    p.legalBasis.forEach((legalBasis, line) => {
      const cited = new Set(documentNumbers(legalBasis));
      for (const { s, number, by } of replaced) {
        if (number && cited.has(number) && !(by && cited.has(by))) reasons.push({ kind: 'superseded-basis', line, legalBasis, superseded: s });
      }
    });
    if (reasons.length) stale.push({ id: p.id, name: p.name, reviewedAt: p.reviewedAt, reasons });
  }
  return stale;
}

/** `date` (YYYY-MM-DD) plus whole calendar months; the 31st of a shorter month is its last day. */
function addMonths(date: string, months: number): string {
  const [y, m, d] = date.split('-').map(Number) as [number, number, number];
  const target = new Date(Date.UTC(y, m - 1 + months, 1));
  const lastDay = new Date(Date.UTC(target.getUTCFullYear(), target.getUTCMonth() + 1, 0)).getUTCDate();
  target.setUTCDate(Math.min(d, lastDay));
  return target.toISOString().slice(0, 10);
}
