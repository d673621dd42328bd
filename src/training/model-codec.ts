import { z } from 'zod';
import { KnowledgeBase } from '../knowledge/knowledge-base.js';
import type { Procedure } from '../knowledge/schema.js';
import { IntentClassifier, type IntentModelJson } from '../nlu/intent-classifier.js';
import { isIntent } from '../nlu/intents.js';
import { AliasVocabulary } from '../nlu/alias-vocabulary.js';
import { ProcedureMatcher, type ProcedurePhrases } from '../nlu/procedure-matcher.js';
import { fieldsOf, normalizeQuestion, type RecognizerOptions } from '../nlu/recognizer.js';
import { matcherPhrases, trainRecognizerParts } from '../nlu/train.js';
import { catalogueEvidence } from '../nlu/catalogue/catalogue-evidence.js';
import type { TrainingExample } from '../nlu/training-data.js';
import { Vocabulary, type VocabularyJson } from '../nlu/vocabulary.js';
import type { Lexicon } from '../nlu/vi/lexicon.js';
import { SituationReader } from '../nlu/situation/situation-reader.js';
import type { SituationCuesFile } from '../nlu/situation/cues-file.js';
import { StaffMemory, type StaffMemoryJson } from './staff-memory.js';
import { StaffRecognizer } from './staff-recognizer.js';

// A trained model as saved in DATA_DIR. What is saved is what costs time to make: the
// matcher's normalised phrases (normalising every alias of thousands of procedures takes
// seconds), the classifier's counts, the vocabulary and the staff memory. What is cheap and
// comes from data the server loads anyway is rebuilt: the lexicon and the fields.

// 2: the classifier's temperature grows with message length; the alias vocabulary is rebuilt from the phrases.
export const SNAPSHOT_FORMAT = 2;

export interface ModelSnapshot {
  format: typeof SNAPSHOT_FORMAT;
  options: RecognizerOptions;
  phrases: ProcedurePhrases[];
  classifier: IntentModelJson;
  vocabulary: VocabularyJson;
  memory: StaffMemoryJson;
}

/** What a model learns from besides the knowledge base and the lexicon. */
export const trainingSetSchema = z.object({
  utterances: z.array(z.object({ id: z.string(), text: z.string(), intent: z.string(), procedure: z.string().nullable(), origin: z.enum(['file', 'staff']) })),
  aliases: z.array(z.object({ procedure: z.string(), text: z.string() })),
});
export type TrainingSetJson = z.infer<typeof trainingSetSchema>;

const isObject = (v: unknown): boolean => typeof v === 'object' && v !== null && !Array.isArray(v);

/**
 * A saved model: its snapshot and the training set it learnt from. The snapshot's format is
 * checked and its parts' kinds; what is inside them is the trained model's own (a broken one
 * fails to load and is marked failed).
 */
export const modelFileSchema = z.object({
  id: z.string(),
  snapshot: z.object({
    format: z.literal(SNAPSHOT_FORMAT),
    options: z.custom<RecognizerOptions>(isObject),
    phrases: z.custom<ProcedurePhrases[]>(Array.isArray),
    classifier: z.custom<IntentModelJson>(isObject),
    vocabulary: z.custom<VocabularyJson>(isObject),
    memory: z.custom<StaffMemoryJson>(isObject),
  }),
  trainingSet: trainingSetSchema,
});
export type ModelFile = z.infer<typeof modelFileSchema>;

export interface TrainEnvironment {
  procedures: ReadonlyArray<Procedure>;
  lexicon: Lexicon;
  options: Partial<RecognizerOptions>;
  /** The situation words (intents/situation/vi.yaml): plain data, so that it reaches the training process. */
  situation?: SituationCuesFile;
}

/** The knowledge base with the staff aliases added to their procedures. */
export function withStaffAliases(procedures: ReadonlyArray<Procedure>, aliases: TrainingSetJson['aliases']): KnowledgeBase {
  const extra = new Map<string, string[]>();
  for (const a of aliases) extra.set(a.procedure, [...(extra.get(a.procedure) ?? []), a.text]);
  return new KnowledgeBase(procedures.map((p) => {
    const more = extra.get(p.id);
    return more ? { ...p, aliases: [...p.aliases, ...more] } : p;
  }));
}

export function trainModel(env: TrainEnvironment, set: TrainingSetJson): { recognizer: StaffRecognizer; snapshot: ModelSnapshot } {
  const knowledge = withStaffAliases(env.procedures, set.aliases);
  const examples: TrainingExample[] = set.utterances.flatMap((u) => (isIntent(u.intent)
    ? [{ text: u.text, intent: u.intent, procedure: u.procedure, source: u.origin }]
    : []));
  const { parts, phrases } = trainRecognizerParts({ knowledge, lexicon: env.lexicon, examples, options: env.options, ...(env.situation ? { situation: new SituationReader(env.situation, env.lexicon) } : {}) });
  // The memory's words are normalised exactly as a parsed question's are.
  const folded = new Map(set.utterances.map((u) => [u.id, normalizeQuestion(u.text, env.lexicon).folded]));
  const memory = StaffMemory.build(
    set.utterances.filter((u) => u.origin === 'staff').map((u) => ({ id: u.id, intent: u.intent, procedure: u.procedure, folded: folded.get(u.id) ?? [] })),
    [...folded.values()],
  );
  const snapshot: ModelSnapshot = {
    format: SNAPSHOT_FORMAT,
    options: parts.options,
    phrases,
    classifier: parts.classifier.toJSON(),
    vocabulary: parts.vocabulary.toJSON(),
    memory: memory.toJSON(),
  };
  return { recognizer: new StaffRecognizer(parts, memory), snapshot };
}

/**
 * The snapshot with the matcher's phrases of the procedures `ids` made again from the knowledge
 * as it is now: staff edited them (their names or aliases may differ from what the model was
 * trained on), so the matcher, the alias vocabulary and the catalogue evidence know the new names
 * without retraining. The classifier keeps what it learnt until the next retraining. `aliases`
 * are the staff aliases the model was trained with.
 */
export function withCurrentNames(snapshot: ModelSnapshot, aliases: TrainingSetJson['aliases'], knowledge: KnowledgeBase, lexicon: Lexicon, ids: ReadonlySet<string>): ModelSnapshot {
  const procedures = [...ids].flatMap((id) => knowledge.get(id) ?? []);
  if (!procedures.length) return snapshot;
  const fresh = new Map(matcherPhrases(withStaffAliases(procedures, aliases), lexicon).map((p) => [p.id, p.phrases]));
  return { ...snapshot, phrases: snapshot.phrases.map((p) => { const names = fresh.get(p.id); return names ? { ...p, phrases: names } : p; }) };
}

/** Rebuilds a saved model without training: a fraction of a second even for thousands of procedures. */
export function recognizerFromSnapshot(snapshot: ModelSnapshot, knowledge: KnowledgeBase, lexicon: Lexicon, situation?: SituationCuesFile): StaffRecognizer {
  if (snapshot.format !== SNAPSHOT_FORMAT) throw new Error(`model format ${String(snapshot.format)} is not ${SNAPSHOT_FORMAT}`);
  return new StaffRecognizer({
    lexicon,
    matcher: new ProcedureMatcher(snapshot.phrases),
    aliases: new AliasVocabulary(snapshot.phrases.map((p) => ({ id: p.id, phrases: p.phrases }))),
    classifier: IntentClassifier.fromJSON(snapshot.classifier),
    vocabulary: Vocabulary.fromJSON(snapshot.vocabulary),
    fields: fieldsOf(knowledge),
    options: snapshot.options,
    ...(situation ? { situation: new SituationReader(situation, lexicon) } : {}),
    ...catalogueEvidence(knowledge.procedures, snapshot.phrases, lexicon),
  }, StaffMemory.fromJSON(snapshot.memory));
}
