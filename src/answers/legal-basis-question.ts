import type { ParseResult } from '../nlu/recognizer.js';

// A question for the legal basis ("căn cứ pháp lý?", "theo văn bản nào?"). The NLU marks it
// `entities.facet: "legalBasis"` (nlu branch); until every parse does, the phrases below tell
// it. This file goes once the recognizer sets the facet itself.

const PHRASES = [
  'can cu phap ly', 'co so phap ly', 'can cu', 'theo van ban nao', 'van ban nao', 'van ban phap luat', 'van ban phap ly',
  'luat nao', 'nghi dinh nao', 'thong tu nao', 'quy dinh nao', 'quy dinh o dau', 'dua vao dau', 'dua tren van ban nao', 'theo luat nao',
].map((p) => p.split(' '));
/** Words that name nothing: "căn cứ pháp lý của thủ tục này là gì". */
const FILLER = new Set(['cua', 'thu', 'tuc', 'nay', 'do', 'la', 'gi', 'vay', 'a', 'theo', 'cho', 'hoi', 'toi', 'minh', 'xin', 'va', 'quy', 'dinh', 'the', 'thi', 'ban', 'oi', 'nhe', 'nhi', 'day', 'dau']);

export interface LegalBasisQuestion {
  /** Whether the message also names what it asks about (words besides the phrase). */
  namesSomething: boolean;
}

export function legalBasisQuestion(parse: ParseResult): LegalBasisQuestion | null {
  const tokens = parse.tokens;
  const marked = (parse.entities as { facet?: unknown }).facet === 'legalBasis';
  const used = new Set<number>();
  for (const phrase of PHRASES) {
    for (let i = 0; i + phrase.length <= tokens.length; i++) {
      if (phrase.every((w, k) => tokens[i + k] === w)) for (let k = 0; k < phrase.length; k++) used.add(i + k);
    }
  }
  if (!marked && !used.size) return null;
  return { namesSomething: tokens.some((t, i) => !used.has(i) && !FILLER.has(t)) };
}
