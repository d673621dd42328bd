import { projectRecognizer } from '../helpers/recognizer.js';

// Which question about a procedure is asked is read from the question word and the words it goes
// with ("hết bao nhiêu ngày" is a time, "cần gì" the documents), over the words of neighbouring
// intents said around it ("hết", "tiền", "ở xã"); whether the message is about a procedure at
// all is read as before ("sửa xe ở đâu" asks for a shop).

const { recognizer } = projectRecognizer();

describe('the intent between neighbouring intents', () => {
  it.each([
    ['đổi thẻ bhyt hết bao nhiêu ngày', 'procedure.duration', 'cap-lai-the-bhyt'],
    ['doi the bhyt het bao nhieu ngay', 'procedure.duration', 'cap-lai-the-bhyt'],
    ['doi the bhyt het bn ngay', 'procedure.duration', 'cap-lai-the-bhyt'],
    ['đăng ký kết hôn cho chồng người nước ngoài cần gì', 'procedure.documents', 'dang-ky-ket-hon'],
    ['dang ky ket hon cho chong nguoi nuoc ngoai can gi', 'procedure.documents', 'dang-ky-ket-hon'],
    ['dk kết hôn cho ck ng nước ngoài cần j', 'procedure.documents', 'dang-ky-ket-hon'],
  ])('is the one the question word asks in "%s"', (text, intent, procedure) => {
    expect(recognizer.parse(text)).toMatchObject({ intent, procedure });
  });

  it.each([
    ['chủ nhà có phải khai báo lưu trú khi có khách ở mấy hôm không', 'procedure.info'],
    ['chu nha co phai khai bao luu tru khi co khach o may hom khong', 'procedure.info'],
    ['xe máy bị hỏng bugi thì sửa ở đâu', 'none'],
    ['xe may bi hong bugi thi sua o dau', 'none'],
  ])('is not taken from a question word that asks nothing of a procedure: "%s"', (text, intent) => {
    expect(recognizer.parse(text).intent).toBe(intent);
  });
});
