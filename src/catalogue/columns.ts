import { foldText } from '../text/fold.js';

// The columns of a province's catalogue (danh mục thủ tục hành chính), in the national procedure
// database's words: contract section 7. Header cells are matched ignoring case, diacritics,
// spaces, underscores and punctuation, in any order; other columns are ignored.

export const COLUMNS = [
  { key: 'code', header: 'Mã thủ tục', also: ['ma_thu_tuc'], required: true },
  { key: 'name', header: 'Tên thủ tục', also: ['thu_tuc', 'ten_thu_tuc'], required: true },
  { key: 'field', header: 'Lĩnh vực', also: ['linh_vuc'], required: true },
  { key: 'level', header: 'Cấp thực hiện', also: ['cap_thuc_hien'], required: false },
  { key: 'steps', header: 'Trình tự thực hiện', also: ['trinh_tu'], required: false },
  { key: 'methods', header: 'Cách thức thực hiện', also: ['hinh_thuc_nop'], required: false },
  { key: 'documents', header: 'Thành phần hồ sơ', also: ['thanh_phan_hs'], required: false },
  { key: 'duration', header: 'Thời hạn giải quyết', also: ['thoi_han'], required: false },
  { key: 'fees', header: 'Phí, lệ phí', also: ['phi_le_phi'], required: false },
  { key: 'applicants', header: 'Đối tượng thực hiện', also: ['doi_tuong'], required: false },
  { key: 'agency', header: 'Cơ quan thực hiện', also: ['co_quan_thuc_hien'], required: false },
  { key: 'submitAt', header: 'Nơi tiếp nhận', also: ['noi_tiep_nhan'], required: false },
  { key: 'results', header: 'Kết quả thực hiện', also: ['ket_qua'], required: false },
  { key: 'legalBasis', header: 'Căn cứ pháp lý', also: ['can_cu'], required: false },
  { key: 'conditions', header: 'Yêu cầu, điều kiện', also: ['dieu_kien'], required: false },
  { key: 'onlineLevel', header: 'Mức độ dịch vụ công trực tuyến', also: ['muc_do'], required: false },
  { key: 'decision', header: 'Số quyết định công bố', also: ['so_quyet_dinh'], required: false },
  { key: 'url', header: 'Đường dẫn', also: ['url'], required: false },
] as const;

export type ColumnKey = (typeof COLUMNS)[number]['key'];

/** A header cell as compared: no case, diacritics, spaces, underscores or punctuation. */
export function headerKey(cell: string): string {
  return foldText(cell).replace(/[^a-z0-9]/g, '');
}

const BY_KEY = new Map<string, ColumnKey>(COLUMNS.flatMap((c) => [c.header, ...c.also].map((h) => [headerKey(h), c.key] as const)));

export interface HeaderMatch {
  /** Column index of each known column found (the first, when a header is repeated). */
  index: Partial<Record<ColumnKey, number>>;
  /** The header cells as written, by column, for messages and labels. */
  written: Partial<Record<ColumnKey, string>>;
  /** Required columns the header lacks, by their contract name. */
  missing: string[];
}

export function matchHeader(cells: ReadonlyArray<string>): HeaderMatch {
  const index: HeaderMatch['index'] = {};
  const written: HeaderMatch['written'] = {};
  cells.forEach((cell, i) => {
    const key = BY_KEY.get(headerKey(cell));
    if (key && index[key] === undefined) {
      index[key] = i;
      written[key] = cell.trim();
    }
  });
  const missing = COLUMNS.filter((c) => c.required && index[c.key] === undefined).map((c) => c.header);
  return { index, written, missing };
}

/** The column's name for a report: as the file writes it, else the contract's. */
export function columnName(match: HeaderMatch, key: ColumnKey): string {
  return match.written[key] ?? COLUMNS.find((c) => c.key === key)?.header ?? key;
}
