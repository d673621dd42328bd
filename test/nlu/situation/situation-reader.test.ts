import { mkdtempSync, mkdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { loadConfig } from '../../../src/config.js';
import { DataFileError } from '../../../src/errors.js';
import { loadLexicon } from '../../../src/nlu/vi/lexicon.js';
import { normalizeText } from '../../../src/nlu/vi/normalize.js';
import { loadSituationReader, MASKED_WORD, SituationReader } from '../../../src/nlu/situation/situation-reader.js';
import { ageValue, cleanSituation, mergeSituation } from '../../../src/nlu/situation/situation.js';

const config = loadConfig({});
const lexicon = loadLexicon(path.join(config.INTENTS_DIR, 'lexicon', 'abbreviations.yaml'));
const reader = loadSituationReader(config.INTENTS_DIR, lexicon);
const TODAY = new Date('2026-12-07T08:00:00Z');
const read = (text: string, today = TODAY) => reader.read(normalizeText(text, lexicon), today);

describe('reading the age from a message', () => {
  it.each([
    ['làm căn cước cho cháu 12 tuổi hết bao nhiêu tiền', 12],
    ['lam can cuoc cho chau 12 tuoi', 12],
    ['bé mới 4 tuổi làm cccd được không', 4],
    ['be moi 4 tuoi', 4],
    ['bé nhà mình hai tuổi', 2],
    ['con 2 tuổi', 2],
    ['tôi đã 60 tuổi đổi căn cước', 60],
    ['toi da 60 tuoi', 60],
    ['con tôi học lớp 3', 8],
    ['con toi hoc lop 3', 8],
    ['bé 8 tháng', 0],
    ['con mới sinh', 0],
    ['tôi 35 tuổi, con 12 tuổi', 12],
    ['làm căn cước cho con mười hai tuổi', 12],
    ['con muoi hai tuoi', 12],
    ['bé mười lăm tuổi', 15],
    ['tôi vừa tròn hai mươi lăm tuổi', 25],
    ['toi hai muoi lam tuoi', 25],
    ['bà tôi tám mươi mốt tuổi', 81],
    ['ông nội chín mươi tuổi', 90],
    ['cháu mười tuổi', 10],
  ])('reads "%s" as %p years', (text, age) => {
    expect(read(text)?.age).toBe(age);
  });

  it.each([
    ['làm hộ chiếu cho trẻ dưới 14', { max: 13 }],
    ['ho chieu cho tre duoi 14 tuoi', { max: 13 }],
    ['cháu chưa đủ 6 tuổi', { max: 5 }],
    ['người từ đủ 14 tuổi trở lên', { min: 14 }],
    ['con trên 14 tuổi', { min: 15 }],
    ['mẹ tôi là người cao tuổi', { min: 60 }],
  ])('reads "%s" as bounds %p', (text, bounds) => {
    expect(read(text)?.age).toEqual(bounds);
  });

  it('counts a birth year from today', () => {
    expect(read('con tôi sinh năm 2010')?.age).toEqual({ min: 15, max: 16 });
    expect(read('con toi sinh nam 2010', new Date('2030-06-01T00:00:00Z'))?.age).toEqual({ min: 19, max: 20 });
  });

  it.each(['giá dưới 10 triệu', 'tạm trú 8 tháng', 'lệ phí 200.000 đồng', 'năm 2025 có tăng lương không', 'số 14 đường Lê Lợi', 'sau mười năm mới đổi'])('finds no age in "%s"', (text) => {
    expect(read(text)?.age).toBeUndefined();
  });
});

describe('reading the facts that select a case', () => {
  it.each([
    ['tôi bị mất căn cước', { reason: 'lost' }],
    ['toi bi mat can cuoc', { reason: 'lost' }],
    ['tui làm mất cccd rồi', { reason: 'lost' }],
    ['thẻ bị hỏng chip', { reason: 'damaged' }],
    ['không bị mất mà bị gãy', { reason: 'damaged' }],
    ['à không, tôi làm mất thẻ', { reason: 'lost' }],
    ['thẻ in sai ngày sinh', { reason: 'wrongInfo' }],
    ['gplx het han', { reason: 'expired' }],
    ['làm lần đầu', { time: 'first' }],
    ['lam lan dau', { time: 'first' }],
    ['đăng ký xe máy ở hà nội', { vehicle: 'motorbike', area: 'hanoi' }],
    ['dk xm o hn', { vehicle: 'motorbike', area: 'hanoi' }],
    ['xe máy điện', { vehicle: 'electricMotorbike' }],
    ['ô tô ở tphcm', { vehicle: 'car', area: 'hcm' }],
    ['oto o sai gon', { vehicle: 'car', area: 'hcm' }],
    ['nộp onl', { channel: 'online' }],
    ['khai sinh quá hạn', { timing: 'late' }],
    ['khai sinh qua han', { timing: 'late' }],
    ['đăng ký thường trú vào nhà thuê', { housing: 'rented' }],
    ['vợ tôi vừa sinh con', { person: 'father' }],
    ['vo toi moi sinh', { person: 'father' }],
    ['em vừa sinh xong', { person: 'mother' }],
    ['bố mẹ tặng tôi mảnh đất', { transfer: 'gift' }],
    ['khai nhận di sản là nhà đất', { transfer: 'inheritance' }],
    ['làm thêm một tầng', { work: 'repair' }],
    ['đập đi xây lại nhà', { work: 'newBuild' }],
    ['hai đứa ở khác huyện', { residence: 'other' }],
    ['chúng tôi cùng quận', { residence: 'same' }],
    ['bổ sung tên bố vào giấy khai sinh', { reason: 'missingInfo' }],
    ['giấy khai sinh viết sai tên đệm', { reason: 'wrongInfo' }],
    ['khai tử bị trễ', { timing: 'late' }],
    ['con đã 3 tháng tuổi chưa khai sinh', { timing: 'late' }],
    ['bo toi mat may thang roi', { timing: 'late' }],
    ['ông nội mất', { death: 'yes' }],
    ['bố có lương hưu', { deceased: 'retired' }],
    ['tôi là người nước ngoài sống ở Việt Nam', { origin: 'foreign' }],
    ['nguoi nuoc ngoai song o viet nam co bang lai', { origin: 'foreign' }],
    ['tôi là chủ nhà trọ', { host: 'business' }],
    ['mua đất thì lệ phí trước bạ tính thế nào', { transfer: 'sale', property: 'land' }],
    ['mua dat thi truoc ba bao nhieu', { transfer: 'sale', property: 'land' }],
    ['bé nhà em mới sinh', { timing: 'onTime' }],
    ['tôi chuyển nhà sang tỉnh khác', { residence: 'moved' }],
    ['toi chuyen nha sang tinh khac', { residence: 'moved' }],
    ['hai đứa ở tỉnh khác nhau, không chuyển nhà', { residence: 'other' }],
    ['bà ngoại em mất được 3 ngày', { death: 'yes', elapsed: 3 }],
    ['con tôi sinh được mười ngày', { elapsed: 10 }],
    ['be nha minh duoc 1 thang', { elapsed: 30 }],
    ['mẹ tôi mất cách đây hai tuần', { elapsed: 14 }],
    ['10 ngày trước bố tôi mất', { elapsed: 10 }],
    ['mẹ tôi qua đời đã 20 ngày', { elapsed: 20, death: 'yes' }],
    ['tôi đang chấp hành án treo, muốn đi khỏi địa phương', { absence: 'supervised' }],
    ['người nước ngoài đổi bằng lái nước ngoài sang bằng việt nam', { origin: 'foreign' }],
    ['cmnd het han roi doi sang can cuoc', { reason: 'oldCard' }],
    ['người thân ở quê lên chơi', { host: 'household' }],
  ])('reads "%s" as %p', (text, expected) => {
    expect(read(text)).toMatchObject(expected);
  });

  it.each(['làm căn cước mất bao lâu', 'lam cccd mat bao lau', 'mất bao nhiêu tiền', 'không bị mất', 'ông nội mất', 'phải nộp bổ sung hồ sơ'])('takes no reason from "%s"', (text) => {
    expect(read(text)?.reason).toBeUndefined();
  });

  it.each(['làm khai sinh mất bao lâu, 3 ngày được không', 'tạm trú tối đa 2 năm', 'lam khai sinh trong 60 ngay'])('takes no elapsed time from "%s" (a time without "được", "cách đây", "trước" or "rồi")', (text) => {
    expect(read(text)?.elapsed).toBeUndefined();
  });

  it.each(['bà ngoại em mất được 3 ngày', 'ba ngoai em mat duoc 3 ngay', 'bố tôi mất cách đây 1 tháng'])('takes no lost paper from a death said with its time ("%s")', (text) => {
    expect(read(text)?.reason).toBeUndefined();
  });

  it.each(['ở hà nội', 'o ha noi', 'cháu 12 tuổi', 'quá hạn rồi', 'xe ô tô'])('takes "%s" as a message that only states a situation', (text) => {
    expect(reader.statesOnly(normalizeText(text, lexicon), TODAY)).toBe(true);
  });

  it.each(['đăng ký xe ở hà nội lệ phí bao nhiêu', 'làm căn cước cho cháu 12 tuổi ở đâu', 'à không, tôi làm mất thẻ căn cước'])('takes "%s" as more than a situation', (text) => {
    expect(reader.statesOnly(normalizeText(text, lexicon), TODAY)).toBe(false);
  });

  it.each([
    ['làm căn cước cho con 10 tuổi', 'child'],
    ['lam cho be', 'child'],
    ['còn tôi làm hộ chiếu thì sao', 'adult'],
    ['toi lam ho chieu', 'adult'],
    ['mẹ tôi muốn đổi thẻ', 'adult'],
    ['lệ phí bao nhiêu', undefined],
  ])('tells whom "%s" is about: %p', (text, subject) => {
    expect(reader.subject(normalizeText(text, lexicon))).toBe(subject);
  });

  it.each([
    ['tôi thường trú ở Hà Nội, vợ sắp cưới thường trú ở Thanh Hóa', 'other'],
    ['toi o bac ninh con nguoi yeu o quang ninh', 'other'],
    ['mua xe của người ở Đà Lạt, tôi ở Sài Gòn', 'other'],
    ['chuyển nhà từ Hà Nội vào Sài Gòn', 'moved'],
  ])('reads two different places named in "%s" as residence %s, unless a cue says how they stand', (text, residence) => {
    expect(read(text)?.residence).toBe(residence);
  });

  it.each(['tôi ở Hà Nội, làm hộ chiếu ở Hà Nội', 'thừa thiên huế, ở huế'])('reads one place named twice in "%s" as no residence', (text) => {
    expect(read(text)?.residence).toBeUndefined();
  });

  it.each([
    ['tôi có bằng lái của Hàn Quốc', 'foreign'],
    ['bang lai cua han quoc', 'foreign'],
    ['bằng thạc sĩ bên Úc cấp', 'foreign'],
    ['chứng thực bản sao bằng tốt nghiệp', 'domestic'],
    ['bằng tốt nghiệp đại học ở Mỹ', 'foreign'],
  ])('reads where the paper of "%s" comes from as %s', (text, origin) => {
    expect(read(text)?.origin).toBe(origin);
  });

  it.each([
    ['thẻ căn cước in sai ngày sinh', 'idCard'],
    ['the can cuoc in sai ngay sinh', 'idCard'],
    ['giấy khai sinh sai ngày sinh nên căn cước cũng sai', 'civilRecord'],
  ])('reads which paper "%s" is about as %s (the birth register named wins)', (text, item) => {
    expect(read(text)?.item).toBe(item);
  });

  it.each(['đổi thẻ căn cước hết bao nhiêu tiền', 'lam can cuoc o dau'])('reads no situation in "%s": the paper named is a fact only beside another', (text) => {
    expect(read(text)).toBeUndefined();
  });

  it.each(['thay đổi, bổ sung thông tin hộ tịch mất bao lâu', 'cai chinh bo sung ho tich lam trong may ngay', 'thủ tục thay đổi cải chính hộ tịch'])('reads no reason in "%s": the procedure\'s own list of kinds', (text) => {
    expect(read(text)?.reason).toBeUndefined();
  });

  it.each([
    ['bố tôi cho tôi mảnh đất', { transfer: 'gift', property: 'land' }],
    ['lệ phí trước bạ khi mua nhà', { property: 'land' }],
    ['tôi thuê chung cư ở lâu dài', { housing: 'rented' }],
    ['tôi đóng bảo hiểm bắt buộc', { insurance: 'compulsory' }],
  ])('reads "%s" as %o', (text, expected) => {
    expect(read(text)).toMatchObject(expected);
  });

  it('tells a death from a lost card', () => {
    expect(read('bố tôi mất tuần trước')).toMatchObject({ death: 'yes', timing: 'onTime' });
    expect(read('bố tôi mất tuần trước')?.reason).toBeUndefined();
  });

  it('reads a mistyped accent as another word, not the cue ("mật khẩu" is no loss)', () => {
    expect(read('quên mật khẩu vneid')?.reason).toBeUndefined();
  });

  it('knows no slot the data does not define: a new slot is data, not code', () => {
    const custom = new SituationReader({
      version: 1, negations: ['không', 'không có'], fillers: [],
      age: { units: ['tuổi'], months: [], below: [], above: [], atLeast: [], upward: [], downward: [], persons: [], otherUnits: [], children: [], grade: [], birthYear: [], newborn: [], elderly: [], elderlyAge: 60, numbers: [], tens: { ten: [], tens: [], units: [] } },
      elapsed: { before: [], after: [], units: [] }, places: { value: 'other', names: [] },
      slots: { pet: { except: [], wins: [], namesPaper: false, values: { dog: ['con chó', 'cún'], cat: ['con mèo'] } } },
    }, lexicon);
    expect(custom.read(normalizeText('nhà tôi có con chó 3 tuổi', lexicon))).toEqual({ age: 3, pet: 'dog' });
    expect(custom.read(normalizeText('không có con mèo', lexicon))).toBeUndefined();
    expect([...custom.slots.keys()]).toEqual(['pet']);
  });
});

describe('ages and procedure names', () => {
  it('masks the words that state an age with a number, keeping every position', () => {
    const norm = normalizeText('làm căn cước cho bé dưới 6 tuổi', lexicon);
    const masked = reader.withoutAges(norm, TODAY);
    expect(masked.folded).toEqual(['lam', 'can', 'cuoc', 'cho', 'be', MASKED_WORD, MASKED_WORD, MASKED_WORD]);
    expect(reader.withoutAges(normalizeText('làm căn cước', lexicon), TODAY).folded).toEqual(['lam', 'can', 'cuoc']);
  });
});

describe('the situation kept in a conversation', () => {
  it('takes what a later message says over what an earlier one said, slot by slot', () => {
    expect(mergeSituation({ age: 12, reason: 'lost' }, { reason: 'damaged' })).toEqual({ age: 12, reason: 'damaged' });
  });

  it('drops what is not a situation from stored state', () => {
    expect(cleanSituation({ age: { min: 3 }, reason: 'lost', other: 5, x: {} })).toEqual({ age: { min: 3 }, reason: 'lost' });
    expect(cleanSituation('nonsense')).toEqual({});
  });

  it('keeps exact ages as numbers and open bounds without their open end', () => {
    expect(ageValue(12, 12)).toBe(12);
    expect(ageValue(0, 13)).toEqual({ max: 13 });
    expect(ageValue(14, 150)).toEqual({ min: 14 });
  });
});

describe('the cue file', () => {
  let dir: string;
  beforeEach(() => { dir = mkdtempSync(path.join(tmpdir(), 'dvc-situation-')); mkdirSync(path.join(dir, 'situation')); });
  afterEach(() => rmSync(dir, { recursive: true, force: true }));

  it('names the file and the field that is wrong', () => {
    const file = path.join(dir, 'situation', 'vi.yaml');
    writeFileSync(file, 'version: 1\nage: { units: [tuổi] }\nslots:\n  Reason: { values: { lost: [mất] } }\n');
    expect(() => loadSituationReader(dir, lexicon)).toThrow(DataFileError);
    expect(() => loadSituationReader(dir, lexicon)).toThrow(/vi\.yaml.*slots\.Reason/);
  });
});
