import { negatedSiblings, readQualifiers, saidUnnegated } from '../../../src/nlu/catalogue/qualifiers.js';
import { foldText } from '../../../src/nlu/vi/fold.js';

// The qualifiers a citizen says in other words than a procedure's name (src/nlu/catalogue/qualifiers.ts).

const fold = (text: string): string[] => foldText(text.toLowerCase()).replace(/[,.?]/g, ' ').split(/\s+/).filter(Boolean);

describe('a foreign element said in other words', () => {
  it.each([
    ['a nationality, accented', 'tôi muốn đăng ký kết hôn với bạn trai người Pháp'],
    ['a country of two words, unaccented', 'lay chong dai loan thi dang ky ket hon o dau'],
    ['a citizenship', 'chồng tôi quốc tịch Canada, con mới sinh'],
    ['a short name after a partner', 'vợ người Nga muốn khai sinh cho con'],
    ['an overseas Vietnamese', 'toi la viet kieu ve nuoc cuoi vo'],
  ])('implies "yếu tố nước ngoài" (%s)', (_how, text) => {
    const read = readQualifiers(fold(text));
    expect(read.implied).toEqual(expect.arrayContaining(['nuoc', 'ngoai']));
    expect(read.impliedAt.length).toBeGreaterThan(0);
  });

  it.each([
    ['a worker, not Laos', 'người lao động nghỉ việc thì nhận trợ cấp'],
    ['a brother, not England', 'người anh của tôi muốn đăng ký kết hôn'],
    ['cosmetics, not America', 'mở cửa hàng mỹ phẩm cần giấy gì'],
    ['a Vietnamese couple', 'hai vợ chồng đều là người Việt'],
  ])('is not read from everyday words that look like a country (%s)', (_how, text) => {
    expect(readQualifiers(fold(text)).implied).toEqual([]);
  });

  it.each([
    ['accented', 'tôi không phải kết hôn với người nước ngoài, hai vợ chồng đều người Việt'],
    ['unaccented', 'dang ky ket hon khong co yeu to nuoc ngoai can gi'],
  ])('is blanked where the citizen rules it out (%s)', (_how, text) => {
    const read = readQualifiers(fold(text));
    expect(read.implied).toEqual([]);
    expect(read.folded).not.toContain('ngoai');
    expect(read.folded).toContain('ket');
  });
});

describe('imported names differing by a qualifier one rules out', () => {
  const names = [
    { id: 'a', folded: fold('Chứng thực chữ ký người dịch mà người dịch là cộng tác viên dịch thuật của Phòng Tư pháp') },
    { id: 'b', folded: fold('Chứng thực chữ ký người dịch mà người dịch không phải là cộng tác viên dịch thuật của Phòng Tư pháp') },
    { id: 'c', folded: fold('Chứng thực di chúc') },
  ];

  it('pairs the two and tells which one rules the qualifier out', () => {
    const pairs = negatedSiblings(names);
    expect(pairs.get('a')).toEqual({ sibling: 'b', qualifier: ['cong', 'tac'], subject: ['nguoi', 'dich'], negating: false });
    expect(pairs.get('b')).toEqual({ sibling: 'a', qualifier: ['cong', 'tac'], subject: ['nguoi', 'dich'], negating: true });
    expect(pairs.has('c')).toBe(false);
  });

  it.each([
    ['said, accented', 'tôi là cộng tác viên dịch thuật', true],
    ['said, unaccented', 'toi la cong tac vien cua phong tu phap', true],
    ['ruled out', 'tôi không phải cộng tác viên, tự dịch', false],
    ['not said', 'tôi tự dịch bằng đại học', false],
  ])('reads whether a question says the qualifier (%s)', (_how, text, said) => {
    expect(saidUnnegated(fold(text), ['cong', 'tac'])).toBe(said);
  });
});
