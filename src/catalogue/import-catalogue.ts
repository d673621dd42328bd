import { isDeepStrictEqual } from 'node:util';
import type { Procedure } from '../knowledge/schema.js';
import { columnName, matchHeader } from './columns.js';
import { CatalogueFileError, readTable } from './read-table.js';
import { rowToEntry, type SkippedRow } from './row-entry.js';

// A province's catalogue file → knowledge entries, one per row. Bad rows are skipped and
// reported (row, column, reason) and never stop the good ones; a file that cannot be read, or
// lacks a required column, throws CatalogueFileError with one sentence.
//
// Duplicate codes: rows that repeat a code with the same cells are one procedure (the first row
// is kept, the others reported); rows that give one code different cells are all refused, each
// reported with the others' row numbers, because nothing tells which of them is right.

export interface ImportResult {
  file: string;
  format: 'csv' | 'xlsx';
  /** Data rows read (the header and blank rows not counted). */
  read: number;
  blank: number;
  entries: Procedure[];
  skipped: SkippedRow[];
}

export interface ImportOptions {
  /** Called every `progressEvery` rows with the rows done and the rows in all. */
  onProgress?: (done: number, total: number) => void;
  progressEvery?: number;
}

export async function importCatalogue(file: string, options: ImportOptions = {}): Promise<ImportResult> {
  const table = await readTable(file);
  const header = matchHeader(table.header);
  if (header.missing.length) {
    const list = header.missing.map((m) => `"${m}"`).join(', ');
    throw new CatalogueFileError(`${file} lacks the required column${header.missing.length > 1 ? 's' : ''} ${list} in its header row.`);
  }
  const skipped: SkippedRow[] = [];
  const byCode = new Map<string, Array<{ row: number; entry: Procedure }>>();
  let read = 0;
  let blank = 0;
  const every = options.progressEvery ?? 500;
  table.rows.forEach(({ row, cells }, i) => {
    if (cells.every((c) => !c.trim())) {
      blank++;
      return;
    }
    read++;
    const result = rowToEntry(file, row, cells, header);
    if ('skipped' in result) skipped.push(result.skipped);
    else byCode.set(result.entry.id, [...(byCode.get(result.entry.id) ?? []), { row, entry: result.entry }]);
    if (options.onProgress && (i + 1) % every === 0) options.onProgress(i + 1, table.rows.length);
  });
  const entries: Procedure[] = [];
  for (const [code, rows] of byCode) {
    const [first, ...others] = rows;
    if (!first) continue;
    const same = (e: Procedure): boolean => isDeepStrictEqual({ ...e, origin: null }, { ...first.entry, origin: null });
    if (others.every((o) => same(o.entry))) {
      entries.push(first.entry);
      for (const o of others) skipped.push({ row: o.row, column: columnName(header, 'code'), reason: `code "${code}" repeats row ${first.row} with the same cells; row ${first.row} is kept` });
      continue;
    }
    for (const r of rows) {
      const elsewhere = rows.filter((o) => o !== r).map((o) => o.row).join(', ');
      skipped.push({ row: r.row, column: columnName(header, 'code'), reason: `code "${code}" is also used by row ${elsewhere} with other cells; all its rows are refused` });
    }
  }
  skipped.sort((a, b) => a.row - b.row);
  entries.sort((a, b) => (a.origin?.row ?? 0) - (b.origin?.row ?? 0));
  return { file, format: table.format, read, blank, entries, skipped };
}
