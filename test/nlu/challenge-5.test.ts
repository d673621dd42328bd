import { readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import type { ParseResult } from '../../src/nlu/recognizer.js';
import { projectRecognizer } from '../helpers/recognizer.js';

// The fifth challenge set (test/nlu/challenge-5.jsonl): near-twin procedures said in other
// words ("thẻ gãy", "thất lạc bằng lái", "hủy hộ khẩu"), long stories that name one twin before
// asking about the other, contrasts in other forms ("khai sinh thì làm rồi, giờ…"), short
// abbreviations ("dk kh", "dktt", "tctn") and trades on goods. Its held-out sibling
// (challenge-4-holdout.jsonl) is measured only before and after the work. The floors sit a
// little below what the assistant reaches, so a regression shows without pinning a sentence.

interface GoldLine {
  text: string;
  intent: string | string[];
  procedure: string | null;
  tags: string[];
}

const gold = readFileSync(path.join(path.dirname(fileURLToPath(import.meta.url)), 'challenge-5.jsonl'), 'utf8')
  .split('\n')
  .filter((l) => l.trim())
  .map((l) => JSON.parse(l) as GoldLine);
const accepts = (g: GoldLine, p: ParseResult): boolean => (Array.isArray(g.intent) ? g.intent : [g.intent]).includes(p.intent);

describe('the fifth challenge set', () => {
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
    ['all', 0.88],
    ['confusable', 0.82],
    ['long', 0.85],
    ['contrast', 0.85],
    ['abbrev', 0.85],
    ['typo', 0.9],
    ['oos', 0.9],
  ])('gets intent and procedure both right on %s questions at or above %s', (tag, floor) => {
    // To see the misses: npm run -s dvc -- parse < <(jq -r .text test/nlu/challenge-5.jsonl)
    expect(bothRight(tag)).toBeGreaterThanOrEqual(floor);
  });

  it('never rejects more than one in fifty in-scope questions as none', () => {
    const inScope = parsed.filter((l) => !(Array.isArray(l.gold.intent) ? l.gold.intent : [l.gold.intent]).includes('none'));
    expect(inScope.filter((l) => l.parse.intent === 'none').length / inScope.length).toBeLessThanOrEqual(0.02);
  });
});
