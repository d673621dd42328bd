import { loadConfig } from '../../src/config.js';
import { loadKnowledgeBase } from '../../src/knowledge/knowledge-base.js';
import { inContext, type ConversationMemory } from '../../src/answers/context.js';
import { projectRecognizer } from '../helpers/recognizer.js';

// The legal-basis question as the conversation makes it: the NLU marks it (entities.facet),
// the procedure is the one the message names, else the one in play.

const knowledge = loadKnowledgeBase(loadConfig({}).KNOWLEDGE_DIR);
const { recognizer } = projectRecognizer();
const inPlay: ConversationMemory = { procedure: 'cap-the-can-cuoc', lastIntent: 'procedure.fee' };

describe('a legal-basis question in the conversation', () => {
  it.each([
    ['căn cứ pháp lý?', 'cap-the-can-cuoc'],
    ['theo van ban nao', 'cap-the-can-cuoc'],
    ['quy định nào vậy', 'cap-the-can-cuoc'],
    ['căn cứ pháp lý của cấp phiếu lý lịch tư pháp', 'cap-phieu-ly-lich-tu-phap'],
    ['ho chieu theo luat nao', 'cap-ho-chieu-pho-thong'],
  ])('"%s" asks for the legal basis of %s', (text, procedure) => {
    const { question } = inContext(knowledge, { kind: 'text', parse: recognizer.parse(text) }, inPlay);
    expect(question).toMatchObject({ kind: 'text', legalBasis: true, parse: { intent: 'procedure.info', procedure } });
  });

  it('is a plain question when the message does not ask for the legal basis', () => {
    const { question } = inContext(knowledge, { kind: 'text', parse: recognizer.parse('lệ phí bao nhiêu') }, inPlay);
    expect(question).not.toHaveProperty('legalBasis');
  });

  it('is left to the responder when no procedure is named or in play', () => {
    const { question } = inContext(knowledge, { kind: 'text', parse: recognizer.parse('căn cứ pháp lý là gì?') }, { procedure: null });
    expect(question).toMatchObject({ parse: { procedure: null } });
    expect(question).not.toHaveProperty('legalBasis');
  });
});

describe('a message that states the citizen\'s situation', () => {
  it.each([
    ['Thẻ căn cước của tôi bị hỏng chip', 'cap-lai-the-can-cuoc'],
    ['the bao hiem y te cua toi bi rach', 'cap-lai-the-bhyt'],
    ['Thẻ căn cước của tôi bị sai ngày sinh', 'cap-doi-the-can-cuoc'],
  ])('"%s" is about %s, not a dossier status', (text, procedure) => {
    const { question } = inContext(knowledge, { kind: 'text', parse: recognizer.parse(text) }, { procedure: null });
    expect(question).toMatchObject({ parse: { intent: 'procedure.info', procedure } });
  });

  it.each([
    ['thẻ căn cước in sai ngày sinh vì tôi khai nhầm'],
    ['the can cuoc in sai ngay sinh vi toi khai nham'],
    ['căn cước của tôi ghi sai ngày sinh do hồi đó tôi khai nhầm'],
  ])('reads "%s", a card named with wrong details, as cấp đổi căn cước, not cải chính hộ tịch', (text) => {
    const { question } = inContext(knowledge, { kind: 'text', parse: recognizer.parse(text) }, { procedure: null });
    expect(question).toMatchObject({ parse: { procedure: 'cap-doi-the-can-cuoc' } });
  });

  it('keeps cải chính hộ tịch when the birth register is named beside the card', () => {
    const { question } = inContext(knowledge, { kind: 'text', parse: recognizer.parse('giấy khai sinh ghi sai ngày sinh nên căn cước cũng sai') }, { procedure: null });
    expect(question).toMatchObject({ parse: { procedure: 'thay-doi-cai-chinh-ho-tich' } });
  });

  it.each([
    ['vợ tôi vừa sinh em bé, tôi đang đóng bảo hiểm bắt buộc ở công ty', 'che-do-thai-san'],
    ['vo toi vua sinh em be, toi dong bao hiem bat buoc o cong ty', 'che-do-thai-san'],
    ['vợ tôi vừa sinh em bé, làm giấy khai sinh ở đâu', 'dang-ky-khai-sinh'],
    ['mẹ cho con gái căn nhà, làm thủ tục sang tên hết bao nhiêu tiền', 'dang-ky-bien-dong-dat-dai'],
  ])('reads "%s" as %s: the procedure whose case the situation selects with more facts', (text, procedure) => {
    const { question } = inContext(knowledge, { kind: 'text', parse: recognizer.parse(text) }, { procedure: null });
    expect(question).toMatchObject({ parse: { procedure } });
  });

  it('stays a dossier status question when it holds a dossier code', () => {
    const parse = recognizer.parse('hồ sơ 000.00.16.H17-261105-0007 của tôi bị trả lại vì sai thông tin');
    const { question } = inContext(knowledge, { kind: 'text', parse }, { procedure: null });
    expect(question).toMatchObject({ parse: { intent: 'dossier.status' } });
  });

  it.each([
    ['Tôi muốn cải tạo lại nhà', 'cap-giay-phep-xay-dung'],
    ['toi muon sua chua nang tang nha', 'cap-giay-phep-xay-dung'],
  ])('"%s", naming no procedure, is about the likely one whose cases it selects (%s)', (text, procedure) => {
    const { question } = inContext(knowledge, { kind: 'text', parse: recognizer.parse(text) }, { procedure: null });
    expect(question).toMatchObject({ parse: { procedure } });
  });

  it('keeps the procedure in play when it fits what was said: "làm lại" after a lost health insurance card', () => {
    const memory: ConversationMemory = { procedure: 'cap-lai-the-bhyt', situation: { reason: 'lost' }, lastIntent: 'procedure.info' };
    const { question } = inContext(knowledge, { kind: 'text', parse: recognizer.parse('làm lại có mất tiền không') }, memory);
    if (question.kind !== 'text') throw new Error('a typed question stays typed');
    expect(question.parse.intent).toBe('procedure.fee');
    // No procedure named: the responder answers the one in play.
    expect(question.parse.procedure ?? memory.procedure).toBe('cap-lai-the-bhyt');
  });

  it('still moves to another procedure of the family that the new words point to: "bị mất" after cấp đổi', () => {
    const memory: ConversationMemory = { procedure: 'cap-doi-the-can-cuoc', lastIntent: 'procedure.fee' };
    const { question } = inContext(knowledge, { kind: 'text', parse: recognizer.parse('nếu bị mất thẻ thì sao') }, memory);
    expect(question).toMatchObject({ parse: { procedure: 'cap-lai-the-can-cuoc' } });
  });

  it.each([
    'à không, thẻ không mất mà bị in sai tên',
    'a khong, the khong mat ma bi in sai ten',
    'thực ra thẻ không mất, chỉ là bị sai ngày sinh',
  ])('reads "%s" after a lost card as the card family\'s procedure for it, the last question asked again', (text) => {
    const memory: ConversationMemory = { procedure: 'cap-lai-the-can-cuoc', situation: { reason: 'lost' }, lastIntent: 'procedure.fee' };
    const { question, memory: after } = inContext(knowledge, { kind: 'text', parse: recognizer.parse(text) }, memory);
    expect(question).toMatchObject({ parse: { intent: 'procedure.fee', procedure: 'cap-doi-the-can-cuoc' } });
    expect(after.situation).toEqual({ reason: 'wrongInfo' });
  });

  it('still goes to the paper a message names outright: "giấy khai sinh của con tôi bị ghi sai tên" after a lost card', () => {
    const memory: ConversationMemory = { procedure: 'cap-lai-the-can-cuoc', situation: { reason: 'lost' }, lastIntent: 'procedure.fee' };
    const { question } = inContext(knowledge, { kind: 'text', parse: recognizer.parse('giấy khai sinh của con tôi bị ghi sai tên') }, memory);
    expect(question).toMatchObject({ parse: { procedure: 'thay-doi-cai-chinh-ho-tich' } });
  });

  it.each(['tôi ở Hà Nội còn cô ấy ở Huế', 'toi o ha noi con co ay o hue'])('reads "%s" after the documents of kết hôn as the same question for two places apart', (text) => {
    const memory: ConversationMemory = { procedure: 'dang-ky-ket-hon', lastIntent: 'procedure.documents' };
    const { question, memory: after } = inContext(knowledge, { kind: 'text', parse: recognizer.parse(text) }, memory);
    expect(question).toMatchObject({ parse: { intent: 'procedure.documents', procedure: 'dang-ky-ket-hon' } });
    expect(after.situation).toMatchObject({ residence: 'other' });
  });

  it.each(['ở hà nội', 'o ha noi'])('reads "%s" after a fee question as the fee asked again, not a question about places', (text) => {
    const memory: ConversationMemory = { procedure: 'dang-ky-xe', situation: { vehicle: 'car' }, lastIntent: 'procedure.fee' };
    const { question, memory: after } = inContext(knowledge, { kind: 'text', parse: recognizer.parse(text) }, memory);
    expect(question).toMatchObject({ parse: { intent: 'procedure.fee' } });
    expect(after.situation).toMatchObject({ vehicle: 'car', area: 'hanoi' });
  });

  it.each(['tôi đăng ký lần đầu cho một mình tôi', 'toi dang ky lan dau'])('keeps "%s" on tạm trú in play, whose cases it selects, over a procedure named by common words', (text) => {
    const memory: ConversationMemory = { procedure: 'dang-ky-tam-tru', lastIntent: 'procedure.fee' };
    const { question } = inContext(knowledge, { kind: 'text', parse: recognizer.parse(text) }, memory);
    expect(question).toMatchObject({ parse: { intent: 'procedure.fee', procedure: 'dang-ky-tam-tru' } });
  });

  it.each(['còn tôi làm hộ chiếu thì hết bao nhiêu', 'toi lam ho chieu het bao nhieu', 'mẹ tôi làm hộ chiếu thì sao'])('forgets a child\'s age when "%s" is about an adult', (text) => {
    const memory: ConversationMemory = { procedure: 'cap-the-can-cuoc', situation: { age: 10, channel: 'online' }, ageOf: 'child', lastIntent: 'procedure.location' };
    const { memory: after } = inContext(knowledge, { kind: 'text', parse: recognizer.parse(text) }, memory);
    expect(after.situation).toEqual({ channel: 'online' });
  });

  it('keeps the child\'s age when the message is about the child again', () => {
    const memory: ConversationMemory = { procedure: 'cap-the-can-cuoc', situation: { age: 10 }, ageOf: 'child', lastIntent: 'procedure.location' };
    const { memory: after } = inContext(knowledge, { kind: 'text', parse: recognizer.parse('còn hộ chiếu cho cháu thì sao') }, memory);
    expect(after.situation).toEqual({ age: 10 });
  });

  it('does not carry why one paper was needed to a question about another paper, and keeps the rest', () => {
    const memory: ConversationMemory = { procedure: 'cap-lai-giay-phep-lai-xe', situation: { reason: 'lost', time: 'again', area: 'hanoi' }, lastIntent: 'procedure.fee' };
    const { memory: after } = inContext(knowledge, { kind: 'text', parse: recognizer.parse('làm hộ chiếu hết bao nhiêu tiền') }, memory);
    expect(after.situation).toEqual({ area: 'hanoi' });
  });

  it('keeps why the paper is needed within its family: cấp lại after cấp đổi is the same card', () => {
    const memory: ConversationMemory = { procedure: 'cap-lai-the-can-cuoc', situation: { reason: 'damaged' }, lastIntent: 'procedure.fee' };
    const { memory: after } = inContext(knowledge, { kind: 'text', parse: recognizer.parse('cấp lại căn cước mất bao lâu') }, memory);
    expect(after.situation).toMatchObject({ reason: 'damaged' });
  });
});
