import path from 'node:path';
import { loadConfig } from '../../../src/config.js';
import { catalogueAliases, officialName } from '../../../src/nlu/catalogue/name-aliases.js';
import { loadLexicon } from '../../../src/nlu/vi/lexicon.js';
import { foldText } from '../../../src/nlu/vi/fold.js';

const lexicon = loadLexicon(path.join(loadConfig({}).INTENTS_DIR, 'lexicon', 'abbreviations.yaml'));
const imported = (name: string) => ({ name, origin: { kind: 'catalogue' as const, file: 'a.csv', row: 2 } });
const aliases = (name: string): string[] => catalogueAliases(imported(name), lexicon).map(foldText);

describe('the names of an imported procedure', () => {
  it('drop a leading "Thủ tục" and what is in parentheses', () => {
    expect(officialName('Thủ tục đăng ký khai sinh (cấp xã)')).toBe('đăng ký khai sinh');
  });

  it('include the name cut before its scope and without filler', () => {
    expect(aliases('Cấp Giấy chứng nhận đủ điều kiện về an ninh, trật tự đối với cơ sở kinh doanh')).toEqual(expect.arrayContaining([
      'cap giay chung nhan ve an ninh trat tu',
      'cap giay chung nhan du dieu kien ve an ninh trat tu',
    ]));
  });

  it('give the object alone to the plain action only, so near-twins keep their action words', () => {
    expect(aliases('Cấp Giấy phép bán lẻ rượu')).toContain('giay phep ban le ruou');
    for (const twin of ['Cấp lại Giấy phép bán lẻ rượu', 'Gia hạn Giấy phép bán lẻ rượu', 'Cấp sửa đổi, bổ sung Giấy phép bán lẻ rượu']) {
      expect(aliases(twin).filter((a) => a.startsWith('giay phep'))).toEqual([]);
    }
  });

  it('say the official words in the citizens\' words of the lexicon', () => {
    expect(aliases('Cấp lại Giấy chứng nhận quyền sử dụng đất')).toEqual(expect.arrayContaining(['cap lai so do', 'lam lai giay chung nhan quyen su dung dat']));
    expect(aliases('Cấp Giấy phép bán lẻ sản phẩm thuốc lá')).toContain('giay phep ban le thuoc la');
  });

  it('are none for a curated procedure: its aliases are written by hand', () => {
    expect(catalogueAliases({ name: 'Đăng ký khai sinh' }, lexicon)).toEqual([]);
  });
});

describe('the names of an imported procedure, cut down', () => {
  it('drop the numbers of a shorter name ("hạng 1 sao, 2 sao" matches any count in a story)', () => {
    expect(aliases('Công nhận hạng cơ sở lưu trú du lịch: hạng 1 sao, 2 sao đối với khách sạn')).toContain('cong nhan hang co so luu tru du lich hang sao sao');
  });

  it('are never the kind of paper alone ("cấp giấy phép hoạt động" would name every licence)', () => {
    const list = aliases('Cấp giấy phép hoạt động đối với cơ sở dịch vụ tiêm (chích), thay băng');
    expect(list).not.toContain('giay phep');
    expect(list).not.toContain('cap giay phep');
  });

  it.each([
    ['Giải quyết tố cáo tại cấp xã', 'to cao'],
    ['Thẩm định báo cáo đánh giá tác động môi trường', 'bao cao danh gia tac dong moi truong'],
    ['Xét tặng Giấy khen của Chủ tịch Ủy ban nhân dân cấp xã', 'giay khen cua chu tich uy ban nhan dan'],
  ])('give the object of a handling action alone ("%s")', (name, alias) => {
    expect(aliases(name)).toContain(alias);
  });
});

describe('the names of an imported procedure, telling words kept', () => {
  it.each([
    ['Cấp lại giấy phép hoạt động đối với cơ sở khám bệnh, chữa bệnh bị mất', 'xin lai giay phep'],
    ['Điều chỉnh giấy phép hoạt động đối với cơ sở khám bệnh, chữa bệnh', 'dieu chinh giay phep'],
  ])('are never an action and a kind of paper alone ("%s")', (name, alias) => {
    expect(aliases(name)).not.toContain(alias);
  });

  it.each([
    ['Cấp giấy phép hoạt động đối với phòng khám đa khoa', 'giay phep phong kham da khoa'],
    ['Cấp giấy chứng nhận đủ điều kiện kinh doanh hoạt động thể thao đối với môn Khiêu vũ thể thao', 'giay chung nhan kinh doanh the thao mon khieu vu the thao'],
    ['Cấp lại giấy phép hoạt động đối với cơ sở khám bệnh, chữa bệnh bị mất, bị hư hỏng', 'cap lai giay phep co so kham benh chua benh'],
  ])('put what an "đối với" scope is about in place of the scope ("%s")', (name, alias) => {
    expect(aliases(name)).toContain(alias);
  });

  it.each([
    ['Cấp lại giấy phép thành lập văn phòng đại diện của thương nhân nước ngoài tại Việt Nam', 'cap lai giay phep van phong dai dien'],
    ['Gia hạn giấy phép liên vận Việt - Lào và thời gian lưu hành tại Việt Nam cho phương tiện của Lào', 'gia han giay phep lien van viet lao'],
    ['Xác nhận bảng kê lâm sản', 'bang ke lam san'],
    ['Cấp phép tổ chức hoạt động dạy thêm, học thêm ngoài nhà trường', 'to chuc day them hoc them ngoai nha truong'],
  ])('leave out what citizens leave out: the owner, a second thing, "thành lập", the authority\'s act ("%s")', (name, alias) => {
    expect(aliases(name)).toContain(alias);
  });

  it('keep the owner that tells a household\'s notice from a company\'s', () => {
    expect(aliases('Tạm ngừng kinh doanh, tiếp tục kinh doanh trước thời hạn đã thông báo của hộ kinh doanh').every((a) => a.includes('ho kinh doanh') || a.includes('ca the'))).toBe(true);
  });
});
