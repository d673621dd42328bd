import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { rmSync } from 'node:fs';
import { loadKnowledge } from '../../../src/catalogue/load-knowledge.js';
import { loadConfig } from '../../../src/config.js';
import { TellingWords } from '../../../src/nlu/catalogue/telling-words.js';
import { withTrainingData } from '../../../src/nlu/load.js';
import type { Recognizer } from '../../../src/nlu/recognizer.js';
import { trainRecognizer } from '../../../src/nlu/train.js';
import { EMPTY_LEXICON } from '../../../src/nlu/vi/lexicon.js';
import { normalizeText, type NormalizedText } from '../../../src/nlu/vi/normalize.js';
import { weighWords } from '../../../src/nlu/word-weights.js';
import { tempDir } from '../../catalogue/catalogue-files.js';

// What an imported procedure's name says that the curated procedures' names, aliases and
// questions never do (src/nlu/catalogue/telling-words.ts), and the recognizer keeping a curated
// question from an imported procedure whose generic name shares its words
// (test/catalogue/dev6-catalogue.csv, with questions written apart from its held-back sets).

const norm = (text: string): NormalizedText => normalizeText(text, EMPTY_LEXICON);
const folded = (text: string): string[] => norm(text).folded;

describe('the telling words of an imported name', () => {
  const curated = [
    { names: ['Đăng ký khai sinh', 'làm giấy khai sinh cho con'], questions: ['cung cấp thông tin khai sinh ở đâu', 'khai sinh cần giấy tờ gì'] },
    { names: ['Gia hạn thẻ BHYT hộ gia đình'], questions: ['gia hạn thẻ bảo hiểm y tế ở đâu', 'cung cấp thông tin gia hạn thẻ'] },
    { names: ['Khai, nộp lệ phí trước bạ', 'đóng thuế trước bạ'], questions: ['nộp lệ phí trước bạ ở đâu', 'cung cấp thông tin trước bạ'] },
    { names: ['Cấp hộ chiếu phổ thông'], questions: ['làm hộ chiếu cung cấp thông tin gì', 'hộ chiếu hết hạn làm lại'] },
    { names: ['Cấp thẻ căn cước'], questions: ['làm căn cước cung cấp thông tin gì'] },
    { names: ['Đăng ký kết hôn'], questions: ['đăng ký kết hôn cung cấp thông tin gì'] },
  ];
  const imported = [
    { id: 'data', name: 'Cung cấp thông tin, dữ liệu đất đai', aliases: [] },
    { id: 'tax', name: 'Gia hạn nộp thuế', aliases: [] },
    { id: 'retake', name: 'Phúc khảo bài thi tuyển sinh vào lớp 10', aliases: [] },
    { id: 'move', name: 'Chuyển trường đối với học sinh từ lớp 6 đến lớp 9', aliases: [] },
    { id: 'enrol', name: 'Xét tuyển học sinh vào lớp 6', aliases: [] },
    { id: 'net', name: 'Cấp giấy chứng nhận đủ điều kiện hoạt động điểm cung cấp dịch vụ trò chơi điện tử công cộng', aliases: ['mở quán net'] },
  ];
  const phrases = [
    ...curated.map((c) => ({ phrases: c.names.map(norm), questions: c.questions.map(norm) })),
    ...imported.map((p) => ({ phrases: [p.name, ...p.aliases].map(norm) })),
  ];
  const telling = new TellingWords(
    curated.map((c) => ({ names: c.names.map(folded), questions: c.questions.map(folded) })),
    imported.map((p) => ({ id: p.id, name: norm(p.name), aliases: p.aliases.map(norm) })),
    weighWords(phrases),
  );

  it('are the words of its name no curated name, alias or common question word carries', () => {
    expect(telling.of('data').words.sort()).toEqual(['dai', 'dat', 'du', 'lieu']);
    expect(telling.of('data').words).not.toContain('cung');
  });

  it('are pairs of neighbouring words when the curated procedures carry each word of the name', () => {
    expect(telling.of('tax')).toEqual({ words: [], pairs: expect.arrayContaining(['nop thue']) });
  });

  it('leave out numbers and count the words of its other names', () => {
    expect(telling.of('retake').words).not.toContain('10');
    expect(telling.of('net').words).toContain('net');
  });

  it.each([
    ['accented', 'cung cấp thông tin khai sinh cho con ở đâu', 'data'],
    ['unaccented', 'cung cap thong tin khai sinh cho be', 'data'],
    ['a passport, accented', 'hộ chiếu hết hạn có gia hạn được không', 'tax'],
    ['a passport, unaccented', 'ho chieu het han gia han duoc khong', 'tax'],
    ['a number of the name only', 'con tôi lên lớp 10 cần làm căn cước', 'retake'],
  ])('are not said by a question that shares only its generic words (%s)', (_how, text, id) => {
    expect(telling.said(id, folded(text))).toBe(false);
  });

  it.each([
    ['accented', 'xin cung cấp dữ liệu đất đai ở đâu', 'data'],
    ['unaccented', 'cung cap du lieu dat dai o dau', 'data'],
    ['a pair, accented', 'gia hạn nộp thuế cần gì', 'tax'],
    ['a pair, unaccented', 'gia han nop thue can gi', 'tax'],
    ['its heaviest word', 'phuc khao bai thi lop 10 o dau', 'retake'],
    ['a word of another name', 'mo quan net can giay gi', 'net'],
  ])('are said by a question that says what tells the name apart (%s)', (_how, text, id) => {
    expect(telling.said(id, folded(text))).toBe(true);
  });

  it('weigh against a heavier word a curated match explains and the name does not', () => {
    const text = folded('cung cấp dữ liệu cho hộ chiếu');
    const passport = [text.indexOf('ho'), text.indexOf('chieu')];
    expect(telling.said('data', text)).toBe(true);
    expect(telling.said('data', text, new Set(), telling.unexplained('data', text, passport) + 10)).toBe(false);
    expect(telling.unexplained('data', text, [text.indexOf('du'), text.indexOf('lieu')])).toBe(0);
  });
});

const here = path.dirname(fileURLToPath(import.meta.url));
const CATALOGUE = path.join(here, '..', '..', 'catalogue', 'dev6-catalogue.csv');

describe('a catalogue with generic names loaded', () => {
  let dataDir: string;
  let recognizer: Recognizer;

  beforeAll(async () => {
    dataDir = tempDir('dvc-telling-words-');
    const config = loadConfig({ DATA_DIR: dataDir });
    recognizer = trainRecognizer(withTrainingData(await loadKnowledge({ ...config, CATALOGUE_FILE: CATALOGUE }), config.INTENTS_DIR));
  });
  afterAll(() => rmSync(dataDir, { recursive: true, force: true }));

  it.each([
    ['accented', 'cho tôi hỏi cung cấp thông tin làm giấy khai sinh cho con thì cần gì', 'dang-ky-khai-sinh'],
    ['unaccented', 'cung cap thong tin khai sinh cho be o dau', 'dang-ky-khai-sinh'],
    ['a passport, accented', 'hộ chiếu của tôi hết hạn rồi, gia hạn ở đâu', 'cap-ho-chieu-pho-thong'],
    ['a passport, unaccented', 'ho chieu het han gia han o dau', 'cap-ho-chieu-pho-thong'],
  ])('leaves a curated question to the curated procedure (%s)', (_how, text, procedure) => {
    expect(recognizer.parse(text).procedure).toBe(procedure);
  });

  it.each([
    ['accented', 'xin cung cấp dữ liệu đất đai của thửa đất nhà tôi ở đâu', '1.012830'],
    ['unaccented', 'cung cap du lieu dat dai o dau', '1.012830'],
    ['a pair of curated words', 'gia hạn nộp thuế cho cửa hàng cần gì', '1.009321'],
    ['a foreigner', 'gia han thi thuc cho nguoi nuoc ngoai can gi', '1.008367'],
  ])('names the imported procedure when the question says what tells it apart (%s)', (_how, text, procedure) => {
    expect(recognizer.parse(text).procedure).toBe(procedure);
  });
});
