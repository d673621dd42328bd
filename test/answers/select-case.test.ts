import { loadConfig } from '../../src/config.js';
import { KnowledgeBase, loadKnowledgeBase } from '../../src/knowledge/knowledge-base.js';
import type { Procedure, Select } from '../../src/knowledge/schema.js';
import { conditionTruth, consistentWith, familyMember, fitOf, pickBySituation, selectCase } from '../../src/answers/select-case.js';

const config = loadConfig({});
const kb = loadKnowledgeBase(config.KNOWLEDGE_DIR);
const get = (id: string): Procedure => {
  const p = kb.get(id);
  if (!p) throw new Error(`no procedure ${id}`);
  return p;
};

describe('a select condition against the situation', () => {
  it.each([
    ['age', { max: 13 }, { age: 12 }, 'yes'],
    ['age', { max: 13 }, { age: 14 }, 'no'],
    ['age', { max: 13 }, { age: { min: 13, max: 14 } }, 'unknown'],
    ['age', { min: 14 }, { age: { min: 15, max: 16 } }, 'yes'],
    ['age', [14, 25, 40, 60], { age: 25 }, 'yes'],
    ['age', [14, 25, 40, 60], { age: 30 }, 'no'],
    ['age', [14, 25, 40, 60], { age: { max: 13 } }, 'no'],
    ['reason', ['lost', 'damaged'], { reason: 'lost' }, 'yes'],
    ['reason', ['lost', 'damaged'], { reason: 'expired' }, 'no'],
    ['reason', ['lost', 'damaged'], {}, 'unknown'],
  ] as const)('%s %p with %p holds: %s', (slot, condition, situation, truth) => {
    expect(conditionTruth(slot, condition as never, situation as never)).toBe(truth);
  });

  it('fits when any alternative fits, counting the conditions that hold', () => {
    const select: Select = [{ reason: ['ageMilestone'] }, { age: [14, 25, 40, 60] }];
    expect(fitOf(select, { age: 25 })).toEqual({ fits: true, matched: 1 });
    expect(fitOf(select, { age: 30, reason: 'lost' })).toEqual({ fits: false, matched: 0 });
    expect(fitOf(undefined, { age: 30 })).toEqual({ fits: true, matched: 0 });
  });
});

describe('choosing the case from the data of each entry', () => {
  it.each([
    [{ age: 4 }, 'duoi-6-tuoi'],
    [{ age: 12 }, 'tu-6-den-duoi-14-tuoi'],
    [{ age: { min: 15, max: 16 } }, 'tu-14-tuoi'],
  ])('picks the first card case of %p', (situation, id) => {
    expect(selectCase(get('cap-the-can-cuoc'), situation).chosen?.id).toBe(id);
  });

  it('narrows to the cases an age range allows, and chooses none of them', () => {
    const { chosen, candidates } = selectCase(get('cap-the-can-cuoc'), { age: { max: 13 } });
    expect(chosen).toBeNull();
    expect(candidates.map((c) => c.id)).toEqual(['duoi-6-tuoi', 'tu-6-den-duoi-14-tuoi']);
  });

  it('prefers the case a stated fact selects over one it merely does not rule out', () => {
    expect(selectCase(get('cap-ho-chieu-pho-thong'), { age: 20 }).chosen?.id).toBe('tu-14-tuoi');
    expect(selectCase(get('cap-ho-chieu-pho-thong'), { age: 10, reason: 'lost' }).chosen?.id).toBe('mat-hoac-hong');
  });

  it('takes the land of one who died as an inheritance', () => {
    expect(selectCase(get('dang-ky-bien-dong-dat-dai'), { death: 'yes' }).chosen?.id).toBe('tang-cho-thua-ke');
  });

  it('takes a birth year that reaches a milestone age this year as that age', () => {
    expect(selectCase(get('cap-doi-the-can-cuoc'), { age: { min: 59, max: 60 } }).chosen?.id).toBe('du-tuoi');
    expect(conditionTruth('age', [14, 25, 40, 60], { age: { min: 60, max: 61 } })).toBe('unknown');
  });

  it('rules a case out by a value it excludes, without that value selecting anything', () => {
    // "Lần đầu" is no lost passport; the other cases stay, both possible.
    expect(selectCase(get('cap-ho-chieu-pho-thong'), { time: 'first' }).candidates.map((c) => c.id)).toEqual(['tu-14-tuoi', 'duoi-14-tuoi']);
    expect(selectCase(get('cap-ho-chieu-pho-thong'), { time: 'first', age: 30 }).chosen?.id).toBe('tu-14-tuoi');
    expect(selectCase(get('cap-ho-chieu-pho-thong'), { time: 'again', reason: 'lost' }).chosen?.id).toBe('mat-hoac-hong');
    expect(conditionTruth('time', { not: ['first'] }, {})).toBe('unknown');
  });

  it.each([
    ['dang-ky-khai-tu', 3, 'dung-han'], ['dang-ky-khai-tu', 15, 'dung-han'], ['dang-ky-khai-tu', 30, 'qua-han'],
    ['dang-ky-khai-sinh', 30, 'dung-han'], ['dang-ky-khai-sinh', 60, 'dung-han'], ['dang-ky-khai-sinh', 90, 'qua-han'],
  ])('reads the days since the event against the deadline of %s: %p days is %s', (id, elapsed, caseId) => {
    expect(selectCase(get(id), { elapsed }).chosen?.id).toBe(caseId);
  });

  it('keeps a case chosen before while the situation allows it, and leaves it when it does not', () => {
    expect(selectCase(get('cap-the-can-cuoc'), {}, 'tu-14-tuoi').chosen?.id).toBe('tu-14-tuoi');
    expect(selectCase(get('cap-the-can-cuoc'), { age: 4 }, 'tu-14-tuoi').chosen?.id).toBe('duoi-6-tuoi');
  });

  it('asks about every case when the situation says nothing of them', () => {
    expect(selectCase(get('dang-ky-thuong-tru'), { age: 30 })).toMatchObject({ chosen: null });
  });

  it('has select data on every case of every procedure with several cases', () => {
    const missing = kb.procedures.filter((p) => p.cases.length > 1).flatMap((p) => p.cases.filter((c) => !c.select).map((c) => `${p.id}/${c.id}`));
    expect(missing).toEqual([]);
  });
});

describe('procedures of one family', () => {
  it.each([
    ['cap-doi-the-can-cuoc', { reason: 'lost' }, 'cap-lai-the-can-cuoc'],
    ['cap-the-can-cuoc', { reason: 'damaged' }, 'cap-lai-the-can-cuoc'],
    ['cap-lai-the-can-cuoc', { reason: 'wrongInfo' }, 'cap-doi-the-can-cuoc'],
    ['cap-doi-the-can-cuoc', { time: 'first' }, 'cap-the-can-cuoc'],
    ['doi-giay-phep-lai-xe', { reason: 'lost' }, 'cap-lai-giay-phep-lai-xe'],
    ['cap-lai-giay-phep-lai-xe', { reason: 'expired' }, 'doi-giay-phep-lai-xe'],
    ['dang-ky-khai-sinh', { reason: 'lost' }, 'cap-ban-sao-trich-luc-ho-tich'],
    ['dang-ky-xe', { purchase: 'used' }, 'sang-ten-xe'],
  ])('moves from %s to the member %p selects', (from, stated, to) => {
    expect(familyMember(kb, get(from), stated).id).toBe(to);
  });

  it.each([
    ['cap-doi-the-can-cuoc', { age: 25 }],
    ['cap-doi-the-can-cuoc', { reason: 'expired' }],
    ['cap-the-can-cuoc', {}],
  ])('stays on %s when %p points to no other member', (id, stated) => {
    expect(familyMember(kb, get(id), stated).id).toBe(id);
  });

  it('picks among procedures about as likely by the stated situation', () => {
    expect(pickBySituation([get('cap-doi-the-can-cuoc'), get('cap-lai-the-can-cuoc')], { reason: 'lost' })?.id).toBe('cap-lai-the-can-cuoc');
    expect(pickBySituation([get('cap-doi-the-can-cuoc'), get('cap-lai-the-can-cuoc')], { age: 30 })).toBeNull();
    // A tie: the paper most of the options are about ("đổi tên, cần đổi lại căn cước").
    expect(pickBySituation([get('cap-doi-the-can-cuoc'), get('thay-doi-cai-chinh-ho-tich'), get('cap-lai-the-can-cuoc')], { reason: 'nameChange' })?.id).toBe('cap-doi-the-can-cuoc');
    // No family between them: the cases tell ("vợ tôi vừa sinh, tôi đi làm công ty đóng bảo hiểm").
    expect(pickBySituation([get('dang-ky-thanh-lap-doanh-nghiep'), get('che-do-thai-san')], { person: 'father', insurance: 'compulsory' })?.id).toBe('che-do-thai-san');
  });

  it('forgets what the named procedure rules out, and keeps the rest', () => {
    expect(consistentWith(get('cap-doi-the-can-cuoc'), { reason: 'lost', age: 30 })).toEqual({ age: 30 });
  });

  it('follows a staff edit that takes a procedure out of its family', () => {
    const edited = new KnowledgeBase(kb.procedures);
    expect(familyMember(edited, get('cap-doi-the-can-cuoc'), { reason: 'lost' }).id).toBe('cap-lai-the-can-cuoc');
    const { family: _family, ...withoutFamily } = get('cap-lai-the-can-cuoc');
    edited.replace([withoutFamily]);
    expect(familyMember(edited, get('cap-doi-the-can-cuoc'), { reason: 'lost' }).id).not.toBe('cap-lai-the-can-cuoc');
  });

  it('does not move without a family', () => {
    const lone = new KnowledgeBase([{ ...get('dang-ky-ket-hon') }]);
    expect(familyMember(lone, get('dang-ky-ket-hon'), { reason: 'lost' }).id).toBe('dang-ky-ket-hon');
  });
});
