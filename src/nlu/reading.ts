import type { AliasVocabulary } from './alias-vocabulary.js';
import { intentFeatures, wordFeatures } from './features.js';
import { ruleOutScopes } from './contrast.js';
import { findProcedures, type FindOptions, type ProcedureSearch } from './find-procedures.js';
import { isManipulation, legalBasisWords } from './guards.js';
import type { ProcedureMatch, ProcedureMatcher } from './procedure-matcher.js';
import type { ProcedureClassifier } from './procedure-classifier.js';
import { questionFocus, sliceText } from './question-focus.js';
import type { Lexicon } from './vi/lexicon.js';
import type { Clause } from './vi/clauses.js';
import { DOSSIER_CODE_WORD, type NormalizedText } from './vi/normalize.js';
import type { Vocabulary } from './vocabulary.js';

// How a question is read, the same way for training and for parsing: intent words put right,
// manipulation and legal-basis cues found, the procedure looked for in the question's clause
// first and then in the whole message, and the intent's features taken from the question's
// clause only (a story before the question says which procedure, not what is asked).

export interface ReadingParts {
  lexicon: Lexicon;
  matcher: ProcedureMatcher;
  aliases: AliasVocabulary;
  procedureClassifier: ProcedureClassifier;
  vocabulary: Vocabulary;
  options: FindOptions & { procedureGuess: number };
}

export interface Reading {
  /** The question's words, misspelt intent words put right. */
  norm: NormalizedText;
  manipulation: boolean;
  /** The message asks for the legal basis ("căn cứ pháp lý", "luật nào"). */
  legalBasis: boolean;
  search: ProcedureSearch;
  /** The words the intent is read from: the question's clause, or the whole message. */
  asked: NormalizedText;
  /** Unknown words of the asked part. */
  unknown: { unknown: number; total: number };
  /** Unknown words of the asked part besides the legal-basis words ("luật nào", "nghị định"). */
  unknownBesidesLegal: number;
  features: string[];
  /** Features of the rest of the message, around the question's clause. */
  context: string[];
  /** Features of the whole message when the question is one clause of it (null otherwise). */
  whole: string[] | null;
}

/** What a feature of the message around the question weighs beside one of the question... */
const CONTEXT_WEIGHT = 0.3;
/** ...and all of them together at most: a long story leans, it does not decide. */
const CONTEXT_BUDGET = 2;

/** The weight of each of `known` context features. */
export function contextWeight(known: number): number {
  return Math.min(CONTEXT_WEIGHT, CONTEXT_BUDGET / Math.max(1, known));
}

/** `ownDocument`: the question is a training utterance (its own words are not evidence it is known). */
export function readQuestion(parts: ReadingParts, raw: NormalizedText, ownDocument = false): Reading {
  const { cues } = parts.lexicon;
  const norm = cues.corrector.correct(raw, (word, folded) => parts.vocabulary.knows(word, folded));
  const legal = legalBasisWords(norm, cues);
  const focus = questionFocus(norm, cues);
  const search = searchMessage(parts, norm, focus, legal);
  const start = focus?.start ?? 0;
  const asked = focus ? sliceText(norm, focus.start, focus.end) : norm;
  // Question words are never part of a name, even where an alias holds them ("lệ phí trước bạ
  // ô tô bao nhiêu"): the classifier must see what is asked.
  const asking = cues.question.covered(asked);
  const span = new Set(shift(search.span, -start).filter((i) => i >= 0 && i < asked.words.length && !asking.has(i)));
  const unknown = parts.vocabulary.unknown(asked, ownDocument);
  const named = new Set(search.span);
  const outside = focus ? norm.folded.map((_, i) => i).filter((i) => i < focus.start || i >= focus.end) : [];
  return {
    norm,
    manipulation: isManipulation(norm, cues),
    legalBasis: legal.length > 0,
    search,
    asked,
    unknown,
    unknownBesidesLegal: legal.length ? parts.vocabulary.unknown(parts.aliases.without(asked, asked.folded.map((_, i) => legal.includes(i + start))), ownDocument).unknown : unknown.unknown,
    features: intentFeatures(asked.folded, span, unknown),
    context: wordFeatures(outside.map((i) => norm.folded[i] ?? ''), new Set(outside.flatMap((i, k) => (named.has(i) ? [k] : [])))),
    whole: focus ? intentFeatures(norm.folded, new Set([...named].filter((i) => !cues.question.covered(norm).has(i))), parts.vocabulary.unknown(norm, ownDocument)) : null,
  };
}

/**
 * The procedure of a message: the one its question's clause names ("Đi khai sinh cho cháu thì
 * nộp ở đâu?" after a story of a birth in hospital), unless the whole message names another
 * that holds every word the clause named it by ("… thẻ bảo hiểm y tế … Xin cấp lại thẻ cần
 * những gì?" is the health card, not the identity card "cấp lại thẻ" alone would name), or
 * names it far more strongly than the clause's procedure ("40 tuổi, căn cước … chuyển nhà
 * sang tỉnh khác thì có phải đổi thẻ không" is the identity card, not "sang tên xe khác tỉnh").
 */
function searchMessage(parts: ReadingParts, norm: NormalizedText, focus: Clause | null, legal: readonly number[]): ProcedureSearch {
  const found = namedProcedure(parts, norm, focus, legal);
  return found.accepted ? found : guessProcedure(parts, norm, legal, found);
}

/**
 * Where no name or alias is in the message, the procedure classifier's guess, when it is sure
 * ("bà ngoại tôi vừa mất, gia đình cần làm thủ tục gì" is khai tử). What the citizen rules out
 * and the legal-basis words are left out of what it reads.
 */
function guessProcedure(parts: ReadingParts, norm: NormalizedText, legal: readonly number[], found: ProcedureSearch): ProcedureSearch {
  const left = new Set([...legal, ...ruleOutScopes(norm, parts.lexicon.cues).flatMap((s) => [...s.cue, ...s.scope])]);
  const [guess] = parts.procedureClassifier.classify(left.size ? norm.folded.map((w, i) => (left.has(i) ? '' : w)) : norm.folded, 1);
  if (!guess || guess.probability < parts.options.procedureGuess) return found;
  const accepted: ProcedureMatch = { id: guess.id, score: 0, coverage: guess.probability, phrase: '', matched: [] };
  return { ...found, accepted, matches: [accepted] };
}

function namedProcedure(parts: ReadingParts, norm: NormalizedText, focus: Clause | null, legal: readonly number[]): ProcedureSearch {
  const whole = findProcedures(parts, parts.options, norm, legal);
  if (!focus) return whole;
  const inFocus = findProcedures(parts, parts.options, sliceText(norm, focus.start, focus.end), shift(legal, -focus.start));
  if (!inFocus.accepted || inFocus.accepted.id === whole.accepted?.id) return whole;
  const named = shift(inFocus.accepted.matched, focus.start);
  const best = whole.accepted;
  if (best && named.every((i) => best.matched.includes(i))) return whole;
  const inWhole = whole.candidates.find((m) => m.id === inFocus.accepted!.id);
  if (best && !(inWhole && inWhole.score >= FOCUS_SHARE * best.score)) return whole;
  return shiftSearch(inFocus, focus.start);
}

/**
 * The procedure a dossier-status question names, its dossier words and code left out ("mã hồ
 * sơ" does not name "mã số thuế"): "hồ sơ sang tên xe G22… xong chưa" is about sang tên xe.
 */
export function dossierProcedure(parts: ReadingParts, norm: NormalizedText): string | null {
  const ignore = [...parts.lexicon.cues.dossierWords.covered(norm)];
  norm.folded.forEach((w, i) => {
    if (w === DOSSIER_CODE_WORD) ignore.push(i);
  });
  return findProcedures(parts, parts.options, norm, ignore).accepted?.id ?? null;
}

/** The question's clause's procedure stands when the whole message scores it at least this share of its best. */
const FOCUS_SHARE = 0.5;

function shift(positions: readonly number[], by: number): number[] {
  return positions.map((i) => i + by);
}

function shiftMatch(m: ProcedureMatch, by: number): ProcedureMatch {
  return { ...m, matched: shift(m.matched, by) };
}

function shiftSearch(s: ProcedureSearch, by: number): ProcedureSearch {
  const candidates = s.candidates.map((m) => shiftMatch(m, by));
  const byId = new Map(candidates.map((m) => [m.id, m]));
  return {
    accepted: s.accepted ? byId.get(s.accepted.id) ?? shiftMatch(s.accepted, by) : null,
    matches: s.matches.map((m) => byId.get(m.id) ?? shiftMatch(m, by)),
    candidates,
    span: shift(s.span, by),
  };
}
