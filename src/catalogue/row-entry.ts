import path from 'node:path';
import { CATALOGUE_CODE, KNOWLEDGE_FORMAT_VERSION, procedureSchema, type Procedure, type ProcedureDocument } from '../knowledge/schema.js';
import { columnName, type ColumnKey, type HeaderMatch } from './columns.js';
import { cellText, splitItems } from './cell-items.js';
import { readFeeCell } from './fee-cell.js';
import { readLevel, readOnline } from './online-cell.js';

// One catalogue row → one knowledge entry. A cell the catalogue leaves empty stays empty in
// the entry (see src/knowledge/schema.ts); the answers say so rather than guess.

export interface SkippedRow {
  row: number;
  column: string;
  reason: string;
}

/** The one case of an imported entry: catalogues do not split procedures into cases. */
export const IMPORTED_CASE_ID = 'chung';

export function rowToEntry(file: string, row: number, cells: ReadonlyArray<string>, header: HeaderMatch): { entry: Procedure } | { skipped: SkippedRow } {
  const get = (key: ColumnKey): string => {
    const i = header.index[key];
    return i === undefined ? '' : (cells[i] ?? '').trim();
  };
  const skip = (key: ColumnKey, reason: string): { skipped: SkippedRow } => ({ skipped: { row, column: columnName(header, key), reason } });

  const code = get('code').replace(/\s+/g, ' ');
  if (!code) return skip('code', 'empty: a procedure needs its code');
  if (!CATALOGUE_CODE.test(code)) return skip('code', `"${code}" is not a code (letters and digits joined by ".", "-" or "_")`);
  const name = cellText(get('name')).replace(/;\s*/g, ' ');
  if (!name) return skip('name', 'empty: a procedure needs its name');
  const field = cellText(get('field'));
  if (!field) return skip('field', 'empty: a procedure needs its field (lĩnh vực)');

  const { fees, exemptions } = readFeeCell(get('fees'), columnName(header, 'fees'));
  const documents: ProcedureDocument[] = splitItems(get('documents')).map((d) => ({ name: d, optional: /\(nếu có\)/iu.test(d) }));
  const optionalList = (key: ColumnKey): { [k: string]: string[] } => {
    const items = splitItems(get(key));
    return items.length ? { [key]: items } : {};
  };
  const decision = cellText(get('decision'));
  const candidate = {
    version: KNOWLEDGE_FORMAT_VERSION,
    id: code,
    name,
    aliases: [],
    field,
    catalogCode: code,
    agency: cellText(get('agency')),
    level: readLevel(get('level')),
    submitAt: splitItems(get('submitAt')),
    online: readOnline(get('onlineLevel'), get('methods'), get('url')),
    cases: [{ id: IMPORTED_CASE_ID, name, documents, fees, exemptions, duration: cellText(get('duration')) }],
    steps: splitItems(get('steps')),
    legalBasis: splitItems(get('legalBasis')),
    sources: [],
    caveats: [],
    ...optionalList('applicants'),
    ...optionalList('conditions'),
    ...optionalList('results'),
    reviewedAt: null,
    origin: { kind: 'catalogue' as const, file: path.basename(file), row, ...(decision ? { decision } : {}) },
  };
  const checked = procedureSchema.safeParse(candidate);
  if (!checked.success) {
    const issue = checked.error.issues[0]!;
    return { skipped: { row, column: String(issue.path.join('.')), reason: issue.message } };
  }
  return { entry: checked.data };
}
