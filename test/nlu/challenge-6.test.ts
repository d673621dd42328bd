import { readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import type { ParseResult } from '../../src/nlu/recognizer.js';
import { projectRecognizer } from '../helpers/recognizer.js';

// The sixth challenge set (test/nlu/challenge-6.jsonl): long stories that describe a procedure
// without naming it ("giấy xác nhận không có tiền án", "khoản hỗ trợ chi phí chôn cất"), near-twins
// told apart by the goal ("đã có giấy xác nhận độc thân, giờ muốn cưới" is kết hôn) and rule-outs
// of the only procedure named ("không phải xe mới, xe mua lại" is sang tên). Its held-out sibling
// (challenge-6-holdout.jsonl) is measured only before and after the work. The floors sit a
// little below what the assistant reaches, so a regression shows without pinning a sentence.

interface GoldLine {
  text: string;
  intent: string | string[];
  procedure: string | null;
  tags: string[];
}

const gold = readFileSync(path.join(path.dirname(fileURLToPath(import.meta.url)), 'challenge-6.jsonl'), 'utf8')
  .split('\n')
  .filter((l) => l.trim())
  .map((l) => JSON.parse(l) as GoldLine);
const accepts = (g: GoldLine, p: ParseResult): boolean => (Array.isArray(g.intent) ? g.intent : [g.intent]).includes(p.intent);

describe('the sixth challenge set', () => {
  let parsed: Array<{ gold: GoldLine; parse: ParseResult }>;
  beforeAll(() => {
    const { recognizer } = projectRecognizer();
    parsed = gold.map((g) => ({ gold: g, parse: recognizer.parse(g.text) }));
  });
  const bothRight = (tag: string): number => {
    const lines = parsed.filter((l) => tag === 'all' || l.gold.tags.includes(tag));
    return lines.filter((l) => accepts(l.gold, l.parse) && l.parse.procedure === l.gold.procedure).length / lines.length;
  };

  it.each([
    ['all', 0.85],
    ['confusable', 0.88],
    ['long', 0.8],
    ['contrast', 0.9],
  ])('gets intent and procedure both right on %s questions at or above %s', (tag, floor) => {
    // To see the misses: npm run -s dvc -- parse < <(jq -r .text test/nlu/challenge-6.jsonl)
    expect(bothRight(tag)).toBeGreaterThanOrEqual(floor);
  });

  it('never rejects more than one in fifty in-scope questions as none', () => {
    const inScope = parsed.filter((l) => !(Array.isArray(l.gold.intent) ? l.gold.intent : [l.gold.intent]).includes('none'));
    expect(inScope.filter((l) => l.parse.intent === 'none').length / inScope.length).toBeLessThanOrEqual(0.02);
  });
});
