import { projectRecognizer } from '../helpers/recognizer.js';

// Which procedure a message is about when its story names others, when it describes the
// procedure without its name, or when it rules out the only procedure it names.

describe('the procedure of a long, near-twin or contrasting message', () => {
  const { recognizer } = projectRecognizer();

  it.each([
    // Described, not named, with the story naming another procedure.
    ['Ông nhà tôi đóng bảo hiểm xã hội hơn 20 năm thì mất. Nghe nói bảo hiểm chi một khoản lo việc chôn cất. Nhận ở đâu?', 'tro-cap-mai-tang'],
    ['ong nha toi dong bao hiem xa hoi hon 20 nam thi mat. nghe noi bao hiem chi mot khoan lo viec chon cat. nhan o dau', 'tro-cap-mai-tang'],
    ['Anh tôi có giấy phép lái xe do Úc cấp, về nước sống hẳn, muốn lái xe ở Việt Nam. Cần làm gì?', 'doi-giay-phep-lai-xe'],
    ['Cô giáo xin vào trường tư, trường đòi giấy chứng nhận chưa từng phạm tội. Xin ở đâu?', 'cap-phieu-ly-lich-tu-phap'],
    // Near-twins told apart by the goal.
    ['Đóng tiền bảo hiểm y tế cho năm tới xong thì bao lâu thẻ dùng được?', 'gia-han-the-bhyt'],
    ['Chồng tôi khai tử cho bố hôm qua, bao lâu thì có trích lục khai tử?', 'dang-ky-khai-tu'],
    // The only procedure named is ruled out: its sibling the rest describes.
    ['không phải đăng ký xe mới đâu, xe cũ mua của anh họ, làm giấy tờ thế nào', 'sang-ten-xe'],
    ['khong phai dang ky xe moi dau, xe cu mua cua anh ho, lam giay to the nao', 'sang-ten-xe'],
  ])('"%s" is about %s', (text, procedure) => {
    expect(recognizer.parse(text).procedure).toBe(procedure);
  });

  it.each([
    ['đổi gplx ở đâu', 'doi-giay-phep-lai-xe'],
    ['đăng ký thường trú có tốn phí không', 'dang-ky-thuong-tru'],
    ['dang ky thuong tru co ton phi khong', 'dang-ky-thuong-tru'],
  ])('keeps the whole name written in a one-clause question "%s"', (text, procedure) => {
    expect(recognizer.parse(text).procedure).toBe(procedure);
  });

  it.each([
    ['Tạm trú của tôi còn một tuần nữa là hết hạn, tôi vẫn thuê phòng ở đây.', 'dang-ky-tam-tru'],
    ['tam tru cua toi con mot tuan nua la het han, toi van thue phong o day.', 'dang-ky-tam-tru'],
    ['Thẻ tạm trú của em tháng sau hết hạn, em còn ở lại làm việc.', 'dang-ky-tam-tru'],
  ])('keeps the whole name a story says over a guess from its plain words: "%s"', (text, procedure) => {
    expect(recognizer.parse(text).procedure).toBe(procedure);
  });
});
