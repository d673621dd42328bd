import path from 'node:path';
import { loadConfig } from '../../src/config.js';
import { loadKnowledgeBase } from '../../src/knowledge/knowledge-base.js';
import { loadReplies } from '../../src/answers/replies.js';
import { GuideComposer, newGuide, stepKey } from '../../src/answers/guide.js';

const config = loadConfig({});
const knowledge = loadKnowledgeBase(config.KNOWLEDGE_DIR);
const guides = new GuideComposer(knowledge, loadReplies(path.join(config.INTENTS_DIR, 'responses', 'vi.yaml')));
const get = (id: string) => {
  const p = knowledge.get(id);
  if (!p) throw new Error(`no procedure ${id}`);
  return p;
};

describe('the guide\'s wording', () => {
  it('starts with the steps, then asks which case applies, with one button per case', () => {
    const p = get('dang-ky-khai-sinh');
    const answer = guides.start(p, newGuide(p.id));
    expect(answer).toMatchObject({ intent: 'procedure.steps', procedure: 'dang-ky-khai-sinh' });
    expect(answer.text).toContain(p.steps[0]);
    expect(answer.suggestions.map((s) => s.value)).toEqual([
      { action: 'case', arg: 'dung-han', step: 'dang-ky-khai-sinh/case' },
      { action: 'case', arg: 'qua-han', step: 'dang-ky-khai-sinh/case' },
      { action: 'reset' },
    ]);
  });

  it('tags each document\'s buttons with the question they answer', () => {
    const state = { ...newGuide('dang-ky-khai-sinh'), caseId: 'dung-han', index: 1 };
    const answer = guides.prompt(get('dang-ky-khai-sinh'), state);
    expect(stepKey(state)).toBe('dang-ky-khai-sinh/dung-han/1');
    expect(answer.text).toContain('Bạn đã có Giấy chứng sinh chưa?');
    expect(answer.suggestions.slice(0, 3).map((s) => s.value)).toEqual(['yes', 'no', 'explain'].map((action) => ({ action, step: stepKey(state) })));
  });

  it('offers a way into the procedure that makes a document, one level deep only', () => {
    const p = get('dang-ky-ket-hon');
    const doc = p.cases[1]!.documents.find((d) => d.procedure === 'xac-nhan-tinh-trang-hon-nhan')!;
    expect(guides.canLink(doc, newGuide(p.id))).toBe(true);
    expect(guides.canLink(doc, newGuide(p.id, 'dang-ky-khai-sinh'))).toBe(false);
  });

  it('sorts the checklist into what they have, what they lack and what only some need', () => {
    const p = get('dang-ky-khai-sinh');
    const answer = guides.checklist(p, { ...newGuide(p.id), caseId: 'dung-han', index: 4, have: [0, 2], missing: [1, 3] });
    expect(answer.text).toMatch(/Bạn đã có:\n- Tờ khai đăng ký khai sinh\n- Giấy tờ tùy thân của người đi đăng ký\nBạn còn thiếu:\n- Giấy chứng sinh \(1 bản chính\)\nChưa có, chỉ cần nếu bạn thuộc trường hợp phải nộp:\n- Giấy chứng nhận kết hôn của cha mẹ/);
    expect(answer.text).toContain('https://dichvucong.gov.vn');
    expect(answer.suggestions[0]).toEqual({ title: 'Hướng dẫn: Đăng ký kết hôn', value: { intent: 'procedure.steps', procedure: 'dang-ky-ket-hon' } });
  });
});
