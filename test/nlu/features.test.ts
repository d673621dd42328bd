import { ASKING, askingFeatures } from '../../src/nlu/features.js';
import { cuesOf } from '../../src/nlu/cues.js';
import { normalizeQuestion } from '../../src/nlu/recognizer.js';
import { projectRecognizer } from '../helpers/recognizer.js';

// The last question word of a question, with its neighbours, is a feature of its own: it says
// what is asked ("mấy ngày" a time, "bao nhiêu tiền" a fee, "ở đâu" a place) over the story.

const { data } = projectRecognizer();
const asking = (text: string, named: number[] = []): string[] =>
  askingFeatures(normalizeQuestion(text, data.lexicon), cuesOf(data.lexicon), new Set(named));

describe('the question word features', () => {
  it.each([
    ['đổi thẻ bhyt hết bao nhiêu ngày', `${ASKING}@time`],
    ['doi the bhyt het bao nhieu ngay', `${ASKING}@time`],
    ['doi the bhyt het bn ngay', `${ASKING}@time`],
    ['làm lại bằng lái tốn mấy tiền', `${ASKING}@money`],
    ['lam lai bang lai ton may tien', `${ASKING}@money`],
    ['lm lai gplx het bn tien', `${ASKING}@money`],
  ])('give the kind of unit counted in "%s"', (text, feature) => {
    expect(asking(text)).toContain(feature);
  });

  it.each([
    ['khai sinh cho cháu ở đâu', `${ASKING}o_dau`],
    ['khai sinh cho chau o dau', `${ASKING}o_dau`],
    ['kết hôn với người nước ngoài cần gì', `${ASKING}can_gi`],
    ['dk ket hon cho ck ng nuoc ngoai can j', `${ASKING}can_gi`],
  ])('give the last question word of "%s" with the word before it', (text, feature) => {
    expect(asking(text)).toContain(feature);
  });

  it.each([
    ['tài khoản định danh điện tử là gì'],
    ['tai khoan dinh danh dien tu la gi'],
    ['thủ tục chứng thực chữ ký là như thế nào'],
    ['có phải khai báo cư trú gì không'],
    ['co phai khai bao cu tru gi ko'],
    ['khách ở mấy hôm không'],
  ])('are none where the question word asks what the procedure is, or means "any" ("%s")', (text) => {
    expect(asking(text)).toEqual([]);
  });

  it('take no word of a name typed without marks for a question word ("lan dau" is "lần đầu")', () => {
    // "huong dan toi lam the can cuoc lan dau": the name's words are 4..8.
    expect(asking('huong dan toi lam the can cuoc lan dau', [3, 4, 5, 6, 7, 8])).toEqual([]);
    expect(asking('huong dan toi lam the can cuoc lan dau')).not.toEqual([]);
  });
});
