import path from 'node:path';
import { COLUMNS, type ColumnKey } from './columns.js';

// Writes catalogue rows as a spreadsheet in the contract's columns (CSV or XLSX by the file's
// extension), with exceljs: for `dvc gen-catalogue --table`, the bench and the tests.

export type CatalogueRow = Partial<Record<ColumnKey, string>>;

export async function writeCatalogueTable(file: string, rows: ReadonlyArray<CatalogueRow>, columns: ReadonlyArray<ColumnKey> = COLUMNS.map((c) => c.key)): Promise<void> {
  const { default: ExcelJS } = await import('exceljs');
  const workbook = new ExcelJS.Workbook();
  const sheet = workbook.addWorksheet('Danh mục');
  sheet.addRow(columns.map((key) => COLUMNS.find((c) => c.key === key)?.header ?? key));
  for (const row of rows) sheet.addRow(columns.map((key) => row[key] ?? ''));
  if (path.extname(file).toLowerCase() === '.xlsx') await workbook.xlsx.writeFile(file);
  else await workbook.csv.writeFile(file);
}
