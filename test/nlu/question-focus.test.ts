import { afterName, questionComment, questionFocus, questionRun } from '../../src/nlu/question-focus.js';
import { cuesOf } from '../../src/nlu/cues.js';
import { normalizeQuestion } from '../../src/nlu/recognizer.js';
import { projectRecognizer } from '../helpers/recognizer.js';

// A long message is a story, then the question: the question's clause decides what is asked,
// the whole message which procedure.

const { recognizer, data } = projectRecognizer();

describe('clauses', () => {
  const clauses = (text: string): Array<[string, boolean]> => {
    const norm = normalizeQuestion(text, data.lexicon);
    return (norm.clauses ?? []).map((c) => [norm.words.slice(c.start, c.end).join(' '), c.asked]);
  };

  it.each([
    ['Bà tôi mất rồi. Việc đó làm ở đâu?', [['bà tôi mất rồi', false], ['việc đó làm ở đâu', true]]],
    ['ở TP.HCM, xe 59A-123.45 giá 1,5 triệu', [['ở tp hồ chí minh', false], ['xe 59a 123 45 giá một 5 triệu', false]]],
    ['làm cccd?? bao lâu', [['làm căn cước công dân', true], ['bao lâu', false]]],
  ])('cuts "%s" at sentence ends and commas, not inside names and numbers', (text, expected) => {
    expect(clauses(text)).toEqual(expected);
  });

  it('keeps a dossier code whole', () => {
    const norm = normalizeQuestion('hồ sơ G22.71-261105-0007. Xong chưa?', data.lexicon);
    expect(norm.clauses).toHaveLength(2);
  });
});

describe('the question of a message', () => {
  const focus = (text: string): string | null => {
    const norm = normalizeQuestion(text, data.lexicon);
    const clause = questionFocus(norm, cuesOf(data.lexicon));
    return clause ? norm.words.slice(clause.start, clause.end).join(' ') : null;
  };

  it.each([
    ['Tôi vừa nghỉ việc ở công ty. Nộp hồ sơ thất nghiệp ở đâu?', 'nộp hồ sơ thất nghiệp ở đâu'],
    ['Cho em hỏi đổi căn cước ở đâu ạ? Em năm nay 25 tuổi.', 'cho em hỏi đổi căn cước ở đâu ạ'],
    ['con toi 14 tuoi, lam can cuoc can gi', 'lam can cuoc can gi'],
    ['Nhà tôi ở Huế, mẹ tôi già rồi, đăng ký thường trú cho mẹ được không', 'đăng ký thường trú cho mẹ được không'],
  ])('in "%s" is "%s"', (text, question) => {
    expect(focus(text)).toBe(question);
  });

  it('is the whole message when it is one clause, or no clause asks', () => {
    expect(focus('làm căn cước cần gì')).toBeNull();
    expect(focus('Tôi muốn làm hộ chiếu. Cảm ơn.')).toBeNull();
  });

  const run = (text: string): string | null => {
    const norm = normalizeQuestion(text, data.lexicon);
    const cues = cuesOf(data.lexicon);
    const clause = questionFocus(norm, cues);
    const found = clause && questionRun(norm, cues, clause);
    return found ? norm.words.slice(found.start, found.end).join(' ') : null;
  };

  it.each([
    ['Tôi mới đi làm. Đăng ký mã số thuế qua mạng được không, trang nào?', 'đăng ký mã số thuế qua mạng được không trang nào'],
    ['Mẹ tôi mất rồi. Làm ở đâu, bao lâu?', 'làm ở đâu bao lâu'],
    ['Tôi mới đi làm, trang nào?', null],
    ['Tôi mới đi làm. Đăng ký mã số thuế qua mạng được không, ở trang web nào vậy?', null],
  ])('a short question in "%s" goes with the questions before it: %s', (text, expected) => {
    expect(run(text)).toBe(expected);
  });

  it.each([
    ['Tôi với mấy người bạn muốn mở công ty. Đăng ký doanh nghiệp qua mạng được không, trang nào?', 'procedure.online', 'dang-ky-thanh-lap-doanh-nghiep'],
    ['Ông bà tôi đều đã mất. Có cần xóa tên ông bà khỏi sổ hộ khẩu không, làm ở đâu?', 'procedure.location', 'xoa-dang-ky-thuong-tru'],
  ])('reads a short question with the ones before it only when it says too little alone: "%s"', (text, intent, procedure) => {
    expect(recognizer.parse(text)).toMatchObject({ intent, procedure });
  });

  it.each([
    ['Tôi mất ví hôm qua, trong ví có cả bằng lái xe máy. Giờ làm lại ở đâu?', 'procedure.location', 'cap-lai-giay-phep-lai-xe'],
    ['Vo chong minh moi cuoi thang truoc, gio muon dang ky ket hon thi can giay to gi', 'procedure.documents', 'dang-ky-ket-hon'],
    ['Bố tôi mất tuần trước ở nhà, ông hơn 80 tuổi. Làm giấy chứng tử cho ông mất bao lâu?', 'procedure.duration', 'dang-ky-khai-tu'],
    ['Con tôi sinh ở bệnh viện tỉnh, nhà ở huyện. Khai sinh cho cháu thì nộp ở đâu?', 'procedure.location', 'dang-ky-khai-sinh'],
    ['Cháu tôi sinh ra khi bố mẹ chưa cưới, giấy khai sinh chỉ có tên mẹ. Bố cháu định làm thủ tục nhận con. Làm ở đâu?', 'procedure.location', 'dang-ky-nhan-cha-me-con'],
    ['Tôi mua xe máy cũ, đã đóng trước bạ. Giờ muốn sang tên xe. Hết bao nhiêu tiền?', 'procedure.fee', 'sang-ten-xe'],
    ['Giấy khai sinh của con tôi ghi sai ngày sinh. Sửa lại giấy khai sinh cần những gì?', 'procedure.documents', 'thay-doi-cai-chinh-ho-tich'],
    ['Thẻ bảo hiểm y tế của tôi bị rách. Xin cấp lại thẻ cần những gì?', 'procedure.documents', 'cap-lai-the-bhyt'],
  ])('takes the intent from the question and the procedure from the whole of "%s"', (text, intent, procedure) => {
    expect(recognizer.parse(text)).toMatchObject({ intent, procedure });
  });

  const comment = (text: string): string | null => {
    const norm = normalizeQuestion(text, data.lexicon);
    const cues = cuesOf(data.lexicon);
    const clause = questionFocus(norm, cues) ?? { start: 0, end: norm.words.length, asked: false };
    const found = questionComment(norm, cues, clause);
    return found ? norm.words.slice(found.start, found.end).join(' ') : null;
  };

  it.each([
    ['Tôi nghỉ việc rồi. Giờ tôi muốn rút bảo hiểm xã hội một lần thì làm ở đâu?', 'làm ở đâu'],
    ['muon doi gplx thi lam o dau', 'lam o dau'],
    ['đăng ký kết hôn thì tôi làm rồi', null],
    ['làm căn cước ở đâu', null],
  ])('what "%s" asks after its topic is "%s"', (text, expected) => {
    expect(comment(text)).toBe(expected);
  });

  it.each([
    ['Tôi nghỉ việc hơn 1 năm rồi, đã lĩnh thất nghiệp đủ 3 tháng. Giờ tôi muốn rút luôn bảo hiểm xã hội một lần thì làm ở đâu?', 'procedure.location', 'huong-bhxh-mot-lan'],
    ['tôi không mua xe mới, xe cũ mua lại của người quen, giờ cần đăng ký đứng tên mình thì làm ở đâu', 'procedure.location', 'sang-ten-xe'],
    ['nha minh moi mua xe oto cu cua nguoi o tinh khac, ho da ky giay ban xe roi. gio minh muon dung ten xe thi lam o dau', 'procedure.location', 'sang-ten-xe'],
  ])('reads the narrower question after the topic when the story reads as info: "%s"', (text, intent, procedure) => {
    expect(recognizer.parse(text)).toMatchObject({ intent, procedure });
  });

  it.each([
    ['Tôi đã có thẻ căn cước gắn chip, mới chuyển hộ khẩu về Hà Nội và đăng ký thường trú xong. Giờ có phải đổi thẻ căn cước theo địa chỉ mới không, hết bao nhiêu tiền?', 'procedure.fee', 'cap-doi-the-can-cuoc'],
    ['toi da dang ky thuong tru xong o nha moi. gio co phai doi the can cuoc khong, het bao nhieu tien', 'procedure.fee', 'cap-doi-the-can-cuoc'],
  ])('takes the procedure from the questions before the last one, before the story: "%s"', (text, intent, procedure) => {
    expect(recognizer.parse(text)).toMatchObject({ intent, procedure });
  });

  const asked = (text: string): string | null => {
    const norm = normalizeQuestion(text, data.lexicon);
    const cues = cuesOf(data.lexicon);
    const clause = questionFocus(norm, cues) ?? { start: 0, end: norm.words.length, asked: false };
    const reading = recognizer.read(text);
    const found = afterName(norm, cues, clause, reading.search.span.filter((i) => !cues.question.covered(norm).has(i)));
    return found ? norm.words.slice(found.start, found.end).join(' ') : null;
  };

  it.each([
    ['giờ muốn hỏi khai sinh cho cháu ở đâu', 'cháu ở đâu'],
    ['gio muon hoi khai sinh cho chau o dau', 'chau o dau'],
    ['Thẻ căn cước bị cong vênh rồi, làm thẻ mới ở đâu', 'mới ở đâu'],
    ['cho hỏi thủ tục chứng thực chữ ký là như thế nào', null],
    ['đăng ký kết hôn có làm qua mạng được không', null],
  ])('what "%s" asks after the procedure\'s name is "%s"', (text, expected) => {
    expect(asked(text)).toBe(expected);
  });

  it.each([
    ['vợ tôi mới sinh, tôi đi công tác xa, giờ muốn hỏi khai sinh cho cháu ở đâu', 'procedure.location', 'dang-ky-khai-sinh'],
    ['vo toi moi sinh, toi di cong tac xa, gio muon hoi khai sinh cho chau o dau', 'procedure.location', 'dang-ky-khai-sinh'],
    ['vk mới sinh, tôi đi công tác xa, giờ muốn hỏi đk khai sinh cho cháu ở đâu', 'procedure.location', 'dang-ky-khai-sinh'],
    ['tài khoản định danh điện tử mức 2 là gì', 'procedure.info', 'kich-hoat-dinh-danh-dien-tu'],
  ])('reads the narrower question after the name over the aim before it: "%s"', (text, intent, procedure) => {
    expect(recognizer.parse(text)).toMatchObject({ intent, procedure });
  });
});
