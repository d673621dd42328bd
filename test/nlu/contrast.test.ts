import { ruleOutScopes } from '../../src/nlu/contrast.js';
import { cuesOf } from '../../src/nlu/cues.js';
import { normalizeQuestion } from '../../src/nlu/recognizer.js';
import { projectRecognizer } from '../helpers/recognizer.js';

// What the citizen rules out ("chứ không phải", "không muốn", "chứ chưa" — cue words in
// intents/cues/vi.yaml) is not what the assistant answers about, in both directions of every
// family of confusable procedures, typed with diacritics, without them and abbreviated.

const { recognizer, data } = projectRecognizer();
const procedureOf = (text: string): string | null => recognizer.parse(text).procedure;

describe('ruling out a procedure', () => {
  it.each([
    // căn cước: lần đầu / cấp đổi / cấp lại
    ['căn cước bị mất chứ không phải hết hạn thì làm ở đâu', 'cap-lai-the-can-cuoc'],
    ['can cuoc het han chu khong phai bi mat thi lam o dau', 'cap-doi-the-can-cuoc'],
    ['không phải làm lần đầu, tôi cần đổi căn cước vì sai ngày sinh', 'cap-doi-the-can-cuoc'],
    ['cháu tôi chưa từng có căn cước, không phải đổi hay làm lại, cần giấy gì', 'cap-the-can-cuoc'],
    // khai sinh / trích lục
    ['tôi muốn xin trích lục khai sinh chứ không phải đăng ký khai sinh mới', 'cap-ban-sao-trich-luc-ho-tich'],
    ['không phải xin bản sao, bé mới sinh cần đăng ký khai sinh ở đâu', 'dang-ky-khai-sinh'],
    // thường trú / tạm trú / xóa
    ['dk tam tru chu khong phai thuong tru mat bao lau', 'dang-ky-tam-tru'],
    ['tôi hỏi đăng ký thường trú, không phải tạm trú, cần gì', 'dang-ky-thuong-tru'],
    ['xóa thường trú cho bố đã mất chứ không phải đăng ký mới', 'xoa-dang-ky-thuong-tru'],
    ['không phải xóa hộ khẩu mà là nhập hộ khẩu cho vợ', 'dang-ky-thuong-tru'],
    // what replaces the ruled-out words names two twins alike: the match decides between them
    ['ko phai dang ky tam tru ma la thuong tru, can giay to gi', 'dang-ky-thuong-tru'],
    ['không phải đăng ký tạm trú mà là thường trú, nộp ở đâu', 'dang-ky-thuong-tru'],
    // BHXH một lần / thất nghiệp
    ['muốn lãnh trợ cấp thất nghiệp chứ không phải rút bhxh 1 lần', 'tro-cap-that-nghiep'],
    ['rut bao hiem xa hoi mot lan chu khong phai lanh that nghiep', 'huong-bhxh-mot-lan'],
    // chứng thực bản sao / chữ ký
    ['chứng thực chữ ký chứ không phải sao y bản chính, lệ phí bao nhiêu', 'chung-thuc-chu-ky'],
    ['sao y bằng tốt nghiệp, không phải chứng thực chữ ký, làm ở đâu', 'chung-thuc-ban-sao'],
    // bằng lái: đổi / cấp lại
    ['gplx bị mất chứ không phải hết hạn, làm lại ở đâu', 'cap-lai-giay-phep-lai-xe'],
    ['bằng lái hết hạn chứ chưa mất, đổi cần gì', 'doi-giay-phep-lai-xe'],
    // đăng ký xe / sang tên
    ['tôi mua xe cũ chứ không phải xe mới, đăng ký đứng tên mình ở đâu', 'sang-ten-xe'],
    ['không muốn sang tên, xe mới mua ở đại lý thì đăng ký biển số ở đâu', 'dang-ky-xe'],
    // hộ chiếu / căn cước
    ['làm hộ chiếu chứ không phải căn cước thì nộp ở đâu', 'cap-ho-chieu-pho-thong'],
    // bảo hiểm y tế: cấp lại / gia hạn
    ['thẻ bhyt bị rách chứ không phải hết hạn, cấp lại ở đâu', 'cap-lai-the-bhyt'],
    ['không phải làm lại thẻ, tôi muốn gia hạn bảo hiểm y tế cho cả nhà', 'gia-han-the-bhyt'],
    // kết hôn / xác nhận độc thân
    ['tôi chưa muốn đăng ký kết hôn, chỉ xin xác nhận tình trạng hôn nhân', 'xac-nhan-tinh-trang-hon-nhan'],
    // đất: lần đầu / sang tên
    ['đất chưa có sổ chứ không phải sang tên, làm sổ đỏ lần đầu ở đâu', 'cap-so-do-lan-dau'],
    ['sang tên sổ đỏ chứ không phải làm sổ lần đầu, cần gì', 'dang-ky-bien-dong-dat-dai'],
    // hộ kinh doanh / doanh nghiệp
    ['không muốn thành lập công ty, chỉ đăng ký hộ kinh doanh thôi', 'dang-ky-ho-kinh-doanh'],
  ])('"%s" → %s', (text, expected) => {
    expect(procedureOf(text)).toBe(expected);
  });

  // A known regression (December 2026): the duration cue words ("hết mấy ngày") weaken "hết"
  // as the expired card's word, so this card expired, not lost, goes to the first card. It
  // passed before; jest reports this test as failing again the day it is fixed, to move it back.
  it.failing('"cccd hết hạn chứ ko phải mất, làm lại hết bao nhiêu" → cap-doi-the-can-cuoc', () => {
    expect(procedureOf('cccd hết hạn chứ ko phải mất, làm lại hết bao nhiêu')).toBe('cap-doi-the-can-cuoc');
  });

  it.each([
    ['dang ky thuong tru chu khong phai xoa thuong tru thi lam o dau', 'dang-ky-thuong-tru'],
    ['dk thường trú cho con chứ ko phải xóa thường trú, cần gì', 'dang-ky-thuong-tru'],
    ['tôi cần đăng ký thường trú, không phải xóa đăng ký thường trú', 'dang-ky-thuong-tru'],
  ])('rules out, of twins named alike outside, the one the scope names by its own word: "%s" → %s', (text, expected) => {
    expect(procedureOf(text)).toBe(expected);
  });

  it.each([
    ['thẻ căn cước không hết hạn mà bị mất thì làm lại ở đâu', 'cap-lai-the-can-cuoc'],
    ['the can cuoc khong het han ma bi mat thi lam lai o dau', 'cap-lai-the-can-cuoc'],
    ['xe không mua mới mà mua lại của người quen, làm giấy tờ ở đâu', 'sang-ten-xe'],
    ['gplx ko mất mà hết hạn, đổi ở đâu', 'doi-giay-phep-lai-xe'],
  ])('reads "không X mà Y" as ruling X out: "%s" → %s', (text, expected) => {
    expect(procedureOf(text)).toBe(expected);
  });

  it.each([
    ['không có tiền mà muốn làm hộ chiếu thì sao', 'cap-ho-chieu-pho-thong'],
    ['không phải thường trú mà là tạm trú, phí bao nhiêu', 'dang-ky-tam-tru'],
  ])('opens no scope at the closing "mà": "%s" → %s', (text, expected) => {
    expect(procedureOf(text)).toBe(expected);
  });

  it('keeps the procedure when nothing else is named, so a negated wish still finds it', () => {
    expect(procedureOf('tôi không muốn lên phường làm căn cước, làm online được không')).toBe('cap-the-can-cuoc');
  });

  it.each([
    ['chứ không phải hết hạn', ['hết', 'hạn']],
    ['không phải đổi hay làm lại, cần gì', ['đổi']],
    ['ko phai xoa ho khau ma la nhap ho khau', ['xoa', 'ho', 'khau']],
    ['chứ chưa muốn xin giấy độc thân', ['xin', 'giấy', 'độc', 'thân']],
  ])('reads the scope of "%s" up to a stop word, a question word or the clause end', (text, first) => {
    const norm = normalizeQuestion(text, data.lexicon);
    const [scope] = ruleOutScopes(norm, cuesOf(data.lexicon));
    expect(scope?.scope.map((i) => norm.words[i])).toEqual(first);
  });

  it('reads "không phải" in a yes/no question as no rule-out of the procedure asked about', () => {
    expect(procedureOf('đăng ký khai sinh có phải đóng phí không')).toBe('dang-ky-khai-sinh');
  });
});
