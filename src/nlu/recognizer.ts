import type { KnowledgeBase } from '../knowledge/knowledge-base.js';
import { extractDossierCode, maskDossierCodes } from './dossier-code.js';
import type { ProcedureSearch } from './find-procedures.js';
import { isGoodsPrice, isLooseHowTo, isTrade } from './guards.js';
import { IntentClassifier, classifyAsking, type IntentScore } from './intent-classifier.js';
import { PROCEDURE_INTENTS, type Intent } from './intents.js';
import type { ProcedureMatcher } from './procedure-matcher.js';
import type { ProcedureClassifier } from './procedure-classifier.js';
import { contextWeight, dossierProcedure, readQuestion, type Reading } from './reading.js';
import { CLAUSE_END_WORD, QUESTION_END_WORD, markClauses, type Clause } from './vi/clauses.js';
import { DOSSIER_CODE_WORD, normalizeText, type NormalizedText } from './vi/normalize.js';
import type { Lexicon } from './vi/lexicon.js';
import { foldText } from './vi/fold.js';
import { cuesOf } from './cues.js';
import type { AliasVocabulary } from './alias-vocabulary.js';
import type { Vocabulary } from './vocabulary.js';
import type { SituationReader } from './situation/situation-reader.js';
import type { Situation } from './situation/situation.js';
import type { AgeSubject } from './situation/age-reader.js';
import type { CatalogueEvidence } from './catalogue/catalogue-evidence.js';

/** Marks on a parse: `manipulation` for an attempt to override the rules or obtain people's data. */
export type ParseFlag = 'manipulation';

export interface ParseResult {
  text: string;
  intent: Intent;
  confidence: number;
  procedure: string | null;
  /** `facet: "legalBasis"`: the question asks for the procedure's legal basis. */
  entities: { dossierCode?: string; field?: string; facet?: 'legalBasis'; situation?: Situation; situationOnly?: true; subject?: AgeSubject };
  /** Ranked intents with calibrated confidences. */
  intents: IntentScore[];
  /** Candidate procedures, best first, including near misses (for "did you mean"). */
  procedures: Array<{ id: string; score: number; coverage: number }>;
  /** Set when the two best procedures are too close to choose: ask which one. */
  ambiguous: string[] | null;
  tokens: string[];
  /** Set only when something is to be flagged (the inbox records it). */
  flags?: ParseFlag[];
}

export interface RecognizerOptions {
  /** Below this confidence the answer is `none`. */
  noneThreshold: number;
  /** A procedure is named when this share of an alias's weight is in the question. */
  minCoverage: number;
  /** ...and the match scores at least this much. */
  minProcedureScore: number;
  /** Procedures scoring at least this share of the best one's score are ambiguous with it. */
  ambiguityRatio: number;
  /**
   * A narrower question (fee, place...) is answered only when it holds at least this share of
   * the procedure intents' confidence; below it no narrower question stands out and the
   * message asks about the procedure as a whole (`procedure.info`), e.g. a bare name.
   */
  narrowShare: number;
  /** A procedure.info that names no procedure needs this confidence, or it is `none` ("có rồi"). */
  unnamedInfoThreshold: number;
  /**
   * Where no name or alias is in the question, the procedure classifier's guess stands when
   * its (calibrated) probability is at least this ("bà ngoại tôi vừa mất, cần làm thủ tục gì").
   */
  procedureGuess: number;
}

export const DEFAULT_RECOGNIZER_OPTIONS: RecognizerOptions = {
  noneThreshold: 0.35,
  minCoverage: 0.55,
  minProcedureScore: 1.5,
  ambiguityRatio: 0.9,
  narrowShare: 0.3,
  unnamedInfoThreshold: 0.5,
  procedureGuess: 0.9,
};

const MAX_AMBIGUOUS = 3;

/** What the recognizer needs; built once per model (see train.ts). */
export interface RecognizerParts {
  lexicon: Lexicon;
  matcher: ProcedureMatcher;
  aliases: AliasVocabulary;
  classifier: IntentClassifier;
  /** Which procedure, learned from names, aliases and questions (where no name is written). */
  procedureClassifier: ProcedureClassifier;
  vocabulary: Vocabulary;
  fields: ReadonlyArray<{ name: string; folded: string[] }>;
  options: RecognizerOptions;
  /** Reads the citizen's situation (age, reason…) into `entities.situation`. */
  situation?: SituationReader;
  /** What an imported catalogue adds (src/nlu/catalogue/); absent without one. */
  catalogue?: CatalogueEvidence;
}

/**
 * A question's words as every part of understanding sees them: dossier codes stand as one
 * word, and the clauses (sentences and comma-separated parts) are marked.
 */
export function normalizeQuestion(text: string, lexicon: Lexicon): NormalizedText {
  const masked = maskDossierCodes(text, DOSSIER_CODE_WORD);
  if (!MAY_END_CLAUSE.test(masked)) {
    const norm = normalizeText(masked, lexicon);
    return { ...norm, clauses: [{ start: 0, end: norm.words.length, asked: false }] };
  }
  const all = normalizeText(markClauses(masked), lexicon);
  const words: string[] = [];
  const folded: string[] = [];
  const clauses: Clause[] = [];
  let start = 0;
  const end = (asked: boolean): void => {
    if (words.length > start) clauses.push({ start, end: words.length, asked });
    else if (asked && clauses.length) clauses[clauses.length - 1]!.asked = true;
    start = words.length;
  };
  all.words.forEach((word, i) => {
    if (word === CLAUSE_END_WORD || word === QUESTION_END_WORD) end(word === QUESTION_END_WORD);
    else {
      words.push(word);
      folded.push(all.folded[i] ?? word);
    }
  });
  end(false);
  return { words, folded, clauses };
}

/** A character that may end a clause (see vi/clauses.ts). */
const MAY_END_CLAUSE = /[?!;…\n.,]/;

/** A question's clause this unsure of its intent lets the whole message decide, if surer. */
const VAGUE_QUESTION = 0.5;

/** What is asked after the topic overrules a reading as procedure.info when this sure of a narrower question. */
const NARROW_COMMENT = 0.85;

/** A how-to question names a procedure by a pair of its words when one weighs at least this share of the most telling word's weight. */
const TELLING_SHARE = 0.4;

/** Above this confidence a legal-basis or procedure-naming cue stands whatever the classifier says. */
const CUE_CONFIDENCE = 0.9;

export class Recognizer {
  constructor(private readonly parts: RecognizerParts) {}

  normalize(text: string): NormalizedText {
    return normalizeQuestion(text, this.parts.lexicon);
  }

  /** How the question is read: its words, cues, procedures and intent features. */
  read(text: string): Reading {
    return readQuestion(this.parts, this.normalize(text));
  }

  parse(text: string): ParseResult {
    const { options, lexicon } = this.parts;
    const reading = this.read(text);
    const dossierCode = extractDossierCode(text);
    if (reading.manipulation) return refused(text, reading, dossierCode);
    const { norm } = reading;
    let intents = this.classify(reading);
    // Where no procedure is named, a guess is looked for only when the question is about one.
    const search = reading.search.accepted || !(PROCEDURE_INTENTS.has(decide(intents, options.narrowShare).intent) || storyAsks(intents)) ? reading.search : reading.guess();
    const { accepted } = search;
    // A catalogue's proposal names the procedure by words of its cells: the intent is read without them.
    if (search !== reading.search && search.span.length) intents = this.classify({ ...reading, features: reading.featuresWith(search.span) });
    let { intent, confidence } = accepted ? decide(intents, options.narrowShare, search !== reading.search) : intents[0] ?? { intent: 'none' as Intent, confidence: 0 };
    const unknown = reading.unknown.unknown > 0;
    // A question about "the procedure" that names none is a follow-up ("lệ phí bao nhiêu?"):
    // it is in scope only when every word is one the assistant knows ("phí ship bao nhiêu" is not).
    if (!accepted && PROCEDURE_INTENTS.has(intent) && unknown) intent = 'none';
    // Nor is there a follow-up asking about "the procedure" as a whole: a procedure.info that
    // names none is a story about one ("mẹ tôi 80 tuổi, không có lương hưu...") only when sure.
    if (!accepted && intent === 'procedure.info' && confidence < options.unnamedInfoThreshold) intent = 'none';
    // "Căn cứ pháp lý là gì?": about the procedure in play, or the one named.
    const legalBasis = reading.legalBasis && !dossierCode && (accepted !== null || reading.unknownBesidesLegal === 0);
    if (legalBasis) {
      intent = 'procedure.info';
      confidence = Math.max(confidence, CUE_CONFIDENCE);
    }

    if (dossierCode && intent !== 'handoff') {
      intent = 'dossier.status';
      confidence = Math.max(confidence, CUE_CONFIDENCE);
    }
    if (confidence < options.noneThreshold) intent = 'none';
    // "Giá xe máy bao nhiêu": the price of goods, not a fee.
    const distinctive = (w: string): boolean => this.parts.matcher.distinctive(w);
    if (PROCEDURE_INTENTS.has(intent) && !legalBasis && isGoodsPrice(norm, cuesOf(lexicon), distinctive)) intent = 'none';
    // "Sửa xe máy ở đâu": a shop, not the place of a procedure.
    if ((intent === 'procedure.location' || intent === 'procedure.fee') && isTrade(norm, cuesOf(lexicon), distinctive, accepted?.matched)) intent = 'none';
    // "Lam sao de giam can": a how-to question that names no procedure by two words of its name.
    if (PROCEDURE_INTENTS.has(intent) && accepted?.matched.length && isLooseHowTo(norm, cuesOf(lexicon), accepted.matched, (i) => this.together(norm, i))) intent = 'none';

    const entities: ParseResult['entities'] = {};
    if (dossierCode) entities.dossierCode = dossierCode;
    if (legalBasis) entities.facet = 'legalBasis';
    const statement = this.parts.situation?.readStatement(norm);
    if (statement) entities.situation = statement.situation;
    // "ở hà nội" after a fee question: a situation, not a question about places.
    if (statement?.only) entities.situationOnly = true;
    const subject = this.parts.situation?.subject(norm);
    if (subject) entities.subject = subject;
    if (intent === 'procedure.list') {
      const field = this.findField(norm);
      if (field) entities.field = field;
    }
    // A dossier-status question that names its procedure keeps it ("hồ sơ sang tên xe xong chưa").
    const procedure = PROCEDURE_INTENTS.has(intent) ? accepted?.id ?? null : intent === 'dossier.status' ? dossierProcedure(this.parts, reading) : null;
    return {
      text,
      intent,
      confidence: round(intent === 'none' && intents[0]?.intent !== 'none' ? 1 - confidence : confidence),
      procedure,
      entities,
      intents: intents.slice(0, 3).map((s) => ({ intent: s.intent, confidence: round(s.confidence) })),
      procedures: candidatesOf(search),
      ambiguous: procedure && PROCEDURE_INTENTS.has(intent) ? ambiguity(search, options.ambiguityRatio) : null,
      tokens: norm.folded,
    };
  }

  /**
   * The intents of the question's clause, with the rest of the message as context; when the
   * clause says little by itself ("cụ thể là sao?", "có đúng không?", "trang nào?") the
   * questions before it, or the whole message, are read instead, if they say more.
   */
  private classify(reading: Reading): IntentScore[] {
    const { classifier } = this.parts;
    const asked = this.narrowed(reading, classifyAsking(classifier, reading.search.accepted !== null, reading.features, reading.context, contextWeight(classifier.knownFeatures(reading.context))));
    if (!reading.whole && !reading.comment) return asked;
    const top = asked[0];
    const vague = !top || top.confidence < VAGUE_QUESTION || (top.intent === 'none' && reading.search.accepted !== null);
    if (!vague) return asked;
    // What is asked after the topic, the questions before a short one, then the whole message: the surest reading stands.
    let best = asked;
    // (What follows a topic is looked at only when a procedure is named: "… ngoại tình thì làm sao" names none.)
    for (const other of [reading.search.accepted ? reading.comment : null, reading.run, reading.whole]) {
      const scores = other ? classifyAsking(classifier, reading.search.accepted !== null, other()) : [];
      if ((scores[0]?.confidence ?? 0) > (best[0]?.confidence ?? 0)) best = scores;
    }
    return best;
  }

  /**
   * A question read as about the procedure as a whole whose words after the topic ask something
   * narrower, surely ("giờ tôi muốn rút bảo hiểm xã hội một lần thì làm ở đâu"): the narrower
   * question stands; the story words of the topic ("muốn", "giờ") only lean towards info.
   */
  private narrowed(reading: Reading, scores: IntentScore[]): IntentScore[] {
    const read = decide(scores, this.parts.options.narrowShare).intent;
    if (!PROCEDURE_INTENTS.has(read)) return scores;
    // (A narrower reading is overruled only by what is asked after the name: the words of a topic may still be its own.)
    for (const words of read === 'procedure.info' ? [reading.comment, reading.afterName] : [reading.afterName]) {
      const comment = words ? classifyAsking(this.parts.classifier, reading.search.accepted !== null, words()) : [];
      const top = comment[0];
      if (top && top.intent !== 'procedure.info' && PROCEDURE_INTENTS.has(top.intent) && top.confidence >= NARROW_COMMENT) return comment;
    }
    return scores;
  }

  /**
   * The words at i and i + 1 stand together in a name, one of them a word few names use ("khai
   * tử", not the "cho người" of an alias); or one is no word of the language (a misspelling the
   * matcher puts right) beside such a word.
   */
  private together(norm: NormalizedText, i: number): boolean {
    const [a, b] = [norm.folded[i] ?? '', norm.folded[i + 1] ?? ''];
    const { matcher, vocabulary, catalogue } = this.parts;
    // (Telling among the curated procedures too: a catalogue's many names make "kinh doanh" common.)
    const share = (w: string): number => Math.max(matcher.weightShare(w), catalogue?.curatedMatcher.weightShare(w) ?? 0);
    const telling = Math.max(share(a), share(b)) >= TELLING_SHARE;
    return telling && (matcher.hasPair(a, b) || !vocabulary.seen(a) || !vocabulary.seen(b));
  }

  private findField(norm: NormalizedText): string | undefined {
    const words = new Set(norm.folded);
    let best: { name: string; hits: number } | undefined;
    for (const f of this.parts.fields) {
      const hits = f.folded.filter((w) => words.has(w)).length;
      if (hits === f.folded.length && (!best || hits > best.hits)) best = { name: f.name, hits };
    }
    return best?.name;
  }
}

/**
 * When a procedure is named, the seven procedure.* intents share one question ("about this
 * procedure"): their summed confidence competes with the other intents, then the likeliest
 * of them is the answer. A bare procedure name spreads confidence evenly over them, and
 * still wins as a group; with no narrower question standing out (under `narrowShare` of the
 * group) the answer is `procedure.info`, as the contract says of a bare name. Without this,
 * naive Bayes would pick the intent whose examples are shortest (the fee questions).
 */
export function decide(intents: IntentScore[], narrowShare = 0, guessed = false): IntentScore {
  let group = 0;
  let bestInGroup: IntentScore | undefined;
  let bestOther: IntentScore | undefined;
  for (const s of intents) {
    if (PROCEDURE_INTENTS.has(s.intent)) {
      group += s.confidence;
      if (!bestInGroup || s.confidence > bestInGroup.confidence) bestInGroup = s;
    } else if (!bestOther || s.confidence > bestOther.confidence) {
      bestOther = s;
    }
  }
  // A procedure the classifier is sure of, where no name is written, makes the story a question about it when the procedure intents hold a fair share.
  if (bestInGroup && (!bestOther || group > bestOther.confidence || (guessed && group >= GUESSED_GROUP))) {
    const intent = bestInGroup.confidence < narrowShare * group ? 'procedure.info' : bestInGroup.intent;
    return { intent, confidence: group };
  }
  return bestOther ?? { intent: 'none', confidence: 0 };
}

/**
 * A story that names no procedure and reads as `none` by a little, while the procedure intents
 * hold a fair share ("Ông nội tôi 81 tuổi, không có lương hưu… làm sao để nhận?"): it asks about a
 * procedure when the classifier is sure which one (see decide).
 */
function storyAsks(intents: readonly IntentScore[]): boolean {
  return intents[0]?.intent === 'none' && intents.reduce((sum, s) => sum + (PROCEDURE_INTENTS.has(s.intent) ? s.confidence : 0), 0) >= GUESSED_GROUP;
}

/** The procedure intents' share of a story that makes it a question about the procedure guessed. */
const GUESSED_GROUP = 0.35;

/**
 * A manipulation attempt: `none`, flagged, with nothing of its words taken as a request. A
 * dossier code it holds is still reported (the contract's entity), never looked up: the
 * dialogs leave a flagged message alone.
 */
function refused(text: string, reading: Reading, dossierCode: string | null): ParseResult {
  return {
    text,
    intent: 'none',
    confidence: 1,
    procedure: null,
    entities: dossierCode ? { dossierCode } : {},
    intents: [{ intent: 'none', confidence: 1 }],
    procedures: [],
    ambiguous: null,
    tokens: reading.norm.folded,
    flags: ['manipulation'],
  };
}

function candidatesOf(search: ProcedureSearch): ParseResult['procedures'] {
  return search.candidates.slice(0, 3).map((m) => ({ id: m.id, score: round(m.score), coverage: round(m.coverage) }));
}

/** Every procedure about as likely as the best (up to three): the assistant asks which. */
function ambiguity(search: ProcedureSearch, ratio: number): string[] | null {
  const { accepted, matches } = search;
  if (!accepted) return null;
  const close = matches.slice(0, MAX_AMBIGUOUS).filter((m) => m.score >= accepted.score * ratio);
  return close.length > 1 ? close.map((m) => m.id) : null;
}

function round(x: number): number {
  return Math.round(x * 1000) / 1000;
}

export function fieldsOf(knowledge: KnowledgeBase): Array<{ name: string; folded: string[] }> {
  return knowledge.fields().map((name) => ({ name, folded: foldText(name).split(' ') }));
}
