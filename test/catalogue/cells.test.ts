import { splitItems } from '../../src/catalogue/cell-items.js';
import { readFeeCell } from '../../src/catalogue/fee-cell.js';
import { readLevel, readOnline } from '../../src/catalogue/online-cell.js';

describe('a free-text cell', () => {
  it.each([
    ['a numbered list', '1. Tờ khai\n2. Bản sao giấy tờ tùy thân', ['Tờ khai', 'Bản sao giấy tờ tùy thân']],
    ['numbers with a parenthesis', '1) Đơn đề nghị;\n2) Giấy phép cũ.', ['Đơn đề nghị', 'Giấy phép cũ.']],
    ['letters', 'a) Đơn đề nghị\nb) Bản sao hợp đồng', ['Đơn đề nghị', 'Bản sao hợp đồng']],
    ['dashes', '- Đơn đề nghị\n- Bản sao hợp đồng', ['Đơn đề nghị', 'Bản sao hợp đồng']],
    ['plus signs', '+ Văn bản đề nghị\n+ Bản sao giấy phép', ['Văn bản đề nghị', 'Bản sao giấy phép']],
    ['bullets', '• Đơn\n• Ảnh 4x6', ['Đơn', 'Ảnh 4x6']],
    ['one item per line', 'Tờ khai\nGiấy chứng sinh', ['Tờ khai', 'Giấy chứng sinh']],
    ['a numbered list on one line', '1. Tờ khai; 2. Giấy chứng sinh 3. Ảnh', ['Tờ khai', 'Giấy chứng sinh', 'Ảnh']],
    ['a wrapped item and sub-items under a number', '1. Đơn đề nghị theo\nmẫu số 01\n2. Giấy tờ:\na) Bản sao\nb) Bản chính', ['Đơn đề nghị theo mẫu số 01', 'Giấy tờ: a) Bản sao b) Bản chính']],
    ['Windows line ends and blank lines', '1. Tờ khai\r\n\r\n2. Ảnh\r\n', ['Tờ khai', 'Ảnh']],
    ['a single item', 'Tờ khai đăng ký kết hôn', ['Tờ khai đăng ký kết hôn']],
    ['nothing', '  ', []],
  ])('is split into items when written as %s', (_how, cell, items) => {
    expect(splitItems(cell)).toEqual(items);
  });

  it('keeps a code or a number inside the text', () => {
    expect(splitItems('Nghị định số 123/2015/NĐ-CP\nThông tư 1.2 về mẫu')).toEqual(['Nghị định số 123/2015/NĐ-CP', 'Thông tư 1.2 về mẫu']);
  });
});

describe('the fee cell', () => {
  const read = (cell: string) => readFeeCell(cell, 'Phí, lệ phí');
  it.each([
    ['50.000 đồng', 50_000],
    ['50.000đ', 50_000],
    ['50.000 VNĐ', 50_000],
    ['1.500.000 VNĐ', 1_500_000],
    ['50 nghìn', 50_000],
    ['50 ngàn đồng', 50_000],
    ['100k', 100_000],
    ['1,5 triệu đồng', 1_500_000],
    ['2 triệu', 2_000_000],
    ['200 000 đồng', 200_000],
  ])('reads "%s" as %i đồng', (cell, amount) => {
    expect(read(cell).fees).toEqual([{ label: 'Phí, lệ phí', amount }]);
  });

  it.each(['Không', 'không thu', 'Miễn phí', 'miễn', 'Không thu phí', 'KHÔNG', 'Lệ phí: Không'])('reads "%s" as free', (cell) => {
    expect(read(cell).fees).toEqual([{ label: expect.any(String), amount: 0 }]);
  });

  it('labels each of several amounts with the words before it', () => {
    expect(read('Cấp mới 100.000 đồng, cấp lại 50.000 đồng').fees).toEqual([{ label: 'Cấp mới', amount: 100_000 }, { label: 'Cấp lại', amount: 50_000 }]);
    expect(read('Lệ phí: 50.000 đồng\nPhí thẩm định: 1.000.000 đồng').fees).toEqual([{ label: 'Lệ phí', amount: 50_000 }, { label: 'Phí thẩm định', amount: 1_000_000 }]);
  });

  it('keeps the cell\'s words in a note when more follows the amount', () => {
    expect(read('Lệ phí: 50.000 đồng/lần').fees).toEqual([{ label: 'Lệ phí', amount: 50_000, note: 'Lệ phí: 50.000 đồng/lần' }]);
  });

  it('reads "miễn cho …" after an amount as an exemption', () => {
    expect(read('Phí: 20.000 đồng; miễn cho người có công')).toEqual({ fees: [{ label: 'Phí', amount: 20_000 }], exemptions: ['Miễn cho người có công'] });
  });

  it.each([
    ['a share of a value', '0,5% giá trị hợp đồng'],
    ['a number without a unit', 'Lệ phí: 50.000'],
    ['a reference elsewhere', 'Theo quy định của Hội đồng nhân dân tỉnh'],
  ])('never guesses an amount from %s: the words stay as written', (_what, cell) => {
    expect(read(cell).fees).toEqual([{ label: cell, amount: null }]);
  });

  it('is empty when the cell is', () => {
    expect(read('')).toEqual({ fees: [], exemptions: [] });
  });
});

describe('the online level', () => {
  it.each([
    ['Toàn trình', '', 'full'],
    ['Mức độ 4', '', 'full'],
    ['DVC trực tuyến một phần', '', 'partial'],
    ['Mức độ 3', '', 'partial'],
    ['Mức độ 2', 'Trực tiếp; Trực tuyến', 'none'],
    ['', 'Trực tiếp; Trực tuyến; Dịch vụ bưu chính', 'partial'],
    ['', 'Trực tiếp; Dịch vụ bưu chính', 'none'],
    ['', '', 'unknown'],
  ])('"%s" with ways to submit "%s" is %s', (level, methods, availability) => {
    expect(readOnline(level, methods, '').availability).toBe(availability);
  });

  it('keeps the link only when it is one, and the ways to submit as a note', () => {
    expect(readOnline('Toàn trình', 'Trực tuyến', 'https://dichvucong.gov.vn/p/1')).toEqual({ availability: 'full', url: 'https://dichvucong.gov.vn/p/1', note: 'Trực tuyến' });
    expect(readOnline('Toàn trình', '', 'xem cổng').url).toBeNull();
  });

  it.each([['Cấp xã', 'commune'], ['Cấp tỉnh; Cấp xã', 'province'], ['UBND cấp huyện', 'province'], ['Cấp Bộ', 'central'], ['', null]])('reads the level "%s" as %s', (cell, level) => {
    expect(readLevel(cell)).toBe(level);
  });
});
