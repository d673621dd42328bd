import { loadConfig } from '../../src/config.js';
import { loadKnowledgeBase } from '../../src/knowledge/knowledge-base.js';
import type { Procedure } from '../../src/knowledge/schema.js';
import { knowledgeFingerprint, recognizerReads } from '../../src/training/fingerprint.js';

// What a model reads of the knowledge: a change there makes a saved model stale (fingerprint)
// and the serving recognizer be rebuilt; a change elsewhere is answered with the same model.

const knowledge = loadKnowledgeBase(loadConfig({}).KNOWLEDGE_DIR);
const passport = knowledge.get('cap-ho-chieu-pho-thong')!;
const imported: Procedure = { ...passport, id: '1.001456', origin: { kind: 'catalogue', file: 'danh-muc.csv', row: 2 } };
const withFee = (p: Procedure, amount: number): Procedure => ({ ...p, cases: p.cases.map((c, i) => (i ? c : { ...c, fees: [{ ...c.fees[0]!, amount }] })) });

describe('what a model reads of a procedure', () => {
  it.each<[string, Procedure, Procedure, boolean]>([
    ['a fee of a curated entry', passport, withFee(passport, 250_000), false],
    ['the steps and the place of a curated entry', passport, { ...passport, steps: ['Nộp hồ sơ'], submitAt: ['Công an tỉnh'] }, false],
    ['the name', passport, { ...passport, name: 'Cấp hộ chiếu' }, true],
    ['an alias', passport, { ...passport, aliases: [...passport.aliases, 'làm sổ thông hành'] }, true],
    ['the field', passport, { ...passport, field: 'Xuất nhập cảnh' }, true],
    ['a fee of an imported entry (its cells are the catalogue\'s evidence)', imported, withFee(imported, 250_000), true],
  ])('%s: rebuild the recognizer = %s', (_name, before, after, rebuild) => {
    expect(recognizerReads(before, after)).toBe(rebuild);
    const all = (p: Procedure) => knowledge.procedures.map((q) => (q.id === passport.id ? p : q));
    if (!before.origin) expect(knowledgeFingerprint(all(before)) !== knowledgeFingerprint(all(after))).toBe(rebuild);
  });
});
