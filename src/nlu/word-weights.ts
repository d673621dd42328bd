import type { NormalizedText } from './vi/normalize.js';

/** A word in the questions of at least this share of procedures is generic. */
const GENERIC_SHARE = 0.5;

/**
 * How much each word of the procedures' names and aliases tells which procedure is meant:
 * how few procedures use it (IDF). Words that most procedures' questions use ("thủ tục",
 * "làm", "cho") are generic whatever the aliases say; that is judged on the words as written
 * with diacritics, so "cần" (need) does not make "căn" (of căn cước) generic.
 * Answers the weights by folded word, in order of first use.
 */
export function weighWords(procedures: ReadonlyArray<{ phrases: NormalizedText[]; questions?: NormalizedText[] }>): Map<string, number> {
  const aliasFrequency = new Map<string, number>();
  const aliasForms = new Map<string, Set<string>>();
  const questionFrequency = new Map<string, number>();
  let withQuestions = 0;
  for (const p of procedures) {
    for (const ph of p.phrases) {
      ph.folded.forEach((t, i) => {
        const forms = aliasForms.get(t) ?? new Set<string>();
        forms.add(ph.words[i] ?? t);
        aliasForms.set(t, forms);
      });
    }
    for (const t of new Set(p.phrases.flatMap((ph) => ph.folded))) aliasFrequency.set(t, (aliasFrequency.get(t) ?? 0) + 1);
    if (!p.questions?.length) continue;
    withQuestions++;
    for (const w of new Set(p.questions.flatMap((q) => q.words))) questionFrequency.set(w, (questionFrequency.get(w) ?? 0) + 1);
  }
  const n = procedures.length;
  const weights = new Map<string, number>();
  for (const [t, df] of aliasFrequency) {
    let asked = 0;
    for (const form of aliasForms.get(t) ?? []) asked = Math.max(asked, questionFrequency.get(form) ?? 0);
    const generic = withQuestions >= 10 && asked >= GENERIC_SHARE * withQuestions;
    weights.set(t, generic ? Math.log((withQuestions + 1) / asked) : Math.log((n + 1) / df));
  }
  return weights;
}
