import type { KnowledgeBase } from '../knowledge/knowledge-base.js';
import { IntentClassifier, temperatureFor } from './intent-classifier.js';
import { kFolds } from './folds.js';
import type { Intent } from './intents.js';
import { ProcedureMatcher, type ProcedurePhrases } from './procedure-matcher.js';
import { ProcedureClassifier } from './procedure-classifier.js';
import { DEFAULT_RECOGNIZER_OPTIONS, Recognizer, fieldsOf, normalizeQuestion, type RecognizerOptions, type RecognizerParts } from './recognizer.js';
import { readQuestion } from './reading.js';
import { normalizeText, type NormalizedText } from './vi/normalize.js';
import type { Lexicon } from './vi/lexicon.js';
import { Vocabulary } from './vocabulary.js';
import { AliasVocabulary } from './alias-vocabulary.js';
import type { SituationReader } from './situation/situation-reader.js';
import { catalogueAliases } from './catalogue/name-aliases.js';
import { catalogueEvidence, catalogueWords } from './catalogue/catalogue-evidence.js';
import { withNameAcronyms } from './catalogue/name-acronyms.js';

export interface TrainingInput {
  knowledge: KnowledgeBase;
  examples: ReadonlyArray<{ text: string; intent: Intent; procedure: string | null }>;
  lexicon: Lexicon;
  options?: Partial<RecognizerOptions>;
  situation?: SituationReader;
}

/** normalizeText for one lexicon, remembering each text: names and aliases are normalised twice in training. */
export function phraseNormalizer(lexicon: Lexicon): (text: string) => NormalizedText {
  const seen = new Map<string, NormalizedText>();
  return (text) => {
    let norm = seen.get(text);
    if (!norm) seen.set(text, (norm = normalizeText(text, lexicon)));
    return norm;
  };
}

/** The matcher's input: each procedure's name and aliases, and citizens' questions about it, normalised. */
export function matcherPhrases(
  knowledge: KnowledgeBase,
  lexicon: Lexicon,
  examples: ReadonlyArray<{ text: string; procedure: string | null }> = [],
  normalize: (text: string) => NormalizedText = phraseNormalizer(lexicon),
): ProcedurePhrases[] {
  const questions = new Map<string, NormalizedText[]>();
  for (const ex of examples) {
    if (!ex.procedure) continue;
    const list = questions.get(ex.procedure) ?? [];
    list.push(normalizeText(ex.text, lexicon));
    questions.set(ex.procedure, list);
  }
  return knowledge.procedures.map((p) => ({
    id: p.id,
    phrases: [p.name.replace(/\([^)]*\)/g, ' '), ...p.aliases, ...catalogueAliases(p, lexicon)].map(normalize),
    questions: questions.get(p.id) ?? [],
  }));
}

/**
 * Turns examples into classifier features the same way parsing does, and builds the
 * vocabulary of in-scope words. A training question's own words are left out of the
 * vocabulary when counting its unknown words, so that training sees unknown words as
 * often as real questions will.
 */
export function featurize(
  { matcher, aliases, procedureClassifier }: { matcher: ProcedureMatcher; aliases: AliasVocabulary; procedureClassifier: ProcedureClassifier },
  lexicon: Lexicon,
  options: RecognizerOptions,
  examples: ReadonlyArray<{ text: string; intent: Intent }>,
  knownWords: ReadonlyArray<NormalizedText>,
): { data: Array<{ features: string[]; intent: Intent }>; vocabulary: Vocabulary } {
  const norms = examples.map(({ text }) => normalizeQuestion(text, lexicon));
  const inScope = (intent: Intent): boolean => intent !== 'none';
  const vocabulary = Vocabulary.build(norms.filter((_, i) => inScope(examples[i]!.intent)), knownWords, norms.filter((_, i) => !inScope(examples[i]!.intent)));
  const data = examples.map(({ intent }, i) => ({
    features: readQuestion({ lexicon, matcher, aliases, procedureClassifier, vocabulary, options }, norms[i]!, inScope(intent)).features,
    intent,
  }));
  return { data, vocabulary };
}

/** The procedures' names, fields and aliases: their words are never unknown. */
export function knowledgeWords(knowledge: KnowledgeBase, lexicon: Lexicon, normalize = phraseNormalizer(lexicon)): NormalizedText[] {
  return knowledge.procedures.flatMap((p) => [p.name, p.field, ...p.aliases, ...catalogueWords(p, lexicon)].map(normalize));
}

/**
 * Fits the softmax temperature on held-out folds so that confidences mean what they say:
 * T × (n / REFERENCE_FEATURES)^exponent for a message of n known features.
 */
export function fitTemperature(data: ReadonlyArray<{ features: string[]; intent: Intent }>, folds = 3): { temperature: number; exponent: number } {
  const held: Array<{ logps: number[]; gold: number; n: number }> = [];
  for (const { train, test } of kFolds(data, folds)) {
    const model = IntentClassifier.train(train);
    for (const ex of test) {
      const scores = model.logScores(ex.features);
      const gold = scores.findIndex((s) => s.intent === ex.intent);
      if (gold >= 0) held.push({ logps: scores.map((s) => s.logp), gold, n: model.knownFeatures(ex.features) });
    }
  }
  let best = { temperature: 1, exponent: 0, nll: Infinity };
  for (const exponent of EXPONENTS) {
    for (let t = 0.5; t <= 30; t *= 1.15) {
      let nll = 0;
      for (const { logps, gold, n } of held) {
        const tn = temperatureFor(t, exponent, n);
        const max = Math.max(...logps);
        const sum = logps.reduce((a, l) => a + Math.exp((l - max) / tn), 0);
        nll -= ((logps[gold] ?? max) - max) / tn - Math.log(sum);
      }
      if (nll < best.nll) best = { temperature: t, exponent, nll };
    }
  }
  return { temperature: best.temperature, exponent: best.exponent };
}

/** Candidate exponents of the temperature's growth with message length (0: none). */
const EXPONENTS = [0, 0.25, 0.5, 0.75, 1];

/**
 * A trained model as its parts, with the matcher's normalised input: src/admin saves the
 * phrases, classifier and vocabulary, and rebuilds the recognizer from them without retraining.
 */
export function trainRecognizerParts(given: TrainingInput): { parts: RecognizerParts; phrases: ProcedurePhrases[] } {
  // An imported catalogue's names bring their acronyms ("gpxd", "đtm") to the lexicon.
  const input = { ...given, lexicon: withNameAcronyms(given.lexicon, given.knowledge.procedures, given.examples.map((e) => e.text)) };
  const options = { ...DEFAULT_RECOGNIZER_OPTIONS, ...input.options };
  const normalize = phraseNormalizer(input.lexicon);
  const phrases = matcherPhrases(input.knowledge, input.lexicon, input.examples, normalize);
  const matcher = new ProcedureMatcher(phrases);
  const aliases = new AliasVocabulary(phrases.map((p) => ({ id: p.id, phrases: p.phrases })));
  const procedureClassifier = new ProcedureClassifier(phrases);
  const { data, vocabulary } = featurize({ matcher, aliases, procedureClassifier }, input.lexicon, options, input.examples, knowledgeWords(input.knowledge, input.lexicon, normalize));
  const { temperature, exponent } = fitTemperature(data);
  const classifier = IntentClassifier.train(data, temperature, exponent);
  const catalogue = catalogueEvidence(input.knowledge.procedures, phrases, input.lexicon);
  const situation = input.situation ? { situation: input.situation } : {};
  return { parts: { lexicon: input.lexicon, matcher, aliases, classifier, procedureClassifier, vocabulary, fields: fieldsOf(input.knowledge), options, ...catalogue, ...situation }, phrases };
}

export function trainRecognizer(input: TrainingInput): Recognizer {
  return new Recognizer(trainRecognizerParts(input).parts);
}
