import { projectRecognizer } from '../helpers/recognizer.js';

// The paper named outweighs an alias's situation words: "làm … lần đầu" is an alias of the
// first identity card, yet where the question names a land certificate elsewhere, the land
// certificate is meant; where the identity card itself is named, it stays.

const { recognizer } = projectRecognizer();

describe('the paper named outweighs situation words', () => {
  it.each([
    ['mảnh đất mua bằng giấy viết tay, giờ muốn làm giấy chứng nhận lần đầu hết bao nhiêu tiền', 'cap-so-do-lan-dau'],
    ['đất chưa có giấy tờ gì, làm giấy chứng nhận lần đầu cần những gì', 'cap-so-do-lan-dau'],
    ['dat chua co giay to gi, lam giay chung nhan lan dau can nhung gi', 'cap-so-do-lan-dau'],
    ['toi co lo dat chua lam giay to, gio di lam gcn lan dau thi lam the nao', 'cap-so-do-lan-dau'],
  ])('reads "%s" as the land certificate, not the first identity card', (text, procedure) => {
    expect(recognizer.parse(text).procedure).toBe(procedure);
  });

  it.each([
    ['làm căn cước lần đầu cần những gì', 'cap-the-can-cuoc'],
    ['lam can cuoc lan dau o dau', 'cap-the-can-cuoc'],
    ['con tôi 14 tuổi, làm cccd lần đầu hết bao nhiêu tiền', 'cap-the-can-cuoc'],
    ['làm sổ đỏ lần đầu cho đất thổ cư hết bao nhiêu tiền', 'cap-so-do-lan-dau'],
    ['mới mua ô tô, làm giấy đăng ký xe lần đầu mất bao lâu', 'dang-ky-xe'],
    ['lần đầu làm hộ chiếu cho con 5 tuổi cần gì', 'cap-ho-chieu-pho-thong'],
  ])('keeps "%s" on the paper it names', (text, procedure) => {
    expect(recognizer.parse(text).procedure).toBe(procedure);
  });
});
