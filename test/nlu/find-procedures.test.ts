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

// A question word is no word of a name: "ở đâu" is not "lần đầu" with a dropped tone, whether
// typed with its marks or as the end of a question of several words ("o dau"); "lan dau" stays.
describe('a question word names no procedure', () => {
  it.each([
    ['đổi căn cước làm ở đâu vậy', 'cap-doi-the-can-cuoc'],
    ['doi can cuoc lam o dau vay', 'cap-doi-the-can-cuoc'],
    ['căn cước đánh rơi đâu rồi làm cái khác ở đâu', 'cap-lai-the-can-cuoc'],
  ])('reads "%s" as %s, not the first card', (text, procedure) => {
    expect(recognizer.parse(text).procedure).toBe(procedure);
  });

  it.each([
    ['lam cccd lan dau o dau', 'cap-the-can-cuoc'],
    ['cấp sổ đỏ lần đầu ở đâu', 'cap-so-do-lan-dau'],
    ['ho chieu lan dau lam o dau', 'cap-ho-chieu-pho-thong'],
  ])('keeps "lần đầu" in "%s"', (text, procedure) => {
    expect(recognizer.parse(text).procedure).toBe(procedure);
  });
});

// Short forms of the residence and identity papers (intents/lexicon/abbreviations.yaml): "ttr"
// is tạm trú, "tt" beside a residence word thường trú; the chip is every identity card's, not the
// chip passport's; "bố nhận con" is the names' "cha nhận con".
describe('short and everyday words of near-twin procedures', () => {
  it.each([
    ['đk ttr ở đâu', 'dang-ky-tam-tru'],
    ['làm ttr online được không', 'dang-ky-tam-tru'],
    ['xoa tt cho ong da mat o dau', 'xoa-dang-ky-thuong-tru'],
    ['xóa đk tt cho bố đã mất cần gì', 'xoa-dang-ky-thuong-tru'],
    ['bố nhận con thì cần giấy tờ gì', 'dang-ky-nhan-cha-me-con'],
    ['nhận bố cho con cần gì', 'dang-ky-nhan-cha-me-con'],
    ['lam lai cmnd bi mat', 'cap-lai-the-can-cuoc'],
    ['mất chứng minh nhân dân làm lại ở đâu', 'cap-lai-the-can-cuoc'],
    ['đổi cmnd sang căn cước cần gì', 'cap-doi-the-can-cuoc'],
    ['làm căn cước gắn chip hết bao nhiêu tiền', 'cap-the-can-cuoc'],
    ['can cuoc gan chip lam mat thi lam cai moi o dau', 'cap-lai-the-can-cuoc'],
    ['cccd gắn chip để đâu mất rồi, làm cái mới hết bao nhiêu', 'cap-lai-the-can-cuoc'],
  ])('reads "%s" as %s', (text, procedure) => {
    expect(recognizer.parse(text).procedure).toBe(procedure);
  });
});

// Words the lexicon writes on purpose are not misspellings: "mất bao nhiêu" is "tốn bao nhiêu",
// and "tốn" beside "đổi" is no "đổi tên". "Đổi tên" a vehicle or a land certificate is sang tên;
// one's own name stays a correction of the civil record.
describe('the cost of a change and a change of owner', () => {
  it.each([
    ['căn cước hết hạn, đổi mất bao nhiêu tiền', 'cap-doi-the-can-cuoc'],
    ['đổi tên chủ xe hết bao nhiêu tiền', 'sang-ten-xe'],
    ['doi ten so do can gi', 'dang-ky-bien-dong-dat-dai'],
    ['đổi tên sổ hồng sau khi mua nhà ở đâu', 'dang-ky-bien-dong-dat-dai'],
    ['đổi tên cho con trong giấy khai sinh', 'thay-doi-cai-chinh-ho-tich'],
  ])('reads "%s" as %s', (text, procedure) => {
    expect(recognizer.parse(text).procedure).toBe(procedure);
  });
});
