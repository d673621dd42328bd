import path from 'node:path';
import { loadConfig } from '../../src/config.js';
import { KnowledgeBase, loadKnowledgeBase } from '../../src/knowledge/knowledge-base.js';
import type { Procedure } from '../../src/knowledge/schema.js';
import { procedureSchema } from '../../src/knowledge/schema.js';
import { loadLexicon } from '../../src/nlu/vi/lexicon.js';
import { loadSituationReader } from '../../src/nlu/situation/situation-reader.js';
import { selectProblems } from '../../src/cli/validate-select.js';

const config = loadConfig({});
const kb = loadKnowledgeBase(config.KNOWLEDGE_DIR);
const slots = loadSituationReader(config.INTENTS_DIR, loadLexicon(path.join(config.INTENTS_DIR, 'lexicon', 'abbreviations.yaml'))).slots;
// Alone, without its family (whose other procedures are not in these tests' knowledge).
const { family: _family, ...khaiSinh } = kb.get('dang-ky-khai-sinh') as Procedure;
const withCases = (cases: Array<Partial<Procedure['cases'][number]>>, extra: Partial<Procedure> = {}): Procedure =>
  ({ ...khaiSinh, ...extra, cases: cases.map((c, i) => ({ ...khaiSinh.cases[i % khaiSinh.cases.length]!, ...c })) });

describe('`dvc validate` on the situation data of the knowledge', () => {
  it('finds nothing wrong in the bundled knowledge', () => {
    expect(selectProblems(kb, slots)).toEqual([]);
  });

  it.each([
    [{ reasn: ['lost'] }, /unknown slot "reasn"/],
    [{ reason: ['misplaced'] }, /reason: unknown value "misplaced"/],
    [{ reason: { min: 3 } }, /reason: \{ min, max \} is for the age and elapsed days only/],
    [{ age: ['old'] }, /age: list whole numbers/],
    [{ elapsed: ['late'] }, /elapsed: list whole numbers/],
    [{ time: { not: ['never'] } }, /time: unknown value "never"/],
  ])('names the case and what is wrong with select %p', (select, message) => {
    const p = withCases([{ select: select as never }, { select: { timing: ['late'] } }]);
    const problems = selectProblems(new KnowledgeBase([p]), slots);
    expect(problems).toEqual([expect.stringMatching(/^dang-ky-khai-sinh: cases\.0\.select: /)]);
    expect(problems[0]).toMatch(message);
  });

  it('asks for select on every case of a procedure with several', () => {
    const { select: _unused, ...bare } = khaiSinh.cases[1]!;
    const p = { ...khaiSinh, cases: [khaiSinh.cases[0]!, bare] };
    expect(selectProblems(new KnowledgeBase([p]), slots)).toEqual([expect.stringMatching(/cases\.1 \("Khai sinh quá hạn"\): add `select`/)]);
  });

  it('checks fee lines and families too, and a family of one', () => {
    const fees = [{ label: 'Lệ phí', amount: 0, select: { vehicle: ['boat'] } }];
    const p = withCases([{ select: { timing: ['onTime'] }, fees }, { select: { timing: ['late'] } }], { family: { id: 'alone', select: { time: ['never'] } } });
    const problems = selectProblems(new KnowledgeBase([p]), slots);
    expect(problems).toEqual(expect.arrayContaining([
      expect.stringMatching(/family\.select: time: unknown value "never"/),
      expect.stringMatching(/cases\.0\.fees\.0\.select: vehicle: unknown value "boat"/),
      expect.stringMatching(/family "alone" has no other procedure/),
    ]));
  });

  it('refuses bounds that cannot hold in the schema', () => {
    const result = procedureSchema.safeParse(withCases([{ select: { age: { min: 14, max: 6 } } }, {}]));
    expect(result.success).toBe(false);
    expect(JSON.stringify(result.error?.issues)).toContain('min must not be above max');
  });
});
