import path from 'node:path';
import { loadConfig } from '../../src/config.js';
import { loadKnowledgeBase } from '../../src/knowledge/knowledge-base.js';
import type { Procedure } from '../../src/knowledge/schema.js';
import { loadReplies } from '../../src/answers/replies.js';
import { AnswerComposer } from '../../src/answers/compose.js';
import { shortDocument, words } from '../../src/answers/answer-text.js';
import { shownSources } from '../../src/answers/procedure-answer.js';
import type { Intent } from '../../src/nlu/intents.js';

const config = loadConfig({});
const kb = loadKnowledgeBase(config.KNOWLEDGE_DIR);
const composer = new AnswerComposer(kb, loadReplies(path.join(config.INTENTS_DIR, 'responses', 'vi.yaml')));
const get = (id: string): Procedure => {
  const p = kb.get(id);
  if (!p) throw new Error(`no procedure ${id}`);
  return p;
};
const count = (text: string): number => words(text.split('\n'));

describe('answers that fit the citizen', () => {
  const budgets: Array<[Intent, number]> = [['procedure.fee', 90], ['procedure.duration', 90], ['procedure.location', 100], ['procedure.documents', 110]];
  it.each(budgets)('keeps every %s answer of the knowledge base within %i words, case known or not', (intent, budget) => {
    const over = kb.procedures.flatMap((p) => [null, ...p.cases.map((c) => c.id)].map((caseId) => ({ p, caseId, n: count(composer.aboutProcedure(intent, p, { caseId }).text) })))
      .filter((x) => x.n > budget).map((x) => `${x.p.id}/${x.caseId ?? 'any'}: ${x.n}`);
    expect(over).toEqual([]);
  });

  it('answers the fee of a child\'s first card in its first sentence, for that case only', () => {
    const answer = composer.aboutProcedure('procedure.fee', get('cap-the-can-cuoc'), { situation: { age: 12 } });
    const [first] = answer.text.split('\n');
    expect(first).toContain('miễn phí');
    expect(first).toContain('trẻ từ 6 đến dưới 14 tuổi');
    expect(answer.text).not.toMatch(/Trẻ dưới 6 tuổi|Từ đủ 14 tuổi/);
    expect(answer.caseId).toBe('tu-6-den-duoi-14-tuoi');
    expect(count(answer.text)).toBeLessThanOrEqual(40);
  });

  it('does not say the same note twice: a caveat restating a fee\'s note (same amount, same circular) is left out', () => {
    const text = composer.aboutProcedure('procedure.fee', get('cap-lai-giay-phep-lai-xe')).text;
    expect(text.match(/154\/2025\/TT-BTC/g)).toHaveLength(1);
    expect(text).toContain('115.000');
  });

  it('says a fee that is the same in every case once, without the cases', () => {
    const answer = composer.aboutProcedure('procedure.fee', get('cap-the-can-cuoc'));
    expect(answer.text).toContain('miễn phí');
    expect(answer.text).not.toMatch(/Trẻ dưới 6 tuổi|tùy trường hợp/);
    expect(answer.asksCase).toBeUndefined();
  });

  it('sums up a fee that differs by case in one line per case, and asks which with buttons', () => {
    const answer = composer.aboutProcedure('procedure.fee', get('cap-doi-the-can-cuoc'));
    const lines = answer.text.split('\n');
    expect(lines.filter((l) => l.startsWith('- '))).toHaveLength(3);
    expect(answer.text).toContain('15.000 đồng');
    expect(answer.text).toMatch(/trường hợp nào\?/);
    expect(answer.suggestions.map((s) => s.value)).toEqual(get('cap-doi-the-can-cuoc').cases.map((c) => ({ intent: 'procedure.fee', procedure: 'cap-doi-the-can-cuoc', caseId: c.id })));
    expect(answer.asksCase).toEqual({ intent: 'procedure.fee', procedure: 'cap-doi-the-can-cuoc', cases: ['du-tuoi', 'tu-cccd-cmnd', 'thay-doi-thong-tin'] });
  });

  it('asks which case for documents that differ, naming the cases only', () => {
    const answer = composer.aboutProcedure('procedure.documents', get('dang-ky-thuong-tru'));
    expect(answer.text).not.toContain('mẫu CT01');
    expect(answer.suggestions.map((s) => s.title)).toEqual(['Đăng ký vào nhà của mình', 'Về ở với người thân', 'Nhà thuê, mượn, ở nhờ']);
  });

  it('lists the documents of the known case as a short list', () => {
    const answer = composer.aboutProcedure('procedure.documents', get('dang-ky-thuong-tru'), { caseId: 'nha-thue-muon' });
    expect(answer.text).toMatch(/^\*\*Hồ sơ đăng ký thường trú\*\* — nhà thuê, mượn, ở nhờ gồm:\n1\. Tờ khai/);
    expect(answer.text).not.toContain('Giấy chứng nhận kết hôn');
  });

  it('asks only among the cases an age range leaves', () => {
    const answer = composer.aboutProcedure('procedure.documents', get('cap-the-can-cuoc'), { situation: { age: { max: 13 } } });
    expect(answer.asksCase?.cases).toEqual(['duoi-6-tuoi', 'tu-6-den-duoi-14-tuoi']);
  });

  it('shows the fee lines of the citizen\'s vehicle and place only', () => {
    const motorbike = composer.aboutProcedure('procedure.fee', get('dang-ky-xe'), { situation: { vehicle: 'motorbike', area: 'hanoi' } }).text;
    expect(motorbike).toContain('Xe máy tại Hà Nội');
    expect(motorbike).toContain('700.000 đồng');
    expect(motorbike).not.toMatch(/Ô tô|105\.000/);
    const car = composer.aboutProcedure('procedure.fee', get('dang-ky-xe'), { situation: { vehicle: 'car', area: 'rural' } }).text;
    expect(car).toContain('140.000 đồng');
    expect(car).not.toMatch(/Xe máy|14\.000\.000/);
  });

  it('sums up many fee lines as a range and says what would narrow them', () => {
    const answer = composer.aboutProcedure('procedure.fee', get('dang-ky-xe'), { caseId: 'xe-moi-trong-nuoc' }).text;
    expect(answer.split('\n')[0]).toMatch(/từ \*\*105\.000 đồng\*\* đến \*\*14\.000\.000 đồng\*\*, tùy loại xe .* và nơi đăng ký/);
  });

  it('gives the online amount to one who files online, both amounts to one who did not say', () => {
    const p = get('dang-ky-tam-tru');
    expect(composer.aboutProcedure('procedure.fee', p, { caseId: 'dang-ky-moi', situation: { channel: 'online' } }).text.split('\n')[0]).toContain('**7.000 đồng** khi nộp trực tuyến');
    expect(composer.aboutProcedure('procedure.fee', p, { caseId: 'dang-ky-moi', situation: { channel: 'inPerson' } }).text.split('\n')[0]).not.toContain('7.000');
    expect(composer.aboutProcedure('procedure.fee', p, { caseId: 'dang-ky-moi' }).text.split('\n')[0]).toMatch(/15\.000 đồng.*7\.000 đồng/);
  });

  it('leaves out a caveat about amounts the case does not have', () => {
    const lost = composer.aboutProcedure('procedure.fee', get('cap-ho-chieu-pho-thong'), { situation: { reason: 'lost' } }).text;
    expect(lost).toContain('400.000 đồng');
    expect(lost).not.toContain('200.000');
  });

  it('gives the legal basis as one short line with the main document and the link, and in full on request', () => {
    const p = get('cap-ho-chieu-pho-thong');
    const answer = composer.aboutProcedure('procedure.duration', p);
    const last = answer.text.split('\n').at(-1) ?? '';
    expect(last).toBe('_Căn cứ: Luật Xuất cảnh, nhập cảnh của công dân Việt Nam số 49/2019/QH14._ https://dichvucong.bocongan.gov.vn');
    expect(answer.suggestions.map((s) => s.title)).toContain('Căn cứ pháp lý');
    const full = composer.aboutProcedure('procedure.info', p, { legalBasis: true });
    for (const document of p.legalBasis) expect(full.text).toContain(document);
    expect(full.suggestions.map((s) => s.title)).not.toContain('Căn cứ pháp lý');
  });

  it.each(['procedure.fee', 'procedure.duration', 'procedure.location'] as const)('names the one case of a curated procedure that has only one in a %s answer', (intent) => {
    const singles = kb.procedures.filter((p) => p.cases.length === 1 && !p.origin);
    expect(singles.length).toBeGreaterThan(0);
    for (const p of singles) expect(composer.aboutProcedure(intent, p, {}).caseId).toBe(p.cases[0]!.id);
  });

  it('keeps the case the situation chose on the full legal basis, and none when no case is known', () => {
    const p = get('cap-ho-chieu-pho-thong');
    const lost = composer.aboutProcedure('procedure.info', p, { legalBasis: true, situation: { reason: 'lost' } });
    const chosen = composer.aboutProcedure('procedure.fee', p, { situation: { reason: 'lost' } }).caseId;
    expect(chosen).toEqual(expect.any(String));
    expect(lost.caseId).toBe(chosen);
    expect(composer.aboutProcedure('procedure.info', p, { legalBasis: true }).caseId ?? null).toBeNull();
  });

  it.each([
    ['Luật Căn cước số 26/2023/QH15 (Điều 21, 24, 38, 46)', 'Luật Căn cước số 26/2023/QH15'],
    ['Nghị định số 70/2024/NĐ-CP quy định chi tiết một số điều', 'Nghị định số 70/2024/NĐ-CP'],
    ['Luật Bảo hiểm xã hội số 41/2024/QH15 (hiệu lực từ 01/7/2025), Chương về chế độ thai sản', 'Luật Bảo hiểm xã hội số 41/2024/QH15'],
    ['Bộ luật Dân sự', 'Bộ luật Dân sự'],
  ])('shortens "%s" to "%s"', (long, short) => {
    expect(shortDocument(long)).toBe(short);
  });
});

describe('the sources a legal-basis answer lists', () => {
  it('lists official portals first and at most three sources', () => {
    const sources = ['https://kenh14.vn/a', 'https://dichvucong.gov.vn', 'https://plo.vn/b', 'https://vanban.chinhphu.vn/?docid=1', 'https://dichvucong.bocongan.gov.vn/x', 'https://afamily.vn/c'];
    expect(shownSources(sources)).toEqual(['https://dichvucong.gov.vn', 'https://vanban.chinhphu.vn/?docid=1', 'https://dichvucong.bocongan.gov.vn/x']);
  });

  it('fills up with other sources in their order when few are official', () => {
    expect(shownSources(['https://plo.vn/b', 'https://evil.gov.vn.example.com/', 'https://vneid.gov.vn', 'https://kenh14.vn/a'])).toEqual(['https://vneid.gov.vn', 'https://plo.vn/b', 'https://evil.gov.vn.example.com/']);
  });

  it('keeps a short list as it is', () => {
    expect(shownSources(['https://plo.vn/b'])).toEqual(['https://plo.vn/b']);
  });
});
