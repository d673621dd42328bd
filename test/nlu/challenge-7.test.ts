import { parseChallengeSet, type ChallengeSet } from '../helpers/challenge-set.js';

// The seventh challenge set (test/nlu/challenge-7.jsonl): misspelt procedure words (a wrong or
// dropped tone or letter, a slip into another real word), intent cue words said in everyday or
// regional words ("mấy tiền", "trên app làm sao", "bao lâu thì có", "giấy j", "mần răng"), bare
// statements of intent, abbreviations, and how-to or price questions outside public services.
// Its held-out sibling (challenge-7-holdout.jsonl) is measured only before and after the work.
// The floors sit a little below what the assistant reaches, so a regression shows without
// pinning a sentence.

describe('the seventh challenge set', () => {
  let set: ChallengeSet;
  beforeAll(() => {
    set = parseChallengeSet('challenge-7.jsonl');
  });

  it.each([
    ['all', 0.94],
    ['typo', 0.93],
    ['abbrev', 0.9],
    ['cue', 0.9],
    ['no-diacritics', 0.9],
    ['oos', 0.93],
  ])('gets intent and procedure both right on %s questions at or above %s', (tag, floor) => {
    // To see the misses: npm run -s dvc -- parse < <(jq -r .text test/nlu/challenge-7.jsonl)
    expect(set.bothRight(tag)).toBeGreaterThanOrEqual(floor);
  });

  it('never rejects more than one in fifty in-scope questions as none', () => {
    expect(set.falseNone()).toBeLessThanOrEqual(0.02);
  });
});
