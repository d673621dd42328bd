import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { rmSync } from 'node:fs';
import { loadKnowledge } from '../../../src/catalogue/load-knowledge.js';
import { loadConfig } from '../../../src/config.js';
import { withTrainingData } from '../../../src/nlu/load.js';
import type { Recognizer } from '../../../src/nlu/recognizer.js';
import { trainRecognizer } from '../../../src/nlu/train.js';
import { tempDir } from '../../catalogue/catalogue-files.js';

// Imported procedures against the curated ones they are near-twins of (test/catalogue/dev4-catalogue.csv):
// a qualifier said in other words, an action said in a citizen's words, a register lost, and
// two imported names that differ by a qualifier one of them rules out.

const here = path.dirname(fileURLToPath(import.meta.url));
const CATALOGUE = path.join(here, '..', '..', 'catalogue', 'dev4-catalogue.csv');

let dataDir: string;
let recognizer: Recognizer;

beforeAll(async () => {
  dataDir = tempDir('dvc-imported-twins-');
  const config = loadConfig({ DATA_DIR: dataDir });
  recognizer = trainRecognizer(withTrainingData(await loadKnowledge({ ...config, CATALOGUE_FILE: CATALOGUE }), config.INTENTS_DIR));
});
afterAll(() => rmSync(dataDir, { recursive: true, force: true }));

describe('a foreign element said by a country', () => {
  it.each([
    ['a nationality, accented', 'em muốn đăng ký kết hôn với anh người Pháp thì chuẩn bị gì', '1.000893'],
    ['a country, unaccented', 'dang ky ket hon voi chong han quoc can giay to gi', '1.000893'],
    ['a parent\'s citizenship', 'con sinh ra có mẹ quốc tịch Nhật Bản thì khai sinh cần gì', '1.001695'],
  ])('names the foreign-element twin (%s)', (_how, text, procedure) => {
    expect(recognizer.parse(text).procedure).toBe(procedure);
  });

  it.each([
    ['ruled out, accented', 'đăng ký kết hôn, hai đứa không phải người nước ngoài, cần gì', 'dang-ky-ket-hon'],
    ['not said, unaccented', 'dang ky ket hon can giay to gi', 'dang-ky-ket-hon'],
    ['not said, a birth', 'khai sinh cho con can giay to gi', 'dang-ky-khai-sinh'],
    ['a signature with no translator', 'chứng thực chữ ký giấy ủy quyền cần gì', 'chung-thuc-chu-ky'],
  ])('leaves the question to the curated procedure otherwise (%s)', (_how, text, procedure) => {
    expect(recognizer.parse(text).procedure).toBe(procedure);
  });
});

describe('an action said in a citizen\'s words', () => {
  it.each([
    ['a renewal', 'giấy phép xây nhà chưa kịp khởi công mà sắp hết hạn, xin gia hạn cần gì', '1.009997'],
    ['an adjustment', 'thay đổi thiết kế so với giấy phép xây dựng đã được cấp thì làm gì', '1.009996'],
    ['a lost register, accented', 'giấy khai sinh gốc bị cháy, sổ hộ tịch ở xã cũng không còn, phải làm sao', '1.004884'],
  ])('names the imported sibling that does it (%s)', (_how, text, procedure) => {
    expect(recognizer.parse(text).procedure).toBe(procedure);
  });

  it.each([
    ['a plain permit, unaccented', 'xin giay phep xay dung nha o can gi', 'cap-giay-phep-xay-dung'],
    ['a copy, the register kept', 'xin bản sao giấy khai sinh ở đâu', 'cap-ban-sao-trich-luc-ho-tich'],
  ])('leaves a question saying none to the curated procedure (%s)', (_how, text, procedure) => {
    expect(recognizer.parse(text).procedure).toBe(procedure);
  });
});

describe('two imported names differing by a qualifier one rules out', () => {
  it.each([
    ['said', 'tôi là cộng tác viên dịch thuật của phòng tư pháp, chứng thực chữ ký người dịch cần gì', '2.000843'],
    ['ruled out, unaccented', 'nguoi dich khong phai la cong tac vien dich thuat, chung thuc chu ky can gi', '2.000913'],
    ['ruled out, accented', 'tôi không phải cộng tác viên, muốn chứng thực chữ ký người dịch thì cần gì', '2.000913'],
    ['not said', 'chứng thực chữ ký người dịch cho bản dịch tôi tự làm thì cần gì', '2.000913'],
  ])('names the one the question fits (%s)', (_how, text, procedure) => {
    expect(recognizer.parse(text).procedure).toBe(procedure);
  });
});
