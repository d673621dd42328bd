import { readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { evaluate, parseGold, type EvalReport } from '../../src/training/evaluation.js';
import { projectRecognizer } from '../helpers/recognizer.js';

// The challenge set: citizens' questions written apart from the training data (all
// intents and procedures; with and without diacritics, abbreviations, regional words,
// typos, long stories, out-of-scope questions that share words with procedures). The
// floors sit a little below what the assistant reaches, so that a regression shows
// without pinning the answer to any one sentence.

const FILE = path.join(path.dirname(fileURLToPath(import.meta.url)), 'challenge.jsonl');

const cases = parseGold(readFileSync(FILE, 'utf8'), FILE);

const rate = ({ correct, total }: { correct: number; total: number }): number => (total ? correct / total : 0);

describe('the challenge set', () => {
  let report: EvalReport;
  beforeAll(() => {
    const { recognizer } = projectRecognizer();
    report = evaluate(cases, (text) => recognizer.parse(text));
  });

  it('is large enough to mean something and covers every intent', () => {
    expect(cases.length).toBeGreaterThanOrEqual(300);
    expect(Object.keys(report.perIntent)).toHaveLength(14);
  });

  it.each([
    ['intent accuracy', (r: EvalReport) => rate(r.intent), 0.93],
    ['procedure accuracy (when one is named)', (r: EvalReport) => rate(r.procedure), 0.96],
    ['out-of-scope rejection', (r: EvalReport) => rate(r.oosRejected), 0.75],
    ['dossier code accuracy', (r: EvalReport) => rate(r.dossierCode), 1],
  ])('keeps %s at or above its floor', (_name, measure, floor) => {
    // To see the misses: npm run -s dvc -- parse < <(jq -r .text test/nlu/challenge.jsonl)
    expect(measure(report)).toBeGreaterThanOrEqual(floor);
  });

  it('rarely turns an in-scope question away', () => {
    expect(rate(report.falseNone)).toBeLessThanOrEqual(0.02);
  });
});
