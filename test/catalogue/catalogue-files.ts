import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';

// Catalogue files for the tests, written as a province's spreadsheet would be: CSV text as
// given (so quoting, byte-order marks and line breaks are exactly what is tested), or an XLSX
// workbook made with exceljs from rows of cells.

export function tempDir(prefix = 'dvc-catalogue-'): string {
  return mkdtempSync(path.join(tmpdir(), prefix));
}

export function csvFile(dir: string, text: string, name = 'danh-muc.csv'): string {
  const file = path.join(dir, name);
  writeFileSync(file, text);
  return file;
}

export async function xlsxFile(dir: string, rows: ReadonlyArray<ReadonlyArray<string>>, name = 'danh-muc.xlsx'): Promise<string> {
  const { default: ExcelJS } = await import('exceljs');
  const workbook = new ExcelJS.Workbook();
  const sheet = workbook.addWorksheet('Danh mục');
  for (const row of rows) sheet.addRow([...row]);
  const file = path.join(dir, name);
  await workbook.xlsx.writeFile(file);
  return file;
}

export const HEADER = ['Mã thủ tục', 'Tên thủ tục', 'Lĩnh vực', 'Cấp thực hiện', 'Thành phần hồ sơ', 'Thời hạn giải quyết', 'Phí, lệ phí', 'Cơ quan thực hiện', 'Mức độ dịch vụ công trực tuyến'];
