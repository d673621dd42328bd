import { parseChallengeSet, type ChallengeSet } from '../helpers/challenge-set.js';

// The sixth challenge set (test/nlu/challenge-6.jsonl): long stories that describe a procedure
// without naming it ("giấy xác nhận không có tiền án", "khoản hỗ trợ chi phí chôn cất"), near-twins
// told apart by the goal ("đã có giấy xác nhận độc thân, giờ muốn cưới" is kết hôn) and rule-outs
// of the only procedure named ("không phải xe mới, xe mua lại" is sang tên). Its held-out sibling
// (challenge-6-holdout.jsonl) is measured only before and after the work. The floors sit a
// little below what the assistant reaches, so a regression shows without pinning a sentence.

describe('the sixth challenge set', () => {
  let set: ChallengeSet;
  beforeAll(() => {
    set = parseChallengeSet('challenge-6.jsonl');
  });

  it.each([
    ['all', 0.85],
    ['confusable', 0.88],
    ['long', 0.8],
    ['contrast', 0.9],
  ])('gets intent and procedure both right on %s questions at or above %s', (tag, floor) => {
    // To see the misses: npm run -s dvc -- parse < <(jq -r .text test/nlu/challenge-6.jsonl)
    expect(set.bothRight(tag)).toBeGreaterThanOrEqual(floor);
  });

  it('never rejects more than one in fifty in-scope questions as none', () => {
    expect(set.falseNone()).toBeLessThanOrEqual(0.02);
  });
});
