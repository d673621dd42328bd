import { rmSync } from 'node:fs';
import { importCatalogue } from '../../src/catalogue/import-catalogue.js';
import { CatalogueFileError } from '../../src/catalogue/read-table.js';
import { HEADER, csvFile, tempDir, xlsxFile } from './catalogue-files.js';

let dir: string;
beforeEach(() => { dir = tempDir(); });
afterEach(() => rmSync(dir, { recursive: true, force: true }));

const CONTRACT_EXAMPLE = [
  'Mã thủ tục,Tên thủ tục,Lĩnh vực,Cấp thực hiện,Thành phần hồ sơ,Thời hạn giải quyết,"Phí, lệ phí",Cơ quan thực hiện,Mức độ dịch vụ công trực tuyến',
  '9.000001,Thủ tục mẫu thứ nhất,Lĩnh vực mẫu,Cấp xã,"1. Tờ khai theo mẫu\n2. Bản sao giấy tờ tùy thân",05 ngày làm việc,Không,UBND cấp xã,Toàn trình',
  '9.000002,"Thủ tục mẫu thứ hai, có dấu phẩy",Lĩnh vực mẫu,Cấp tỉnh,"1. Đơn đề nghị (mẫu số 01)\n2. Bản chính giấy phép cũ",10 ngày làm việc kể từ ngày nhận đủ hồ sơ,Lệ phí: 50.000 đồng/lần,Sở Văn hóa và Thể thao,Một phần',
  '9.000003,Thủ tục mẫu thứ ba,Lĩnh vực mẫu,Cấp tỉnh; Cấp xã,1. Tờ khai,Trong ngày,"Phí: 20.000 đồng; miễn cho người có công",Công an cấp xã,',
].join('\r\n');

describe('importing a catalogue', () => {
  it('reads the contract example: quoted commas, line breaks inside cells, one entry per row under its code', async () => {
    const result = await importCatalogue(csvFile(dir, CONTRACT_EXAMPLE));
    expect(result).toMatchObject({ format: 'csv', read: 3, skipped: [] });
    expect(result.entries.map((e) => e.id)).toEqual(['9.000001', '9.000002', '9.000003']);
    const [first, second, third] = result.entries;
    expect(second?.name).toBe('Thủ tục mẫu thứ hai, có dấu phẩy');
    expect(first?.cases[0]?.documents.map((d) => d.name)).toEqual(['Tờ khai theo mẫu', 'Bản sao giấy tờ tùy thân']);
    expect(first?.origin).toEqual({ kind: 'catalogue', file: 'danh-muc.csv', row: 2 });
    expect(third?.cases[0]).toMatchObject({ fees: [{ label: 'Phí', amount: 20000 }], exemptions: ['Miễn cho người có công'] });
  });

  it('gives the same entries from the same rows in an XLSX workbook (first sheet)', async () => {
    const csv = await importCatalogue(csvFile(dir, CONTRACT_EXAMPLE));
    const rows = [HEADER, ...csv.entries.map((e) => [e.id, e.name, e.field, '', e.cases[0]!.documents.map((d, i) => `${i + 1}. ${d.name}`).join('\n'), e.cases[0]!.duration, '', e.agency, ''])];
    const xlsx = await importCatalogue(await xlsxFile(dir, rows));
    expect(xlsx.format).toBe('xlsx');
    expect(xlsx.entries.map((e) => [e.id, e.name, e.cases[0]?.documents, e.cases[0]?.duration, e.agency]))
      .toEqual(csv.entries.map((e) => [e.id, e.name, e.cases[0]?.documents, e.cases[0]?.duration, e.agency]));
    expect(xlsx.entries[0]?.origin).toEqual({ kind: 'catalogue', file: 'danh-muc.xlsx', row: 2 });
  });

  it('reads a file with a byte-order mark and LF line ends the same', async () => {
    const plain = await importCatalogue(csvFile(dir, CONTRACT_EXAMPLE, 'a.csv'));
    const bom = await importCatalogue(csvFile(dir, `\uFEFF${CONTRACT_EXAMPLE.replace(/\r\n/g, '\n')}`, 'b.csv'));
    expect(bom.entries.map((e) => ({ ...e, origin: null }))).toEqual(plain.entries.map((e) => ({ ...e, origin: null })));
  });

  it.each([
    ['the contract names', 'Mã thủ tục,Tên thủ tục,Lĩnh vực', '1.000001,Đăng ký lại khai sinh,Hộ tịch'],
    ['the short names', 'ma_thu_tuc,ten_thu_tuc,linh_vuc', '1.000001,Đăng ký lại khai sinh,Hộ tịch'],
    ['another order, case and spacing', 'LĨNH VỰC , Mã  Thủ Tục,thu_tuc', 'Hộ tịch,1.000001,Đăng ký lại khai sinh'],
    ['names typed without diacritics and with punctuation', 'Ma thu tuc:,Ten thu-tuc,Linh vuc.', '1.000001,Đăng ký lại khai sinh,Hộ tịch'],
  ])('matches header cells written with %s', async (_what, header, row) => {
    const result = await importCatalogue(csvFile(dir, `${header}\n${row}\n`));
    expect(result.entries).toHaveLength(1);
    expect(result.entries[0]).toMatchObject({ id: '1.000001', name: 'Đăng ký lại khai sinh', field: 'Hộ tịch' });
  });

  it('ignores columns it does not know', async () => {
    const result = await importCatalogue(csvFile(dir, 'STT,Mã thủ tục,Ghi chú,Tên thủ tục,Lĩnh vực\n1,1.000001,xem lại,Đăng ký lại khai sinh,Hộ tịch\n'));
    expect(result.entries[0]).toMatchObject({ id: '1.000001', name: 'Đăng ký lại khai sinh' });
  });

  it.each([
    ['Tên thủ tục', 'Mã thủ tục,Lĩnh vực\n1.000001,Hộ tịch\n', /"Tên thủ tục"/],
    ['Mã thủ tục and Lĩnh vực', 'Tên thủ tục,Ghi chú\nĐăng ký khai sinh,x\n', /"Mã thủ tục", "Lĩnh vực"/],
  ])('refuses a file whose header lacks %s, in one sentence', async (_missing, text, names) => {
    const error = await importCatalogue(csvFile(dir, text)).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(CatalogueFileError);
    expect((error as Error).message).toMatch(names);
    expect((error as Error).message.split('\n')).toHaveLength(1);
  });

  it.each([
    ['an empty file', ''],
    ['an unclosed quote', 'Mã thủ tục,Tên thủ tục,Lĩnh vực\n1.000001,"Đăng ký,Hộ tịch\n'],
  ])('refuses %s in one sentence', async (_what, text) => {
    await expect(importCatalogue(csvFile(dir, text))).rejects.toThrow(CatalogueFileError);
  });

  it('refuses text that is not UTF-8 and a file that is not there', async () => {
    const latin1 = csvFile(dir, '');
    const { writeFileSync } = await import('node:fs');
    writeFileSync(latin1, Buffer.from('Mã thủ tục,Tên thủ tục,Lĩnh vực\n', 'latin1'));
    await expect(importCatalogue(latin1)).rejects.toThrow(/not UTF-8/);
    await expect(importCatalogue(`${dir}/none.csv`)).rejects.toThrow(/no such file/);
  });

  it('skips bad rows with their row, column and reason, and keeps the good ones', async () => {
    const text = [
      'Mã thủ tục,Tên thủ tục,Lĩnh vực',
      '1.000001,Đăng ký lại khai sinh,Hộ tịch',
      ',Thủ tục không mã,Hộ tịch',
      '1.000003,,Hộ tịch',
      '1.000004,Thủ tục không lĩnh vực,',
      '1 000 005/x,Mã có dấu cách,Hộ tịch',
      ',,',
      '1.000007,Đăng ký lại kết hôn,Hộ tịch',
    ].join('\n');
    const result = await importCatalogue(csvFile(dir, text));
    expect(result.entries.map((e) => e.id)).toEqual(['1.000001', '1.000007']);
    expect(result.read).toBe(6);
    expect(result.blank).toBe(1);
    expect(result.skipped).toEqual([
      { row: 3, column: 'Mã thủ tục', reason: expect.stringMatching(/empty/) },
      { row: 4, column: 'Tên thủ tục', reason: expect.stringMatching(/empty/) },
      { row: 5, column: 'Lĩnh vực', reason: expect.stringMatching(/empty/) },
      { row: 6, column: 'Mã thủ tục', reason: expect.stringMatching(/not a code/) },
    ]);
  });

  it('counts rows as a spreadsheet does when cells hold line breaks', async () => {
    const text = 'Mã thủ tục,Tên thủ tục,Lĩnh vực,Thành phần hồ sơ\n1.000001,Một,Hộ tịch,"1. A\n2. B\n3. C"\n,Hai,Hộ tịch,\n';
    const result = await importCatalogue(csvFile(dir, text));
    expect(result.skipped).toEqual([expect.objectContaining({ row: 3 })]);
  });

  it('refuses every row of a code given with different cells, and keeps one of identical repeats; each reported', async () => {
    const text = [
      'Mã thủ tục,Tên thủ tục,Lĩnh vực',
      '1.000001,Đăng ký lại khai sinh,Hộ tịch',
      '1.000002,Cấp giấy phép bán lẻ rượu,Lưu thông hàng hóa',
      '1.000001,Đăng ký khai sinh có yếu tố nước ngoài,Hộ tịch',
      '1.000002,Cấp giấy phép bán lẻ rượu,Lưu thông hàng hóa',
    ].join('\n');
    const result = await importCatalogue(csvFile(dir, text));
    expect(result.entries.map((e) => [e.id, e.origin?.row])).toEqual([['1.000002', 3]]);
    expect(result.skipped).toEqual([
      { row: 2, column: 'Mã thủ tục', reason: expect.stringMatching(/also used by row 4.*refused/) },
      { row: 4, column: 'Mã thủ tục', reason: expect.stringMatching(/also used by row 2.*refused/) },
      { row: 5, column: 'Mã thủ tục', reason: expect.stringMatching(/repeats row 3.*row 3 is kept/) },
    ]);
  });

  it('leaves empty cells empty, meaning "not in the catalogue"', async () => {
    const result = await importCatalogue(csvFile(dir, 'Mã thủ tục,Tên thủ tục,Lĩnh vực,Phí,Thời hạn giải quyết\n1.000001,Đăng ký lại khai sinh,Hộ tịch,,\n'));
    const [entry] = result.entries;
    expect(entry).toMatchObject({ agency: '', level: null, submitAt: [], steps: [], legalBasis: [], reviewedAt: null, online: { availability: 'unknown', url: null } });
    expect(entry?.cases[0]).toMatchObject({ documents: [], fees: [], duration: '' });
  });

  it('reports progress on large files', async () => {
    const rows = Array.from({ length: 25 }, (_, i) => `1.${String(i).padStart(6, '0')},Thủ tục ${i},Hộ tịch`);
    const progress: Array<[number, number]> = [];
    await importCatalogue(csvFile(dir, `Mã thủ tục,Tên thủ tục,Lĩnh vực\n${rows.join('\n')}\n`), { progressEvery: 10, onProgress: (done, total) => progress.push([done, total]) });
    expect(progress).toEqual([[10, 25], [20, 25]]);
  });
});
