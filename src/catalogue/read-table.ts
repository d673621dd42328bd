import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { parse } from 'csv-parse/sync';

// Reads a catalogue spreadsheet into rows of text cells: CSV (UTF-8, with or without a
// byte-order mark, RFC 4180 quoting, line breaks inside quoted cells) with csv-parse, or XLSX
// (the first sheet) with exceljs. A row's number is the one a spreadsheet shows: the header is
// row 1, and a line break inside a cell does not start a new row.

export interface TableRow {
  row: number;
  cells: string[];
}

export interface Table {
  format: 'csv' | 'xlsx';
  header: string[];
  rows: TableRow[];
}

/** A file that cannot be read as a catalogue; the message is one sentence for the operator. */
export class CatalogueFileError extends Error {
  constructor(message: string, options?: { cause?: unknown }) {
    super(message, options);
    this.name = 'CatalogueFileError';
  }
}

const ZIP_SIGNATURE = Buffer.from([0x50, 0x4b, 0x03, 0x04]);
const OLE_SIGNATURE = Buffer.from([0xd0, 0xcf, 0x11, 0xe0]);

export async function readTable(file: string): Promise<Table> {
  let bytes: Buffer;
  try {
    bytes = await readFile(file);
  } catch (err) {
    const code = (err as NodeJS.ErrnoException).code;
    const why = code === 'ENOENT' ? 'there is no such file' : code === 'EISDIR' ? 'it is a folder' : code === 'EACCES' ? 'permission is denied' : `of ${code ?? String(err)}`;
    throw new CatalogueFileError(`Cannot read ${file}: ${why}.`, { cause: err });
  }
  const name = path.basename(file);
  if (bytes.subarray(0, 4).equals(OLE_SIGNATURE)) {
    throw new CatalogueFileError(`${name} is an old Excel (XLS) workbook; save it as XLSX or CSV (UTF-8) and import that.`);
  }
  if (bytes.subarray(0, 4).equals(ZIP_SIGNATURE)) return readXlsx(name, bytes);
  if (/\.xlsx$/i.test(name)) throw new CatalogueFileError(`${name} is named .xlsx but is not an XLSX workbook.`);
  return readCsv(name, bytes);
}

function readCsv(name: string, bytes: Buffer): Table {
  let text: string;
  try {
    text = new TextDecoder('utf-8', { fatal: true }).decode(bytes);
  } catch (err) {
    throw new CatalogueFileError(`${name} is not UTF-8 text; save the spreadsheet as "CSV UTF-8" or XLSX and import that.`, { cause: err });
  }
  let records: string[][];
  try {
    records = parse(text, { bom: true, relax_column_count: true, skip_empty_lines: false, delimiter: sniffDelimiter(text) }) as string[][];
  } catch (err) {
    const reason = err instanceof Error ? err.message.replace(/\.$/, '') : String(err);
    throw new CatalogueFileError(`${name} is not valid CSV: ${reason}.`, { cause: err });
  }
  return toTable('csv', name, records.map((cells, i) => ({ row: i + 1, cells })));
}

/** Comma as the contract says; a header with no comma but semicolons or tabs (some spreadsheet exports) uses those. */
function sniffDelimiter(text: string): string {
  const firstLine = text.slice(0, text.search(/\r?\n|$/));
  if (firstLine.includes(',')) return ',';
  if (firstLine.includes(';')) return ';';
  if (firstLine.includes('\t')) return '\t';
  return ',';
}

async function readXlsx(name: string, bytes: Buffer): Promise<Table> {
  // Loaded only for XLSX: it is large, and a server with a cached catalogue never needs it.
  const { default: ExcelJS } = await import('exceljs');
  const workbook = new ExcelJS.Workbook();
  try {
    await workbook.xlsx.load(bytes as unknown as ArrayBuffer);
  } catch (err) {
    throw new CatalogueFileError(`${name} is not a readable XLSX workbook (${err instanceof Error ? err.message : String(err)}).`, { cause: err });
  }
  const sheet = workbook.worksheets[0];
  if (!sheet) throw new CatalogueFileError(`${name} has no worksheet.`);
  const rows: TableRow[] = [];
  sheet.eachRow({ includeEmpty: false }, (row, number) => {
    const cells: string[] = [];
    row.eachCell({ includeEmpty: true }, (cell, column) => {
      cells[column - 1] = cellText(cell.text);
    });
    rows.push({ row: number, cells: Array.from(cells, (c) => c ?? '') });
  });
  return toTable('xlsx', name, rows);
}

function cellText(text: unknown): string {
  return typeof text === 'string' ? text.replace(/\r\n?/g, '\n') : '';
}

function toTable(format: Table['format'], name: string, rows: TableRow[]): Table {
  const [first, ...rest] = rows;
  if (!first || first.cells.every((c) => !c.trim())) throw new CatalogueFileError(`${name} is empty: it has no header row.`);
  if (first.row !== 1) throw new CatalogueFileError(`${name} has no header in its first row; the first row must name the columns.`);
  return { format, header: first.cells, rows: rest };
}
