import { documentNumbers } from '../../src/knowledge/document-number.js';

describe('the number of a legal document', () => {
  it.each([
    ['Thông tư số 60/2023/TT-BTC', '60/2023/TT-BTC'],
    ['Thông tư 60/2023/TT-BTC quy định mức thu lệ phí', '60/2023/TT-BTC'],
    ['TT số 60/2023/TT-BTC', '60/2023/TT-BTC'],
    ['thong tu 60/2023/tt-btc', '60/2023/TT-BTC'],
    ['Nghị định số 123/2015/NĐ-CP', '123/2015/ND-CP'],
    ['Nghị định 123 / 2015 / ND-CP', '123/2015/ND-CP'],
    ['Thông tư số 01/2022/TT-BTP', '1/2022/TT-BTP'],
    ['Luật Cư trú số 68/2020/QH14', '68/2020/QH14'],
    ['Thông tư liên tịch số 17/2015/TTLT-BTP-BQP.', '17/2015/TTLT-BTP-BQP'],
  ])('reads "%s" as %s', (text, number) => {
    expect(documentNumbers(text)).toEqual([number]);
  });

  it('reads every document a line cites, in order', () => {
    expect(documentNumbers('Nghị định 123/2015/NĐ-CP (sửa đổi bởi Nghị định 07/2025/NĐ-CP, Nghị định số 18/2026/NĐ-CP)'))
      .toEqual(['123/2015/ND-CP', '7/2025/ND-CP', '18/2026/ND-CP']);
  });

  it.each([
    ['a longer number that ends the same', 'Thông tư 160/2023/TT-BTC', ['160/2023/TT-BTC']],
    ['a date', 'ban hành ngày 14/01/2026', []],
    ['a law without a number', 'Luật Hộ tịch', []],
  ])('does not mistake %s for another document number', (_what, text, numbers) => {
    expect(documentNumbers(text)).toEqual(numbers);
  });
});
