import { cuesOf } from '../../src/nlu/cues.js';
import { ruleOutScopes } from '../../src/nlu/contrast.js';
import { questionFocus } from '../../src/nlu/question-focus.js';
import { BACKGROUND_WEIGHT, roleWeights } from '../../src/nlu/sentence-roles.js';
import { projectRecognizer } from '../helpers/recognizer.js';

// How much each word of a message says which procedure is meant: the question and the aim
// lead, the story leans, what is ruled out says nothing.

describe('the roles of a message\'s sentences', () => {
  const { data, recognizer } = projectRecognizer();
  const cues = cuesOf(data.lexicon);
  /** The weight of each word, by its folded form (the first time it is said). */
  /** `named`: the words that name a procedure (what a question may point back at). */
  const weighed = (text: string, named: readonly string[] = []): Map<string, number> => {
    const norm = recognizer.normalize(text);
    const weights = roleWeights(norm, cues, questionFocus(norm, cues), ruleOutScopes(norm, cues), (i) => named.includes(norm.folded[i] ?? ''));
    const out = new Map<string, number>();
    norm.folded.forEach((w, i) => out.has(w) || out.set(w, weights[i]!));
    return out;
  };

  it.each([
    ['Tôi làm ở công ty xây dựng. Giờ muốn xin giấy lý lịch tư pháp. Làm ở đâu?', 'xay', 'ly'],
    ['toi lam o cong ty xay dung. gio muon xin giay ly lich tu phap. lam o dau', 'xay', 'ly'],
    ['Mẹ tôi đi khám bệnh ở viện tỉnh, thẻ bảo hiểm y tế bị rách, xin thẻ khác ở đâu?', 'kham', 'khac'],
  ])('weighs the story of "%s" less than its aim and its question', (text, story, aim) => {
    const w = weighed(text);
    expect(w.get(story)).toBe(BACKGROUND_WEIGHT);
    expect(w.get(aim)).toBe(1);
  });

  it.each([
    ['Không phải đổi thẻ, tôi làm mất, làm lại ở đâu?', 'doi'],
    ['ko phai doi the, toi lam mat, lam lai o dau', 'doi'],
  ])('gives the words ruled out in "%s" no weight', (text, ruledOut) => {
    expect(weighed(text).get(ruledOut)).toBe(0);
  });

  it('weighs every word of a one-clause question alike', () => {
    expect(new Set(weighed('làm lại căn cước bị mất ở đâu').values())).toEqual(new Set([1]));
  });

  it.each([
    ['Cán bộ bảo phải có giấy xác nhận độc thân. Tôi ở quê xa. Xin giấy này ở đâu?', 'doc'],
    ['can bo bao phai co giay xac nhan doc than. toi o que xa. xin giay nay o dau', 'doc'],
  ])('lets the question of "%s" lead with the sentence it points back at', (text, named) => {
    const w = weighed(text, ['doc', 'than']);
    expect(w.get(named)).toBe(1);
    expect(w.get('que')).toBe(BACKGROUND_WEIGHT);
  });
});
