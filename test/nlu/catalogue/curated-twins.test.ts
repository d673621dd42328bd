import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { rmSync } from 'node:fs';
import { loadKnowledge } from '../../../src/catalogue/load-knowledge.js';
import { loadConfig } from '../../../src/config.js';
import { withTrainingData } from '../../../src/nlu/load.js';
import type { Recognizer } from '../../../src/nlu/recognizer.js';
import { trainRecognizer } from '../../../src/nlu/train.js';
import { tempDir } from '../../catalogue/catalogue-files.js';

// Imported near-twins of the curated procedures (test/catalogue/dev2-catalogue.csv): the twin
// is named only when the question says a word that tells it apart; otherwise the curated
// procedure keeps the question.

const here = path.dirname(fileURLToPath(import.meta.url));
const CATALOGUE = path.join(here, '..', '..', 'catalogue', 'dev2-catalogue.csv');

let dataDir: string;
let recognizer: Recognizer;

beforeAll(async () => {
  dataDir = tempDir('dvc-curated-twins-');
  const config = loadConfig({ DATA_DIR: dataDir });
  recognizer = trainRecognizer(withTrainingData(await loadKnowledge({ ...config, CATALOGUE_FILE: CATALOGUE }), config.INTENTS_DIR));
});
afterAll(() => rmSync(dataDir, { recursive: true, force: true }));

describe('an imported near-twin of a curated procedure', () => {
  it.each([
    ['accented', 'đăng ký khai sinh lưu động cần giấy tờ gì', '1.001702'],
    ['unaccented', 'dang ky khai sinh luu dong can giay to gi', '1.001702'],
    ['its action said', 'muốn chấm dứt giám hộ cho cháu thì làm sao', '1.004845'],
    ['its action unaccented', 'tam dung huong tro cap that nghiep can giay to gi', '1.001978'],
    ['a scope word said', 'chứng thực bản sao giấy tờ do nước ngoài cấp có được không', '2.000908'],
  ])('is named when the question says what tells it apart (%s)', (_how, text, procedure) => {
    expect(recognizer.parse(text).procedure).toBe(procedure);
  });

  it.each([
    ['accented', 'đăng ký khai sinh cho con cần giấy tờ gì', 'dang-ky-khai-sinh'],
    ['unaccented', 'dang ky giam ho cho chau can gi', 'dang-ky-giam-ho'],
    ['abbreviated', 'dk khai tu cho ong can gi', 'dang-ky-khai-tu'],
    ['unaccented, near a twin\'s action', 'huong tro cap that nghiep can giay to gi', 'tro-cap-that-nghiep'],
    ['with a rule-out that leaves the catalogue naming nothing', 'tôi muốn lĩnh trợ cấp thất nghiệp chứ không phải rút bhxh một lần, cần mang gì', 'tro-cap-that-nghiep'],
  ])('leaves the question to the curated procedure when it says none (%s)', (_how, text, procedure) => {
    expect(recognizer.parse(text).procedure).toBe(procedure);
  });

  it.each([
    ['accented', 'ông bà ở quê ngoại muốn tôi làm thủ tục nhận cha cho con, cần giấy tờ gì', 'dang-ky-nhan-cha-me-con'],
    ['unaccented', 'truong yeu cau giay to nhan cha con, lam thu tuc nhan cha me con o dau', 'dang-ky-nhan-cha-me-con'],
    ['abbreviated', 'dk nhan cha con o que ngoai can gi', 'dang-ky-nhan-cha-me-con'],
  ])('is not named by one word of a compound in its name said in another sense (%s)', (_how, text, procedure) => {
    expect(recognizer.parse(text).procedure).toBe(procedure);
  });

  it.each([
    ['accented', 'đăng ký nhận cha mẹ con có yếu tố nước ngoài cần gì', '1.000689'],
    ['unaccented', 'dang ky nhan cha me con co yeu to nuoc ngoai can gi', '1.000689'],
  ])('is named by the compound said whole (%s)', (_how, text, procedure) => {
    expect(recognizer.parse(text).procedure).toBe(procedure);
  });

  it('is not named by words the citizen rules out', () => {
    // "xóa" would tell "Xóa đăng ký tạm trú" apart, but the citizen rules it out.
    expect(recognizer.parse('đăng ký thường trú chứ không phải xóa thường trú, mất bao lâu').procedure).not.toBe('1.010039');
  });
});

describe('the action a question says about an imported family', () => {
  it.each([
    ['accented', 'đã bị tạm dừng trợ cấp thất nghiệp, giờ muốn hưởng tiếp thì làm sao', '1.001973'],
    ['unaccented', 'da bi tam dung tro cap that nghiep, gio muon huong tiep thi lam sao', '1.001973'],
    ['an ending told as a story', 'công ty không kinh doanh tour nữa, muốn trả lại giấy phép lữ hành thì làm sao', '1.004572'],
    ['an exchange in the everyday word', 'doi bien so xe bi gay het bao nhieu tien', '1.000138'],
    ['a curated procedure\'s alias said with the official action of an imported one', 'gia hạn tạm trú cần gì', '1.010038'],
  ])('names the procedure that does it (%s)', (_how, text, procedure) => {
    expect(recognizer.parse(text).procedure).toBe(procedure);
  });
});

describe('a curated procedure beside an imported catalogue', () => {
  it.each([
    ['accented', 'Nhà tôi có mấy phòng cho khách du lịch ở qua đêm, nghe nói phải báo lưu trú với công an, cụ thể là sao?'],
    ['unaccented', 'nha toi co may phong cho khach du lich o qua dem, nghe noi phai bao luu tru voi cong an, cu the la sao?'],
  ])('keeps a question its own rare words name, whatever stray word an imported name shares (%s)', (_how, text) => {
    expect(recognizer.parse(text).procedure).toBe('thong-bao-luu-tru');
  });

  it.each([['căn cứ pháp lý là gì?'], ['cho toi xin can cu phap ly']])('lets no imported cell answer a bare legal-basis question ("%s")', (text) => {
    expect(recognizer.parse(text).procedure).toBeNull();
  });
});
