import type { Cues } from './cues.js';
import type { RuleOut } from './contrast.js';
import { isQuestionClause } from './question-focus.js';
import type { Clause } from './vi/clauses.js';
import type { NormalizedText } from './vi/normalize.js';

// What each part of a long message says about the procedure: the question's clause and the
// clauses saying what the citizen means to do ("giờ muốn…", "cần xin…"; cue words: `aim`) say
// it most, and so does the clause a question points back at ("… Xin giấy này ở đâu?"; `refer`); the story around them ("đang hưởng án treo", "làm ở công ty xây dựng") only leans,
// and what the citizen rules out ("không phải đổi") says nothing.

/** What a background clause's word counts beside one of the question's or the aim's. */
export const BACKGROUND_WEIGHT = 0.5;

/**
 * Per word of `norm`, how much it says which procedure is meant (see above). `names`: the word
 * at i names a procedure (a question points back at the last clause before it that has one).
 */
export function roleWeights(norm: NormalizedText, cues: Cues, focus: Clause | null, scopes: readonly RuleOut[], names: (i: number) => boolean = () => true): number[] {
  const weights = norm.folded.map(() => 1);
  const clauses = norm.clauses ?? [];
  if (clauses.length > 1) {
    const aims = cues.aim.find(norm);
    // The question's clause, with the questions right before it ("Giờ có phải đổi thẻ không, hết bao nhiêu tiền?").
    let first = focus ? clauses.indexOf(focus) : clauses.length - 1;
    while (first > 0 && isQuestionClause(norm, clauses[first - 1]!, cues)) first--;
    const asked = new Set(clauses.slice(first, focus ? clauses.indexOf(focus) + 1 : clauses.length));
    // A question pointing back ("xin giấy này …") leads with the clause it points at.
    if (first > 0 && cues.refer.find(norm, clauses[first]!.start, (focus ?? clauses[clauses.length - 1]!).end).length) {
      let at = first - 1;
      while (at > 0 && !hasName(clauses[at]!, names)) at--;
      asked.add(clauses[at]!);
    }
    for (const c of clauses) {
      const leading = asked.has(c) || aims.some((m) => m.start >= c.start && m.start < c.end);
      if (!leading) for (let i = c.start; i < c.end; i++) weights[i] = BACKGROUND_WEIGHT;
    }
  }
  for (const { cue, scope } of scopes) for (const i of [...cue, ...scope]) weights[i] = 0;
  return weights;
}

function hasName(clause: Clause, names: (i: number) => boolean): boolean {
  for (let i = clause.start; i < clause.end; i++) if (names(i)) return true;
  return false;
}
