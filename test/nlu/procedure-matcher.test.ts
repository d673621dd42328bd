import { projectRecognizer } from '../helpers/recognizer.js';

const { recognizer } = projectRecognizer();
const procedureOf = (text: string): string | null => recognizer.parse(text).procedure;

describe('the procedure matcher tells confusable procedures apart', () => {
  it.each([
    ['làm căn cước lần đầu cho con cần gì', 'cap-the-can-cuoc'],
    ['lam cccd cho be 10 tuoi o dau', 'cap-the-can-cuoc'],
    ['đổi căn cước hết hạn cần giấy tờ gì', 'cap-doi-the-can-cuoc'],
    ['doi cccd khi du 25 tuoi het bao nhieu tien', 'cap-doi-the-can-cuoc'],
    ['làm lại căn cước bị mất ở đâu', 'cap-lai-the-can-cuoc'],
    ['mat cccd thi lam lai mat bao lau', 'cap-lai-the-can-cuoc'],
    ['đổi bằng lái hết hạn ở đâu', 'doi-giay-phep-lai-xe'],
    ['mất bằng lái xe thì làm lại ở đâu', 'cap-lai-giay-phep-lai-xe'],
    ['đăng ký xe máy mới mua cần giấy tờ gì', 'dang-ky-xe'],
    ['sang tên xe máy cũ mua lại cần gì', 'sang-ten-xe'],
    ['đăng ký thường trú cần giấy tờ gì', 'dang-ky-thuong-tru'],
    ['dk tam tru nop o dau', 'dang-ky-tam-tru'],
    ['xóa đăng ký thường trú cần gì', 'xoa-dang-ky-thuong-tru'],
    ['cắt khẩu ở đâu', 'xoa-dang-ky-thuong-tru'],
    ['làm giấy khai sinh cho bé cần gì', 'dang-ky-khai-sinh'],
    ['xin trích lục khai sinh ở đâu', 'cap-ban-sao-trich-luc-ho-tich'],
  ])('"%s" → %s', (text, expected) => {
    expect(procedureOf(text)).toBe(expected);
  });

  it('reads "mất bao lâu" as time, so a first card is not a lost card', () => {
    expect(recognizer.parse('lam cccd mat bao lau')).toMatchObject({ intent: 'procedure.duration', procedure: 'cap-the-can-cuoc' });
  });

  it('names no procedure for a question outside public services', () => {
    expect(recognizer.parse('giá vàng hôm nay bao nhiêu')).toMatchObject({ intent: 'none', procedure: null });
  });
});

describe('the recognizer', () => {
  it.each([
    ['lam cccd can gi', 'procedure.documents'],
    ['doi bang lai het bao nhieu tien', 'procedure.fee'],
    ['dk tam tru nop o dau ạ', 'procedure.location'],
    ['khai sinh bao lâu thì có', 'procedure.duration'],
    ['hướng dẫn tôi làm thủ tục khai tử', 'procedure.steps'],
    ['có đăng ký kết hôn online được không', 'procedure.online'],
    ['có những thủ tục nào về đất đai', 'procedure.list'],
    ['cho tôi gặp cán bộ', 'handoff'],
    ['chào bạn', 'greeting'],
    ['cảm ơn nhiều', 'thanks'],
    ['tạm biệt', 'goodbye'],
  ])('"%s" → %s', (text, intent) => {
    expect(recognizer.parse(text).intent).toBe(intent);
  });

  it('extracts a dossier code and calls it a status question', () => {
    expect(recognizer.parse('tra cứu hồ sơ 000.00.16.h17 - 261105-0007')).toMatchObject({
      intent: 'dossier.status',
      procedure: null,
      entities: { dossierCode: '000.00.16.H17-261105-0007' },
    });
  });

  it('names the field of a list question', () => {
    expect(recognizer.parse('nhung thu tuc ve bao tro xa hoi').entities.field).toBe('bảo trợ xã hội');
  });

  it('answers the same for accented, unaccented and decomposed input', () => {
    const accented = recognizer.parse('Đăng ký kết hôn cần giấy tờ gì');
    for (const text of ['dang ky ket hon can giay to gi', 'Đăng ký kết hôn cần giấy tờ gì'.normalize('NFD')]) {
      const other = recognizer.parse(text);
      expect([other.intent, other.procedure]).toEqual([accented.intent, accented.procedure]);
    }
  });

  it('gives calibrated confidences between 0 and 1 that sum to at most 1 over alternatives', () => {
    const { intents } = recognizer.parse('lệ phí làm hộ chiếu');
    const sum = intents.reduce((a, s) => a + s.confidence, 0);
    expect(sum).toBeLessThanOrEqual(1.001);
    for (const s of intents) expect(s.confidence).toBeGreaterThanOrEqual(0);
  });
});

describe('what a question asks about a procedure', () => {
  it('reads "thủ tục" as a word of any procedure, not of the one alias that uses it', () => {
    expect(recognizer.parse('hướng dẫn tôi làm thủ tục khai tử')).toMatchObject({ intent: 'procedure.steps', procedure: 'dang-ky-khai-tu' });
    expect(recognizer.parse('thủ tục khai sinh')).toMatchObject({ intent: 'procedure.info', procedure: 'dang-ky-khai-sinh' });
  });

  it.each([
    ['đổi bằng lái', 'doi-giay-phep-lai-xe'],
    ['sổ đỏ', 'cap-so-do-lan-dau'],
    ['làm hộ chiếu', 'cap-ho-chieu-pho-thong'],
    ['thủ tục đăng ký kết hôn', 'dang-ky-ket-hon'],
    ['lam passport', 'cap-ho-chieu-pho-thong'],
  ])('takes the bare name "%s" as a question about the whole procedure', (text, procedure) => {
    expect(recognizer.parse(text)).toMatchObject({ intent: 'procedure.info', procedure });
  });

  it('asks back when "đăng ký cư trú" can be thường trú or tạm trú', () => {
    const { ambiguous } = recognizer.parse('đăng ký cư trú cần giấy tờ gì');
    expect(ambiguous).toEqual(expect.arrayContaining(['dang-ky-thuong-tru', 'dang-ky-tam-tru']));
  });

  it('does not name a procedure from words typed with other diacritics ("giảm cân" is not "giám hộ")', () => {
    expect(recognizer.parse('làm sao để giảm cân nhanh')).toMatchObject({ intent: 'none', procedure: null });
  });

  it.each(['chào', 'hello', 'hi'])('greets back a bare "%s"', (text) => {
    expect(recognizer.parse(text).intent).toBe('greeting');
  });

  it('does not take a short reply that names no procedure for a question about one', () => {
    expect(recognizer.parse('có rồi').intent).toBe('none');
  });
});
