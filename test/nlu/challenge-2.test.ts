import { readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import type { ParseResult } from '../../src/nlu/recognizer.js';
import { projectRecognizer } from '../helpers/recognizer.js';

// The second challenge set (test/nlu/challenge-2.jsonl): citizens' questions of the kinds the
// judges found hard, written apart from the training data — long stories ending in a question,
// contrasts ("chứ không phải…"), misspellings, abbreviations, near-twin procedures, attempts to
// make the assistant break its rules, prices of goods, dossier-status questions naming their
// procedure and legal-basis questions. A third of it (challenge-2-holdout.jsonl) is held back
// and measured only before and after the work. The floors sit a little below what the assistant
// reaches, per kind of question, so that a regression shows without pinning any one sentence.

const FILE = path.join(path.dirname(fileURLToPath(import.meta.url)), 'challenge-2.jsonl');

interface GoldLine {
  text: string;
  intent: string | string[];
  procedure: string | null;
  tags: string[];
  facet?: string;
  dossierCode?: string;
}

const readSet = (file: string): GoldLine[] => readFileSync(file, 'utf8').split('\n').filter((l) => l.trim()).map((l) => JSON.parse(l) as GoldLine);
const gold = readSet(FILE);
const accepts = (g: GoldLine, p: ParseResult): boolean => (Array.isArray(g.intent) ? g.intent : [g.intent]).includes(p.intent);
type Parsed = Array<{ gold: GoldLine; parse: ParseResult }>;
const share = (lines: Parsed, right: (l: Parsed[number]) => boolean): number => lines.filter(right).length / lines.length;
const bothRight = (l: Parsed[number]): boolean => accepts(l.gold, l.parse) && l.parse.procedure === l.gold.procedure;

describe('the second challenge set', () => {
  let parsed: Parsed;
  beforeAll(() => {
    const { recognizer } = projectRecognizer();
    parsed = gold.map((g) => ({ gold: g, parse: recognizer.parse(g.text) }));
  });
  const withTag = (tag: string): Parsed => parsed.filter((l) => l.gold.tags.includes(tag));

  it('is large enough to mean something for each kind of question', () => {
    expect(gold.length).toBeGreaterThanOrEqual(200);
    for (const tag of ['long', 'contrast', 'typo', 'abbrev', 'no-diacritics', 'confusable', 'manipulation', 'goods-price', 'dossier', 'legal']) {
      expect(gold.filter((g) => g.tags.includes(tag)).length).toBeGreaterThanOrEqual(8);
    }
  });

  it.each([
    ['long', 0.9],
    ['contrast', 0.92],
    ['typo', 0.9],
    ['abbrev', 0.9],
    ['no-diacritics', 0.92],
    ['confusable', 0.95],
    ['manipulation', 0.95],
    ['goods-price', 0.9],
    ['dossier', 0.9],
    ['legal', 0.9],
  ])('gets intent and procedure both right on %s questions at or above %s', (tag, floor) => {
    // To see the misses: npm run -s dvc -- parse < <(jq -r .text test/nlu/challenge-2.jsonl)
    expect(share(withTag(tag), bothRight)).toBeGreaterThanOrEqual(floor);
  });

  it('gets intent and procedure both right on the whole set', () => {
    expect(share(parsed, bothRight)).toBeGreaterThanOrEqual(0.95);
  });

  it('turns away every out-of-scope question, and rarely an in-scope one', () => {
    const outOfScope = parsed.filter((l) => l.gold.intent === 'none');
    expect(share(outOfScope, (l) => l.parse.intent === 'none')).toBeGreaterThanOrEqual(0.95);
    expect(share(parsed.filter((l) => l.gold.intent !== 'none'), (l) => l.parse.intent === 'none')).toBeLessThanOrEqual(0.02);
  });

  it('flags manipulation attempts, and only them', () => {
    for (const { gold: g, parse } of parsed) expect([g.text, parse.flags?.includes('manipulation') ?? false]).toEqual([g.text, g.tags.includes('manipulation')]);
  });

  it('marks legal-basis questions with their facet', () => {
    const legal = withTag('legal');
    expect(share(legal, (l) => l.parse.entities.facet === 'legalBasis')).toBeGreaterThanOrEqual(0.9);
    expect(parsed.filter((l) => !l.gold.tags.includes('legal') && l.parse.entities.facet === 'legalBasis')).toEqual([]);
  });
});

// The third set (challenge-3.jsonl): written during the merge of the understanding work to find
// what the second set no longer showed — long stories naming other procedures, a short question
// after another, what the citizen means to do, unaccented long messages. Floors a little below
// what the assistant reaches.
describe('the third challenge set', () => {
  const third = readSet(path.join(path.dirname(FILE), 'challenge-3.jsonl'));
  let parsed: Parsed;
  beforeAll(() => {
    const { recognizer } = projectRecognizer();
    parsed = third.map((g) => ({ gold: g, parse: recognizer.parse(g.text) }));
  });

  it.each([
    ['long', 0.9],
    ['contrast', 0.93],
    ['no-diacritics', 0.87],
  ])('gets intent and procedure both right on %s questions at or above %s', (tag, floor) => {
    expect(share(parsed.filter((l) => l.gold.tags.includes(tag)), bothRight)).toBeGreaterThanOrEqual(floor);
  });

  it('gets the procedure right nearly always, and turns away what is out of scope', () => {
    const named = parsed.filter((l) => l.gold.procedure !== null);
    expect(share(named, (l) => l.parse.procedure === l.gold.procedure)).toBeGreaterThanOrEqual(0.95);
    expect(share(parsed, bothRight)).toBeGreaterThanOrEqual(0.91);
    expect(share(parsed.filter((l) => l.gold.intent === 'none'), (l) => l.parse.intent === 'none')).toBeGreaterThanOrEqual(0.95);
  });
});
