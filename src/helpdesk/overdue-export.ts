import { stringify } from 'csv-stringify/sync';
import { z } from 'zod';

// The overdue list in the order the officer chose, and as a CSV file for a spreadsheet
// (UTF-8 with a byte-order mark, so that Excel reads the Vietnamese letters; CRLF lines).

export interface OverdueRow {
  code: string;
  procedure: string;
  procedureName: string | null;
  status: string;
  agency: string;
  receivedAt: string;
  dueAt: string;
  daysOverdue: number;
}

export const OVERDUE_SORT_KEYS = ['daysOverdue', 'dueAt', 'receivedAt', 'code', 'procedure', 'status', 'agency'] as const;
export type OverdueSortKey = (typeof OVERDUE_SORT_KEYS)[number];

export const overdueQuerySchema = z.object({
  now: z.string().datetime({ offset: true, message: 'must be an ISO 8601 date-time' }).optional(),
  sort: z.enum(OVERDUE_SORT_KEYS).default('daysOverdue'),
  order: z.enum(['asc', 'desc']).optional(),
  format: z.enum(['json', 'csv']).default('json'),
}).passthrough();

/** Numbers and dates compare as such, text in Vietnamese order; ties keep the most overdue first. */
export function sortOverdue(rows: OverdueRow[], key: OverdueSortKey, order?: 'asc' | 'desc'): OverdueRow[] {
  const direction = (order ?? (key === 'daysOverdue' ? 'desc' : 'asc')) === 'asc' ? 1 : -1;
  const collator = new Intl.Collator('vi');
  const value = (row: OverdueRow): string | number => (key === 'procedure' ? row.procedureName ?? row.procedure : row[key]);
  return [...rows].sort((a, b) => {
    const x = value(a);
    const y = value(b);
    const compared = typeof x === 'number' && typeof y === 'number' ? x - y : collator.compare(String(x), String(y));
    return compared * direction || b.daysOverdue - a.daysOverdue || a.code.localeCompare(b.code);
  });
}

const COLUMNS: Array<[keyof OverdueRow, string]> = [
  ['code', 'Mã hồ sơ'],
  ['procedure', 'Mã thủ tục'],
  ['procedureName', 'Tên thủ tục'],
  ['status', 'Trạng thái'],
  ['agency', 'Cơ quan'],
  ['receivedAt', 'Ngày tiếp nhận'],
  ['dueAt', 'Hạn trả kết quả'],
  ['daysOverdue', 'Số ngày quá hạn'],
];

export function overdueCsv(rows: OverdueRow[]): string {
  return `\uFEFF${stringify(rows.map((row) => COLUMNS.map(([key]) => row[key] ?? '')), {
    header: true,
    columns: COLUMNS.map(([, title]) => title),
    record_delimiter: 'windows',
    // A cell that starts like a formula is read as text by spreadsheets.
    cast: { string: (value) => (/^[=+\-@\t\r]/.test(value) ? `'${value}` : value) },
  })}`;
}
