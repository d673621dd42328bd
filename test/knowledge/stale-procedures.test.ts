import { loadConfig } from '../../src/config.js';
import { loadKnowledgeBase } from '../../src/knowledge/knowledge-base.js';
import type { Procedure } from '../../src/knowledge/schema.js';
import { staleProcedures } from '../../src/knowledge/stale-procedures.js';
import { loadSuperseded, type SupersededDocument } from '../../src/knowledge/superseded.js';

const config = loadConfig({});
const bundled = loadKnowledgeBase(config.KNOWLEDGE_DIR);
const sample = bundled.get('dang-ky-xe') as Procedure;

const feeCircular: SupersededDocument = {
  document: 'Thông tư số 60/2023/TT-BTC',
  replacedBy: 'Thông tư số 155/2025/TT-BTC',
  since: '2026-01-01',
  scope: 'lệ phí đăng ký xe',
  source: 'https://example.org/155-2025-tt-btc',
};

function procedure(id: string, reviewedAt: string, legalBasis: string[]): Procedure {
  return { ...sample, id, reviewedAt, legalBasis };
}

const at = (date: string) => ({ now: new Date(`${date}T09:00:00+07:00`), reviewMonths: 6 });

describe('procedures due for review', () => {
  it('lists an entry reviewed REVIEW_MONTHS months ago or more, with the day it fell due', () => {
    const knowledge = { procedures: [procedure('a', '2026-06-07', ['Luật X số 1/2020/QH14']), procedure('b', '2026-06-08', ['Luật X số 1/2020/QH14'])] };
    expect(staleProcedures(knowledge, [], at('2026-12-07'))).toEqual([
      { id: 'a', name: sample.name, reviewedAt: '2026-06-07', reasons: [{ kind: 'review-overdue', reviewedAt: '2026-06-07', dueAt: '2026-12-07' }] },
    ]);
  });

  it('counts calendar months, the 31st falling on the last day of a shorter month', () => {
    const knowledge = { procedures: [procedure('a', '2026-08-31', ['Luật X số 1/2020/QH14'])] };
    expect(staleProcedures(knowledge, [], { now: new Date('2027-02-27T12:00:00Z'), reviewMonths: 6 })).toEqual([]);
    expect(staleProcedures(knowledge, [], { now: new Date('2027-02-28T12:00:00Z'), reviewMonths: 6 })[0]?.reasons)
      .toEqual([{ kind: 'review-overdue', reviewedAt: '2026-08-31', dueAt: '2027-02-28' }]);
    expect(staleProcedures(knowledge, [], { now: new Date('2027-02-28T12:00:00Z'), reviewMonths: 12 })).toEqual([]);
  });

  it.each([
    ['the full name', 'Thông tư số 60/2023/TT-BTC quy định mức thu lệ phí'],
    ['the name without "số"', 'Thông tư 60/2023/TT-BTC'],
    ['an abbreviation', 'TT số 60/2023/TT-BTC'],
    ['lower case, unaccented', 'thong tu 60/2023/tt-btc'],
    ['a second document of the line', 'Nghị định số 10/2022/NĐ-CP; Thông tư 60/2023/TT-BTC'],
  ])('lists an entry whose legal basis cites a replaced document by %s', (_how, line) => {
    const knowledge = { procedures: [procedure('a', '2026-12-01', ['Luật X số 1/2020/QH14', line])] };
    expect(staleProcedures(knowledge, [feeCircular], at('2026-12-07'))).toEqual([
      { id: 'a', name: sample.name, reviewedAt: '2026-12-01', reasons: [{ kind: 'superseded-basis', line: 1, legalBasis: line, superseded: feeCircular }] },
    ]);
  });

  it.each([
    ['another document with a similar number', 'Thông tư số 160/2023/TT-BTC'],
    ['the replacement', 'Thông tư số 155/2025/TT-BTC'],
    ['the replaced document together with its replacement', 'Thông tư 155/2025/TT-BTC (thay thế Thông tư 60/2023/TT-BTC)'],
  ])('does not list an entry reviewed lately whose legal basis cites %s', (_what, line) => {
    const knowledge = { procedures: [procedure('a', '2026-12-01', [line])] };
    expect(staleProcedures(knowledge, [feeCircular], at('2026-12-07'))).toEqual([]);
  });

  it('gives every reason of an entry, in knowledge order', () => {
    const knowledge = { procedures: [
      procedure('a', '2026-01-10', ['Thông tư 60/2023/TT-BTC']),
      procedure('b', '2026-12-01', ['Luật X số 1/2020/QH14']),
      procedure('c', '2026-12-01', ['Thông tư 60/2023/TT-BTC', 'Thông tư 60/2023/TT-BTC (phần còn hiệu lực)']),
    ] };
    const stale = staleProcedures(knowledge, [feeCircular], at('2026-12-07'));
    expect(stale.map((s) => [s.id, s.reasons.map((r) => r.kind)])).toEqual([
      ['a', ['review-overdue', 'superseded-basis']],
      ['c', ['superseded-basis', 'superseded-basis']],
    ]);
  });

  it('finds no bundled procedure citing a document of the bundled superseded list', () => {
    const stale = staleProcedures(bundled, loadSuperseded(config.KNOWLEDGE_DIR), { now: new Date(), reviewMonths: 1200 });
    expect(stale.flatMap((s) => s.reasons.map((r) => (r.kind === 'superseded-basis' ? `${s.id}: ${r.legalBasis}` : s.id)))).toEqual([]);
  });
});
