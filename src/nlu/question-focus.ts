import type { Cues } from './cues.js';
import type { Clause } from './vi/clauses.js';
import type { NormalizedText } from './vi/normalize.js';

// A long message is a story, then the question ("Bà nội tôi mất được 3 tháng. … Việc đó làm ở
// đâu?"): the question decides what is asked, the whole message which procedure. The question
// is the last clause that ends with "?", holds a question word or ends as a yes/no question
// (cue words: intents/cues/vi.yaml); a message of one clause, or with no such clause, is read
// whole.

/** True when the clause asks something. */
export function isQuestionClause(norm: NormalizedText, clause: Clause, cues: Cues): boolean {
  if (clause.asked) return true;
  if (cues.question.find(norm).some((m) => m.start >= clause.start && m.end <= clause.end)) return true;
  const particles = cues.particles.covered(norm);
  let last = clause.end - 1;
  while (last > clause.start && particles.has(last)) last--;
  return last >= clause.start && cues.endings.covered(norm).has(last);
}

/** The clause that holds the question, or null when the message is read whole. */
export function questionFocus(norm: NormalizedText, cues: Cues): Clause | null {
  const clauses = norm.clauses;
  if (!clauses || clauses.length < 2) return null;
  for (let i = clauses.length - 1; i >= 0; i--) {
    if (isQuestionClause(norm, clauses[i]!, cues)) return clauses[i]!;
  }
  return null;
}

/** A question clause this short may go on the question before it ("qua mạng được không, trang nào?"). */
const SHORT_QUESTION = 3;

/**
 * The short question `focus` with the questions right before it ("làm qua mạng được không,
 * trang nào?"), for when it says too little by itself; null when there is none before it.
 */
export function questionRun(norm: NormalizedText, cues: Cues, focus: Clause): Clause | null {
  const clauses = norm.clauses ?? [];
  let first = clauses.indexOf(focus);
  if (first < 1 || focus.end - focus.start > SHORT_QUESTION) return null;
  while (first > 0 && isQuestionClause(norm, clauses[first - 1]!, cues)) first--;
  const start = clauses[first]!.start;
  return start === focus.start ? null : { start, end: focus.end, asked: focus.asked };
}

/** The words of [start, end), with the clauses inside it. */
export function sliceText(norm: NormalizedText, start: number, end: number): NormalizedText {
  const clauses = (norm.clauses ?? [])
    .filter((c) => c.end > start && c.start < end)
    .map((c) => ({ start: Math.max(c.start, start) - start, end: Math.min(c.end, end) - start, asked: c.asked }));
  return { words: norm.words.slice(start, end), folded: norm.folded.slice(start, end), clauses };
}

/**
 * The part of `clause` after its last topic word when that part asks ("Giờ tôi muốn rút bảo
 * hiểm xã hội một lần thì làm ở đâu?": "làm ở đâu"), or null: the words before it say what the
 * question is about, not what is asked.
 */
export function questionComment(norm: NormalizedText, cues: Cues, clause: Clause): Clause | null {
  const topics = cues.topic.find(norm).filter((m) => m.start > clause.start && m.end < clause.end);
  const last = topics[topics.length - 1];
  if (!last) return null;
  const comment = { start: last.end, end: clause.end, asked: clause.asked };
  return cues.question.find(norm).some((m) => m.start >= comment.start && m.end <= comment.end) ? comment : null;
}

/**
 * The part of `clause` after the last word naming the procedure when that part asks ("giờ muốn
 * hỏi khai sinh cho cháu ở đâu": "cho cháu ở đâu"), or null: a Vietnamese question names what it
 * is about, then asks about it, so the words before the name (what the citizen means to do,
 * "giờ muốn hỏi") say little of what is asked; "… là như thế nào" asks what the procedure is.
 * A question clause after the story naming the procedure asks with all its words. `named`: the positions of the name's words.
 */
export function afterName(norm: NormalizedText, cues: Cues, clause: Clause, named: readonly number[]): Clause | null {
  // (A question after a story that names the procedure asks about it with all its words: "… làm thẻ mới ở đâu".)
  const before = named.filter((i) => i < clause.end);
  if (!before.length) return null;
  const comment = { start: Math.max(clause.start, Math.max(...before) + 1), end: clause.end, asked: clause.asked };
  if (comment.start >= comment.end || cues.copula.covered(norm).has(comment.start)) return null;
  return cues.what.find(norm).some((m) => m.start >= comment.start && m.end <= comment.end) ? comment : null;
}
