import { cuesOf } from './cues.js';
import type { AliasVocabulary } from './alias-vocabulary.js';
import { ruleOutScopes, withoutRuledOut } from './contrast.js';
import type { ProcedureMatch, ProcedureMatcher } from './procedure-matcher.js';
import { rewrittenWords, type Lexicon } from './vi/lexicon.js';
import type { NormalizedText } from './vi/normalize.js';
import type { Vocabulary } from './vocabulary.js';

export interface ProcedureSearch {
  accepted: ProcedureMatch | null;
  /** Candidates that pass the thresholds, best first. */
  matches: ProcedureMatch[];
  /** Every candidate, near misses included (for "did you mean"). */
  candidates: ProcedureMatch[];
  /** Positions of the words that name the accepted procedure. */
  span: number[];
}

export interface FindOptions {
  minCoverage: number;
  minProcedureScore: number;
}

export interface FindParts {
  matcher: ProcedureMatcher;
  aliases: AliasVocabulary;
  lexicon: Lexicon;
  vocabulary: Pick<Vocabulary, 'seen'>;
}

/** At most this many words a question can lose to being written otherwise than the match. */
const MAX_REMATCHES = 3;
/** Candidates looked at when the citizen rules some out: the ones left must still fill the list. */
const RULE_OUT_CANDIDATES = 10;
const CANDIDATES = 5;

export const NO_PROCEDURE_SEARCH: ProcedureSearch = { accepted: null, matches: [], candidates: [], span: [] };

/**
 * The procedures named by already-normalised words, and which words name the best one
 * (`span`: its matched words and the words of its names next to them). Words the citizen rules
 * out ("chứ không phải …") rule out the procedures only they name; `ignore` words (a
 * legal-basis question's) never name one.
 */
export function findProcedures(parts: FindParts, options: FindOptions, norm: NormalizedText, ignore: readonly number[] = []): ProcedureSearch {
  const cues = cuesOf(parts.lexicon);
  const scopes = ruleOutScopes(norm, cues);
  const asking = cues.question.covered(norm);
  const drop = new Set([...ignore, ...scopes.flatMap((s) => s.cue)]);
  const kept = drop.size ? parts.aliases.without(norm, norm.folded.map((_, i) => drop.has(i))) : norm;
  const rewritten = rewrittenWords(parts.lexicon);
  const respelt = parts.matcher.respell(kept, {
    // (a word the lexicon wrote before a question word is the question's: "tốn bao nhiêu" is no "tên")
    fixed: (i) => rewritten.has(kept.folded[i] ?? '') && asking.has(i + 1),
    seen: (i) => parts.vocabulary.seen(kept.folded[i] ?? ''),
    fits: (i) => parts.aliases.accepts(kept.words[i] ?? '', kept.folded[i] ?? ''),
  });
  // A word with the wrong marks stays when it makes a phrase with its neighbour, one of them distinctive ("kết hồn", not "làm thế").
  const { matcher } = parts;
  let question = parts.aliases.filter(respelt, (a, b) => matcher.hasPair(a, b) && (matcher.distinctive(a) || matcher.distinctive(b)));
  for (let pass = 0; ; pass++) {
    const found = parts.matcher.match(question, scopes.length ? RULE_OUT_CANDIDATES : CANDIDATES);
    const word = (i: number): string => question.folded[i] ?? '';
    const candidates = withoutRuledOut(found, scopes, (i) => parts.matcher.weight(word(i)), (i) => parts.matcher.distinctive(word(i))).slice(0, CANDIDATES);
    const named = candidates.filter((m) => m.coverage >= options.minCoverage && m.score >= options.minProcedureScore);
    const accepted = paperOverSituation(parts, named, candidates, word);
    const matches = accepted ? [accepted, ...named.filter((m) => m !== accepted)] : [];
    // The best procedure matched a word its own names write otherwise ("giảm" for "giám"):
    // match again without it.
    // So did a question word ("ở đâu" is no "lần đầu" with a dropped tone): one typed with its
    // marks, or one ending a question of several words ("o dau", while "lan dau" stays).
    const asked = (i: number): boolean => asking.has(i) && (question.words[i] !== question.folded[i] || asking.has(i - 1));
    const foreign = accepted && pass < MAX_REMATCHES
      ? [...parts.aliases.foreign(accepted.id, accepted.matched, question), ...accepted.matched.filter((i) => asked(i) && !parts.aliases.writes(accepted.id, question.words[i] ?? '', question.folded[i] ?? ''))]
      : [];
    if (!foreign.length) {
      return { accepted, matches, candidates, span: accepted ? parts.aliases.span(accepted.id, accepted.matched, question.folded) : [] };
    }
    question = parts.aliases.without(question, question.folded.map((_, i) => foreign.includes(i)));
  }
}

/** A word of a procedure's official name names its paper when it weighs at least this much ("cấp", "làm", "giấy" do not). */
const PAPER_WEIGHT = 1;
/** A paper outweighs another procedure's situation words when one of its words weighs at least this much ("đất", "chiếu"; not the "đổi" or "thẻ" every twin shares). */
const RIVAL_PAPER_WEIGHT = 2;

/** A procedure whose paper the question names outweighs one named by situation words alone when its phrase is covered at least this much. */
const PAPER_COVERAGE = 0.45;

/**
 * The accepted match of `named`: not one standing on an alias's situation or action words
 * alone ("lần đầu" of "làm căn cước lần đầu", "đi xuất khẩu lao động" of a criminal record's
 * alias) while a candidate scoring at least as much is named by its paper elsewhere in the
 * question ("giấy chứng nhận … lần đầu", "hộ chiếu"): the paper named outweighs the situation,
 * and stands itself when most of its phrase is there.
 */
function paperOverSituation(parts: FindParts, named: readonly ProcedureMatch[], candidates: readonly ProcedureMatch[], word: (i: number) => string): ProcedureMatch | null {
  const paper = (m: ProcedureMatch): number[] => m.matched.filter((i) => parts.aliases.inName(m.id, word(i)) && parts.matcher.weight(word(i)) >= PAPER_WEIGHT);
  const outweighing = (m: ProcedureMatch): ProcedureMatch | undefined =>
    m.coverage >= 1 || paper(m).length ? undefined : candidates.find((o) => o.id !== m.id && o.score >= m.score && paper(o).some((i) => !m.matched.includes(i) && parts.matcher.weight(word(i)) >= RIVAL_PAPER_WEIGHT));
  const first = named[0];
  const rival = first && outweighing(first);
  if (!first || !rival) return first ?? null;
  if (rival.coverage >= PAPER_COVERAGE) return rival;
  return named.find((m) => !outweighing(m)) ?? null;
}

/** The search with another of its matches as the accepted one (first), its span worked out. */
export function withAccepted(parts: FindParts, search: ProcedureSearch, accepted: ProcedureMatch, norm: NormalizedText): ProcedureSearch {
  return {
    ...search,
    accepted,
    matches: [accepted, ...search.matches.filter((m) => m !== accepted)],
    span: parts.aliases.span(accepted.id, accepted.matched, norm.folded),
  };
}
