import { readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import type { ParseResult } from '../../src/nlu/recognizer.js';
import { projectRecognizer } from '../helpers/recognizer.js';

// The seventh challenge set (test/nlu/challenge-7.jsonl): misspelt procedure words (a wrong or
// dropped tone or letter, a slip into another real word), intent cue words said in everyday or
// regional words ("mấy tiền", "trên app làm sao", "bao lâu thì có", "giấy j", "mần răng"), bare
// statements of intent, abbreviations, and how-to or price questions outside public services.
// Its held-out sibling (challenge-7-holdout.jsonl) is measured only before and after the work.
// The floors sit a little below what the assistant reaches, so a regression shows without
// pinning a sentence.

interface GoldLine {
  text: string;
  intent: string | string[];
  procedure: string | null;
  tags: string[];
}

const gold = readFileSync(path.join(path.dirname(fileURLToPath(import.meta.url)), 'challenge-7.jsonl'), 'utf8')
  .split('\n')
  .filter((l) => l.trim())
  .map((l) => JSON.parse(l) as GoldLine);
const intentsOf = (g: GoldLine): string[] => (Array.isArray(g.intent) ? g.intent : [g.intent]);

describe('the seventh challenge set', () => {
  let parsed: Array<{ gold: GoldLine; parse: ParseResult }>;
  beforeAll(() => {
    const { recognizer } = projectRecognizer();
    parsed = gold.map((g) => ({ gold: g, parse: recognizer.parse(g.text) }));
  });
  const bothRight = (tag: string): number => {
    const lines = parsed.filter((l) => tag === 'all' || l.gold.tags.includes(tag));
    return lines.filter((l) => intentsOf(l.gold).includes(l.parse.intent) && l.parse.procedure === l.gold.procedure).length / lines.length;
  };

  it.each([
    ['all', 0.94],
    ['typo', 0.93],
    ['abbrev', 0.9],
    ['cue', 0.9],
    ['no-diacritics', 0.9],
    ['oos', 0.93],
  ])('gets intent and procedure both right on %s questions at or above %s', (tag, floor) => {
    // To see the misses: npm run -s dvc -- parse < <(jq -r .text test/nlu/challenge-7.jsonl)
    expect(bothRight(tag)).toBeGreaterThanOrEqual(floor);
  });

  it('never rejects more than one in fifty in-scope questions as none', () => {
    const inScope = parsed.filter((l) => !intentsOf(l.gold).includes('none'));
    expect(inScope.filter((l) => l.parse.intent === 'none').length / inScope.length).toBeLessThanOrEqual(0.02);
  });
});
