import { cuesOf } from './cues.js';
import type { AliasVocabulary } from './alias-vocabulary.js';
import { askingFeatures, intentFeatures, wordFeatures } from './features.js';
import { ruleOutScopes } from './contrast.js';
import { findProcedures, withAccepted, type FindOptions, type ProcedureSearch } from './find-procedures.js';
import { isManipulation, legalBasisWords } from './guards.js';
import type { ProcedureMatch, ProcedureMatcher } from './procedure-matcher.js';
import type { ProcedureClassifier } from './procedure-classifier.js';
import type { CatalogueEvidence } from './catalogue/catalogue-evidence.js';
import type { SituationReader } from './situation/situation-reader.js';
import { roleWeights } from './sentence-roles.js';
import { afterName, isQuestionClause, questionComment, questionFocus, questionRun, sliceText } from './question-focus.js';
import type { Lexicon } from './vi/lexicon.js';
import type { Clause } from './vi/clauses.js';
import { DOSSIER_CODE_WORD, type NormalizedText } from './vi/normalize.js';
import type { Vocabulary } from './vocabulary.js';

// How a question is read, the same way for training and for parsing: intent words put right,
// manipulation and legal-basis cues found, the procedure looked for in the question's clause
// first and then in the whole message, and the intent's features taken from the question's
// clause only (a story before the question says which procedure, not what is asked).

export interface ReadingParts {
  /** What an imported catalogue adds (src/nlu/catalogue/); absent without one. */
  catalogue?: CatalogueEvidence;
  lexicon: Lexicon;
  matcher: ProcedureMatcher;
  aliases: AliasVocabulary;
  procedureClassifier: ProcedureClassifier;
  vocabulary: Vocabulary;
  options: FindOptions & { procedureGuess: number };
  /** Reads the citizen's situation; its ages are left out of the search when nothing is named with them. */
  situation?: SituationReader;
}

export interface Reading {
  /** The question's words, misspelt intent words put right. */
  norm: NormalizedText;
  manipulation: boolean;
  /** The message asks for the legal basis ("căn cứ pháp lý", "luật nào"). */
  legalBasis: boolean;
  /** The procedures the message names. */
  search: ProcedureSearch;
  /**
   * Where none is named, the procedure an imported catalogue's cells point to, else the
   * procedure classifier's guess (worked out when asked for).
   */
  guess: () => ProcedureSearch;
  /** The intent's features with another span of procedure words (a catalogue proposal's). */
  featuresWith: (span: readonly number[]) => string[];
  /** The words the intent is read from: the question's clause, or the whole message. */
  asked: NormalizedText;
  /** Unknown words of the asked part. */
  unknown: { unknown: number; total: number };
  /** Unknown words of the asked part besides the legal-basis words ("luật nào", "nghị định"). */
  unknownBesidesLegal: number;
  features: string[];
  /** Features of the rest of the message, around the question's clause. */
  context: string[];
  /** Features of the whole message when the question is one clause of it (null otherwise); worked out when asked for. */
  whole: (() => string[]) | null;
  /** Features of what is asked after the topic ("… thì làm ở đâu"; null when no topic word splits the question); worked out when asked for. */
  comment: (() => string[]) | null;
  /** Features of what the question's clause asks after the procedure's name ("… khai sinh cho cháu ở đâu"; null when nothing asks after it); worked out when asked for. */
  afterName: (() => string[]) | null;
  /** Features of a short question with the questions right before it (null when there are none); worked out when asked for. */
  run: (() => string[]) | null;
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
  const cues = cuesOf(parts.lexicon);
  const norm = cues.corrector.correct(raw, (word, folded) => parts.vocabulary.knows(word, folded));
  const legal = legalBasisWords(norm, cues);
  const focus = questionFocus(norm, cues);
  // What each word says of the procedure: the question and the aim most, the story less, what is ruled out nothing.
  const scopes = ruleOutScopes(norm, cues);
  const weights = roleWeights(norm, cues, focus, scopes, (i) => parts.matcher.distinctive(norm.folded[i] ?? ''));
  for (const i of legal) weights[i] = 0;
  const search = classifierOverNames(parts, norm, namedBesideAge(parts, norm, focus, legal), weights);
  const start = focus?.start ?? 0;
  const asked = focus ? sliceText(norm, focus.start, focus.end) : norm;
  // Question words are never part of a name, even where an alias holds them ("lệ phí trước bạ
  // ô tô bao nhiêu"): the classifier must see what is asked.
  const asking = cues.question.covered(asked);
  const spanOf = (named: readonly number[]): Set<number> => new Set(shift(named, -start).filter((i) => i >= 0 && i < asked.words.length && !asking.has(i)));
  const span = spanOf(search.span);
  const unknown = parts.vocabulary.unknown(asked, ownDocument);
  const named = new Set(search.span);
  const clause = focus ?? { start: 0, end: norm.words.length, asked: false };
  const outside = focus ? norm.folded.map((_, i) => i).filter((i) => i < focus.start || i >= focus.end) : [];
  return {
    norm,
    manipulation: isManipulation(norm, cues),
    legalBasis: legal.length > 0,
    search,
    guess: () => (search.accepted ? search : guessProcedure(parts, norm, weights, search, scopes.length > 0)),
    featuresWith: (named) => [...intentFeatures(asked.folded, spanOf(named), unknown), ...askingFeatures(asked, cues, new Set(shift(named, -start)))],
    asked,
    unknown,
    unknownBesidesLegal: legal.length ? parts.vocabulary.unknown(parts.aliases.without(asked, asked.folded.map((_, i) => legal.includes(i + start))), ownDocument).unknown : unknown.unknown,
    features: [...intentFeatures(asked.folded, span, unknown, search.accepted !== null && focus !== null), ...askingFeatures(asked, cues, new Set(shift(search.span, -start)))],
    context: wordFeatures(outside.map((i) => norm.folded[i] ?? ''), new Set(outside.flatMap((i, k) => (named.has(i) ? [k] : [])))),
    whole: focus ? () => [...intentFeatures(norm.folded, new Set([...named].filter((i) => !cues.question.covered(norm).has(i))), parts.vocabulary.unknown(norm, ownDocument)), ...askingFeatures(norm, cues, named)] : null,
    run: focus ? runFeatures(parts, norm, questionRun(norm, cues, focus), named, ownDocument) : null,
    comment: runFeatures(parts, norm, questionComment(norm, cues, clause), named, ownDocument),
    // (Question words are never the name's, even where a name's words are typed alike: "lần đầu ở đâu".)
    afterName: runFeatures(parts, norm, afterName(norm, cues, clause, search.span.filter((i) => !cues.question.covered(norm).has(i))), named, ownDocument, true),
  };
}

/** The intent's features of the words of `run` (see questionRun, questionComment, afterName), worked out when asked for; `namedBefore`: the procedure is named before them. */
function runFeatures(parts: ReadingParts, norm: NormalizedText, run: Clause | null, named: ReadonlySet<number>, ownDocument: boolean, namedBefore = false): (() => string[]) | null {
  if (!run) return null;
  return () => {
    const words = sliceText(norm, run.start, run.end);
    const asking = cuesOf(parts.lexicon).question.covered(words);
    const span = new Set(shift([...named], -run.start).filter((i) => i >= 0 && i < words.words.length && !asking.has(i)));
    return [...intentFeatures(words.folded, span, parts.vocabulary.unknown(words, ownDocument), namedBefore), ...askingFeatures(words, cuesOf(parts.lexicon), new Set(shift([...named], -run.start)))];
  };
}

/**
 * Where no name or alias is in the message, the procedure classifier's guess, when it is sure
 * ("bà ngoại tôi vừa mất, gia đình cần làm thủ tục gì" is khai tử). It reads the words by
 * their role (`weights`: what the citizen rules out and the legal-basis words not at all).
 */
function guessProcedure(parts: ReadingParts, norm: NormalizedText, weights: readonly number[], found: ProcedureSearch, rulesOut: boolean): ProcedureSearch {
  const [guess] = parts.procedureClassifier.classify(norm.folded, 1, weights);
  // A sure guess of a curated procedure stands before a catalogue's cells are read. Where the
  // citizen rules the one named out ("không phải đăng ký xe mới, xe mua lại"), what is left
  // says which sibling is meant: a likelier guess than not is enough.
  const sure = guess && guess.probability >= (rulesOut ? RULED_OUT_GUESS : parts.options.procedureGuess);
  const read = { ...norm, folded: norm.folded.map((w, i) => (weights[i] === 0 ? '' : w)) };
  const proposed = sure ? null : parts.catalogue?.propose(read);
  if (proposed) return { accepted: proposed, matches: [proposed], candidates: [proposed, ...found.candidates], span: proposed.matched };
  if (!guess || !sure) return found;
  const accepted: ProcedureMatch = { id: guess.id, score: 0, coverage: guess.probability, phrase: '', matched: [] };
  return { ...found, accepted, matches: [accepted] };
}

/** A guess stands at this probability when the message rules a procedure out. */
const RULED_OUT_GUESS = 0.5;

/** The classifier overrules the names when it is this sure of another procedure... */
const OVERRULING_GUESS = 0.95;
/** ...and this sure when the message says the whole name it found (a guess from a story's few plain words is not enough). */
const OVERRULING_FULL_NAME_GUESS = 0.99;

/**
 * The procedure the classifier is sure of, over the one the names found, when the message is
 * more than one plain naming: a story whose background names another procedure ("bảo hiểm xã
 * hội … hỗ trợ chi phí chôn cất" is trợ cấp mai táng), a near-twin said in other words
 * ("đóng tiền bảo hiểm y tế xong bao lâu thẻ có giá trị" is gia hạn), or a twin ruled out
 * ("không bị mất, chỉ là bằng giấy cũ"). A question of one clause keeps the name it holds
 * ("đổi gplx cần những giấy tờ gì"): how much of a name it covers moves with the catalogue loaded.
 */
function classifierOverNames(parts: ReadingParts, norm: NormalizedText, found: ProcedureSearch, weights: readonly number[]): ProcedureSearch {
  const named = found.accepted;
  // (An imported catalogue's procedure is the catalogue's to tell from its curated twin.)
  if (!named || !parts.procedureClassifier.knows(named.id) || (norm.clauses?.length ?? 1) < 2) return found;
  const [guess] = parts.procedureClassifier.classify(norm.folded, 1, weights);
  // (Weight 0 marks words the message rules out: a name said only to be ruled out is no full name.)
  const needed = named.coverage >= 1 && !weights.includes(0) ? OVERRULING_FULL_NAME_GUESS : OVERRULING_GUESS;
  if (!guess || guess.id === named.id || guess.probability < needed) return found;
  const accepted = found.candidates.find((m) => m.id === guess.id) ?? { id: guess.id, score: 0, coverage: guess.probability, phrase: '', matched: [] };
  return { ...found, accepted, matches: [accepted] };
}

/**
 * An age is the citizen's situation, not a procedure's name: when the words name no
 * procedure, they are searched again without the ages said with a number ("làm căn cước cho
 * bé mới 4 tuổi", where an alias about "tuổi" drew the match away). Word positions stay.
 */
function namedBesideAge(parts: ReadingParts, norm: NormalizedText, focus: Clause | null, legal: readonly number[]): ProcedureSearch {
  const found = namedProcedure(parts, norm, focus, legal);
  const masked = found.accepted ? norm : parts.situation?.withoutAges(norm) ?? norm;
  return masked === norm ? found : namedProcedure(parts, masked, focus, legal);
}

/**
 * The procedure a message names: the whole message is searched, and of the procedures it
 * names about as strongly as the best (FOCUS_SHARE), the one the question's clause names most
 * stands ("Đi khai sinh cho cháu thì nộp ở đâu?" after a story of a birth in hospital). The best
 * stands when the clause's words name it too: all of them ("… thẻ bảo hiểm y tế … Xin cấp lại
 * thẻ cần những gì?": "cấp lại thẻ" names the identity card too) or about as strongly as the
 * other ("Sửa lại giấy khai sinh…" after a story of a wrong birth date names the correction
 * about as much as a copy); or when the whole message names it far more strongly ("40 tuổi,
 * căn cước … chuyển nhà sang tỉnh khác thì có phải đổi thẻ không" is the identity card, not
 * "sang tên xe khác tỉnh"). Where the clause names none, the clause saying what the citizen
 * means to do is read instead (aimClause).
 */
function namedProcedure(parts: ReadingParts, norm: NormalizedText, focus: Clause | null, legal: readonly number[]): ProcedureSearch {
  const whole = reviewed(parts, norm, findProcedures(parts, parts.options, norm, legal), legal);
  if (!focus || !whole.accepted) return whole;
  return namedIn(parts, norm, focus, legal, whole)
    ?? namedIn(parts, norm, askingRun(parts, norm, focus), legal, whole)
    ?? namedIn(parts, norm, aimClause(parts, norm, focus, whole.accepted), legal, whole)
    ?? whole;
}

/**
 * The questions right before the question's clause, with it ("Giờ có phải đổi thẻ căn cước
 * không, hết bao nhiêu tiền?"): they are asked too, so what they name goes before the story's
 * procedures; null when the clause before it does not ask.
 */
function askingRun(parts: ReadingParts, norm: NormalizedText, focus: Clause): Clause | null {
  const clauses = norm.clauses ?? [];
  const cues = cuesOf(parts.lexicon);
  let first = clauses.indexOf(focus);
  while (first > 0 && isQuestionClause(norm, clauses[first - 1]!, cues)) first--;
  const start = clauses[first]?.start ?? focus.start;
  return start < focus.start ? { start, end: focus.end, asked: focus.asked } : null;
}

/**
 * Where the question's clause names no procedure, the last clause before it that says
 * what the citizen means to do ("giờ anh ấy muốn làm thủ tục nhận con"; cue words: `aim`).
 */
function aimClause(parts: ReadingParts, norm: NormalizedText, focus: Clause, best: ProcedureMatch): Clause | null {
  if (best.matched.some((i) => i >= focus.start && i < focus.end)) return null;
  const aims = cuesOf(parts.lexicon).aim.find(norm, 0, focus.start);
  if (!aims.length || findProcedures(parts, parts.options, sliceText(norm, focus.start, focus.end)).accepted) return null;
  const last = aims[aims.length - 1];
  return last ? norm.clauses?.find((c) => c.start <= last.start && last.start < c.end) ?? null : null;
}

/** The procedure `clause` names, when it stands against the best of the whole message (see namedProcedure); null when the whole message's stands. */
function namedIn(parts: ReadingParts, norm: NormalizedText, clause: Clause | null, legal: readonly number[], whole: ProcedureSearch): ProcedureSearch | null {
  const best = whole.accepted;
  if (!clause || !best) return null;
  // The clause is searched alone only when it holds a word of the names that the best match lacks.
  const named = new Set(best.matched.map((i) => norm.folded[i]));
  let other = false;
  for (let i = clause.start; i < clause.end && !other; i++) other = !named.has(norm.folded[i]) && parts.matcher.weight(norm.folded[i] ?? '') > 0;
  if (!other) return null;
  const inClause = findProcedures(parts, parts.options, sliceText(norm, clause.start, clause.end), shift(legal, -clause.start));
  const chosen = inClause.accepted && whole.candidates.find((m) => m.id === inClause.accepted!.id);
  if (!chosen || chosen.id === best.id || chosen.score < FOCUS_SHARE * best.score) return null;
  if (shift(inClause.accepted!.matched, clause.start).every((i) => best.matched.includes(i))) return null;
  // The clause names the best about as strongly too ("đổi thẻ có cần mang giấy khai sinh không"): it stands.
  const bestInClause = inClause.candidates.find((m) => m.id === best.id);
  if (bestInClause && bestInClause.score >= FOCUS_SHARE * inClause.accepted!.score) return null;
  return withAccepted(parts, whole, chosen, norm);
}

/** The search after an imported catalogue's say on near-twins and unexplained words (src/nlu/catalogue/). */
function reviewed(parts: ReadingParts, norm: NormalizedText, searched: ProcedureSearch, legal: readonly number[]): ProcedureSearch {
  if (!parts.catalogue) return searched;
  // Where the catalogue's names leave no procedure named, the curated procedures matched as if
  // no catalogue were loaded stand: its many names make the curated names' words look common.
  const { catalogue } = parts;
  const plain = searched.accepted ? null : findProcedures({ ...parts, matcher: catalogue.curatedMatcher }, parts.options, norm, legal).accepted;
  const found = plain ? withAccepted(parts, searched, plain, norm) : searched;
  // What the citizen rules out ("chứ không phải xóa thường trú") names no twin and no topic.
  const ruledOut = new Set(ruleOutScopes(norm, cuesOf(parts.lexicon)).flatMap((s) => [...s.cue, ...s.scope]));
  const said = ruledOut.size ? { ...norm, folded: norm.folded.map((t, i) => (ruledOut.has(i) ? '' : t)) } : norm;
  const { accepted, matches } = parts.catalogue.review(said, found.accepted, found.matches, found.candidates, norm.folded);
  // A question the curated procedures answer alone is an imported procedure's only when it says what tells its name
  // apart, and is not moved to another curated procedure by the catalogue's names.
  const own = accepted ? plain ?? findProcedures({ ...parts, matcher: catalogue.curatedMatcher }, parts.options, norm, legal).accepted : null;
  if (accepted && own && own.id !== accepted.id && (!catalogue.isImported(accepted.id) || !catalogue.mayTake(accepted, said, own))) {
    return withAccepted(parts, searched, own, norm);
  }
  if (accepted === found.accepted) return { ...found, matches };
  return { ...found, accepted, matches, span: accepted ? parts.aliases.span(accepted.id, accepted.matched, norm.folded) : [] };
}

/**
 * The procedure a dossier-status question names: the one found, unless it was named only by
 * the question's dossier words ("tra cứu mã …" is not "tra cứu mã số thuế"): "hồ sơ sang tên
 * xe G22… xong chưa" is about sang tên xe.
 */
export function dossierProcedure(parts: ReadingParts, reading: Reading): string | null {
  const { accepted } = reading.search;
  if (!accepted || !accepted.matched.length) return null;
  const dossier = cuesOf(parts.lexicon).dossierWords.covered(reading.norm);
  return accepted.matched.some((i) => !dossier.has(i) && reading.norm.folded[i] !== DOSSIER_CODE_WORD) ? accepted.id : null;
}

/** The question's clause's procedure stands when the whole message scores it at least this share of its best. */
const FOCUS_SHARE = 0.5;

function shift(positions: readonly number[], by: number): number[] {
  return positions.map((i) => i + by);
}
