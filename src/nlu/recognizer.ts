import type { KnowledgeBase } from '../knowledge/knowledge-base.js';
import { extractDossierCode, maskDossierCodes } from './dossier-code.js';
import { intentFeatures } from './features.js';
import { IntentClassifier, type IntentScore } from './intent-classifier.js';
import { PROCEDURE_INTENTS, type Intent } from './intents.js';
import { ProcedureMatcher, type ProcedureMatch } from './procedure-matcher.js';
import { DOSSIER_CODE_WORD, normalizeText, type NormalizedText } from './vi/normalize.js';
import type { Lexicon } from './vi/lexicon.js';
import { foldText } from './vi/fold.js';
import type { AliasVocabulary } from './alias-vocabulary.js';
import type { Vocabulary } from './vocabulary.js';
import type { SituationReader } from './situation/situation-reader.js';
import type { Situation } from './situation/situation.js';
import type { CatalogueEvidence } from './catalogue/catalogue-evidence.js';

export interface ParseResult {
  text: string;
  intent: Intent;
  confidence: number;
  procedure: string | null;
  entities: { dossierCode?: string; field?: string; situation?: Situation };
  /** Ranked intents with calibrated confidences. */
  intents: IntentScore[];
  /** Candidate procedures, best first, including near misses (for "did you mean"). */
  procedures: Array<{ id: string; score: number; coverage: number }>;
  /** Set when the two best procedures are too close to choose: ask which one. */
  ambiguous: string[] | null;
  tokens: string[];
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
}

export const DEFAULT_RECOGNIZER_OPTIONS: RecognizerOptions = {
  noneThreshold: 0.35,
  minCoverage: 0.55,
  minProcedureScore: 1.5,
  ambiguityRatio: 0.9,
  narrowShare: 0.3,
  unnamedInfoThreshold: 0.5,
};

const MAX_AMBIGUOUS = 3;

/** What the recognizer needs; built once per model (see train.ts). */
export interface RecognizerParts {
  lexicon: Lexicon;
  matcher: ProcedureMatcher;
  aliases: AliasVocabulary;
  classifier: IntentClassifier;
  vocabulary: Vocabulary;
  fields: ReadonlyArray<{ name: string; folded: string[] }>;
  options: RecognizerOptions;
  /** Reads the citizen's situation (age, reason…) into `entities.situation`. */
  situation?: SituationReader;
  /** What an imported catalogue adds (src/nlu/catalogue/); absent without one. */
  catalogue?: CatalogueEvidence;
}

/** A question's words as every part of understanding sees them: dossier codes stand as one word. */
export function normalizeQuestion(text: string, lexicon: Lexicon): NormalizedText {
  return normalizeText(maskDossierCodes(text, DOSSIER_CODE_WORD), lexicon);
}

export class Recognizer {
  constructor(private readonly parts: RecognizerParts) {}

  normalize(text: string): NormalizedText {
    return normalizeQuestion(text, this.parts.lexicon);
  }

  findProcedures(norm: NormalizedText): ReturnType<typeof findProcedures> {
    const found = findProcedures(this.parts.matcher, this.parts.aliases, this.parts.options, norm);
    if (!this.parts.catalogue) return found;
    const { accepted, matches } = this.parts.catalogue.review(norm, found.accepted, found.matches, found.candidates);
    if (accepted === found.accepted) return { ...found, matches };
    return { ...found, accepted, matches, span: accepted ? this.parts.aliases.span(accepted.id, accepted.matched, norm.folded) : [] };
  }

  parse(text: string): ParseResult {
    const { options } = this.parts;
    const dossierCode = extractDossierCode(text);
    const norm = this.normalize(text);
    let { accepted, matches, candidates, span } = this.findProceduresBesideAge(norm);
    const unknown = this.parts.vocabulary.unknown(norm);
    let intents = this.parts.classifier.classify(intentFeatures(norm.folded, new Set(span), unknown));
    // No name matched: the catalogue's cells may still say which imported procedure a procedure question is about.
    const guess = !accepted && PROCEDURE_INTENTS.has(intents[0]?.intent ?? 'none') ? this.parts.catalogue?.propose(norm) : null;
    if (guess) {
      [accepted, matches, candidates, span] = [guess, [guess], [guess, ...candidates], guess.matched];
      intents = this.parts.classifier.classify(intentFeatures(norm.folded, new Set(span), unknown));
    }
    let { intent, confidence } = accepted ? decide(intents, options.narrowShare) : intents[0] ?? { intent: 'none' as Intent, confidence: 0 };
    // A question about "the procedure" that names none is a follow-up ("lệ phí bao nhiêu?"):
    // it is in scope only when every word is one the assistant knows ("phí ship bao nhiêu" is not).
    if (!accepted && PROCEDURE_INTENTS.has(intent) && unknown.unknown > 0) intent = 'none';
    // Nor is there a follow-up asking about "the procedure" as a whole: a procedure.info that
    // names none is a story about one ("mẹ tôi 80 tuổi, không có lương hưu...") only when sure.
    if (!accepted && intent === 'procedure.info' && confidence < options.unnamedInfoThreshold) intent = 'none';

    if (dossierCode && intent !== 'handoff') {
      intent = 'dossier.status';
      confidence = Math.max(confidence, 0.9);
    }
    if (confidence < options.noneThreshold) intent = 'none';

    const entities: ParseResult['entities'] = {};
    if (dossierCode) entities.dossierCode = dossierCode;
    const situation = this.parts.situation?.read(norm);
    if (situation) entities.situation = situation;
    if (intent === 'procedure.list') {
      const field = this.findField(norm);
      if (field) entities.field = field;
    }
    const procedure = PROCEDURE_INTENTS.has(intent) ? accepted?.id ?? null : null;
    // Every procedure about as likely as the best (up to three): the assistant asks which.
    const close = procedure && accepted ? matches.slice(0, MAX_AMBIGUOUS).filter((m) => m.score >= accepted.score * options.ambiguityRatio) : [];
    const ambiguous = close.length > 1 ? close.map((m) => m.id) : null;
    return {
      text,
      intent,
      confidence: round(intent === 'none' && intents[0]?.intent !== 'none' ? 1 - confidence : confidence),
      procedure,
      entities,
      intents: intents.slice(0, 3).map((s) => ({ intent: s.intent, confidence: round(s.confidence) })),
      procedures: candidates.slice(0, 3).map((m) => ({ id: m.id, score: round(m.score), coverage: round(m.coverage) })),
      ambiguous,
      tokens: norm.folded,
    };
  }

  /**
   * An age is the citizen's situation, not a procedure's name: when the words name no
   * procedure, they are read again without the ages said in them ("làm căn cước cho bé mới
   * 4 tuổi", where an alias about "tuổi" drew the match away).
   */
  private findProceduresBesideAge(norm: NormalizedText): ReturnType<typeof findProcedures> {
    const found = this.findProcedures(norm);
    const masked = found.accepted ? norm : this.parts.situation?.withoutAges(norm) ?? norm;
    return masked === norm ? found : this.findProcedures(masked);
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
export function decide(intents: IntentScore[], narrowShare = 0): IntentScore {
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
  if (bestInGroup && (!bestOther || group > bestOther.confidence)) {
    const intent = bestInGroup.confidence < narrowShare * group ? 'procedure.info' : bestInGroup.intent;
    return { intent, confidence: group };
  }
  return bestOther ?? { intent: 'none', confidence: 0 };
}

/**
 * The procedures named by already-normalised words, and which words name the best one
 * (`span`: its matched words and the words of its names next to them).
 */
export function findProcedures(
  matcher: ProcedureMatcher,
  aliases: AliasVocabulary,
  options: RecognizerOptions,
  norm: NormalizedText,
): { accepted: ProcedureMatch | null; matches: ProcedureMatch[]; candidates: ProcedureMatch[]; span: number[] } {
  let question = aliases.filter(norm);
  for (let pass = 0; ; pass++) {
    const candidates = matcher.match(question);
    const matches = candidates.filter((m) => m.coverage >= options.minCoverage && m.score >= options.minProcedureScore);
    const accepted = matches[0] ?? null;
    // The best procedure matched a word its own names write otherwise ("giảm" for "giám"):
    // match again without it.
    const foreign = accepted && pass < MAX_REMATCHES ? aliases.foreign(accepted.id, accepted.matched, question) : [];
    if (!foreign.length) {
      return { accepted, matches, candidates, span: accepted ? aliases.span(accepted.id, accepted.matched, question.folded) : [] };
    }
    question = aliases.without(question, question.folded.map((_, i) => foreign.includes(i)));
  }
}

/** At most this many words a question can lose to being written otherwise than the match. */
const MAX_REMATCHES = 3;

function round(x: number): number {
  return Math.round(x * 1000) / 1000;
}

export function fieldsOf(knowledge: KnowledgeBase): Array<{ name: string; folded: string[] }> {
  return knowledge.fields().map((name) => ({ name, folded: foldText(name).split(' ') }));
}
