// A message cut into clauses at sentence ends and commas: "Bà nội tôi mất được 3 tháng. Việc đó
// làm ở đâu?" is two clauses, the second asked. The tokenizer drops punctuation, so each clause
// end becomes a placeholder word before normalising, and the words are split there after. A full
// stop cuts only before a space or the end ("TP.HCM", "59A-123.45" stay whole), a comma only
// outside a number ("1,5 triệu").

/** One clause of a normalised question: its words are words[start, end). */
export interface Clause {
  start: number;
  end: number;
  /** It ends with a question mark. */
  asked: boolean;
}

const BOUNDARY = /[?!;…\n]+|\.+(?=\s|$)|,(?!\d)|(?<!\d),/gu;

/** Placeholder words marking where a clause ends in a text normalised whole (never rewritten). */
export const CLAUSE_END_WORD = 'xxclauseendxx';
export const QUESTION_END_WORD = 'xxquestionendxx';

/** The text with each clause end replaced by a placeholder word: normalised in one pass, split after. */
export function markClauses(text: string): string {
  return text.replace(BOUNDARY, (m) => (m.includes('?') ? ` ${QUESTION_END_WORD} ` : ` ${CLAUSE_END_WORD} `));
}
