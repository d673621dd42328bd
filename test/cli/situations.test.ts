import { jest } from '@jest/globals';
import { playSituations, type ConversationResult } from '../../src/cli/situations/play.js';
import { figuresOf, formatFigures, SITUATIONS_DIR } from '../../src/cli/situations/report.js';
import { loadSituations, WORD_BUDGETS } from '../../src/cli/situations/scenarios.js';

// Citizens who state their situation (test/conversations/situations/dev.yaml), played over
// Direct Line on the real app: the answer is about their case only, asks back when the case
// is unknown and matters, stays within its word budget, and gives the legal basis on request.
// The holdout set (holdout.yaml) is measured apart: npm run -s dvc -- situations --set=holdout.

/** The share of conversations that must pass; a little below what the assistant reaches. */
const PASS_FLOOR = 0.9;

jest.setTimeout(120_000);

describe('answers that fit the citizen\'s situation', () => {
  const conversations = loadSituations([SITUATIONS_DIR]).filter((c) => c.set === 'dev');
  let results: ConversationResult[];

  beforeAll(async () => {
    results = await playSituations(conversations);
    process.stderr.write(`${formatFigures(results, false).join('\n')}\n`);
  });

  it('has 20 development conversations or more, apart from the holdout', () => {
    expect(conversations.length).toBeGreaterThanOrEqual(20);
  });

  it(`passes at least ${PASS_FLOOR * 100}% of them`, () => {
    const { passed, conversations: total } = figuresOf(results);
    expect(passed / total).toBeGreaterThanOrEqual(PASS_FLOOR);
  });

  it('keeps every fee, time and place answer within its budget', () => {
    const over = results.flatMap((r) => r.turns).filter((t) => {
      const budget = WORD_BUDGETS[t.kind];
      return budget !== undefined && t.words > budget;
    }).map((t) => `"${t.say}" (${t.kind}): ${t.words} words`);
    expect(over).toEqual([]);
  });
});
