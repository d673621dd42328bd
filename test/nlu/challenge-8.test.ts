import { parseChallengeSet, type ChallengeSet } from '../helpers/challenge-set.js';

// The eighth challenge set (test/nlu/challenge-8.jsonl): the intent between neighbouring intents
// (documents, fee, duration, place, steps, online, info) where a word of another intent is said
// in the story or in another role ("đã đóng tiền phạt", "ở công an huyện đông quá"), questions
// typed without marks or abbreviated ("bn", "j", "ntn", "dc", "ko"), long stories ending in the
// question, and informal ways of asking how long, how much, where, how and whether online. Its
// held-out sibling (challenge-8-holdout.jsonl) is measured only before and after the work. The
// floors sit a little below what the assistant reaches, so a regression shows without pinning a
// sentence.

describe('the eighth challenge set', () => {
  let set: ChallengeSet;
  beforeAll(() => {
    set = parseChallengeSet('challenge-8.jsonl');
  });

  it.each([
    ['all', 0.97],
    ['neighbour', 0.9],
    ['long', 0.93],
    ['abbrev', 0.93],
    ['no-diacritics', 0.95],
  ])('gets intent and procedure both right on %s questions at or above %s', (tag, floor) => {
    // To see the misses: npm run -s dvc -- parse < <(jq -r .text test/nlu/challenge-8.jsonl)
    expect(set.bothRight(tag)).toBeGreaterThanOrEqual(floor);
  });

  it('never rejects an in-scope question as none', () => {
    expect(set.falseNone()).toBeLessThanOrEqual(0.01);
  });
});

describe('the eighth held-back set', () => {
  let set: ChallengeSet;
  beforeAll(() => {
    set = parseChallengeSet('challenge-8-holdout.jsonl');
  });

  it.each([
    ['all', 0.94],
    ['neighbour', 0.9],
    ['long', 0.93],
    ['abbrev', 0.88],
    ['no-diacritics', 0.9],
  ])('gets intent and procedure both right on %s questions at or above %s', (tag, floor) => {
    expect(set.bothRight(tag)).toBeGreaterThanOrEqual(floor);
  });
});
