import type { AnswerComposer } from '../answers/compose.js';
import type { Logger } from '../log/logger.js';
import type { NluData } from '../nlu/load.js';
import type { Recognizer, RecognizerOptions } from '../nlu/recognizer.js';
import type { Stores } from '../store/stores.js';
import { dataFingerprint, knowledgeFingerprint, lexiconFingerprint, recognizerReads } from './fingerprint.js';
import type { Procedure } from '../knowledge/schema.js';
import type { TrainEnvironment, TrainingSetJson } from './model-codec.js';
import { ModelService } from './model-service.js';
import { StaffResponder } from './staff-responder.js';
import { startModel } from './startup.js';
import { TrainingData } from './training-data.js';
import { TrainingWorkers } from './worker-client.js';

// Training, put together for the composition root (src/app.ts): the model that serves every
// citizen turn and its swap (ModelService), the training data with the staff edits, and the
// responder that also answers staff FAQs. The staff routes (src/admin) drive it.

export interface Training {
  /** The recognizer serving now (swapped by retraining, rollback and promotion). */
  recognizer: () => Recognizer;
  models: ModelService;
  data: TrainingData;
  responder(composer: AnswerComposer): StaffResponder;
  /**
   * Staff edited the knowledge (`before`: the procedures changed, as they were): when the edit
   * touched what the recognizer reads (names, aliases, fields, an imported entry's cells), the
   * serving model is rebuilt from its snapshot with the knowledge as it is now, so the matcher
   * knows the new names; the next training learns from it. A fee or a place needs nothing.
   */
  knowledgeChanged(before: ReadonlyArray<Procedure>): Promise<void>;
  /** Stops the training process and waits for the job under way. */
  close(): Promise<void>;
}

/** The saved model when it matches the current data, else one trained now (startup.ts). */
export async function openTraining(options: {
  stores: Pick<Stores, 'trainingEdits' | 'models' | 'location' | 'changes'>;
  nlu: NluData;
  recognizerOptions: Partial<RecognizerOptions>;
  /** Procedures staff edited (src/knowledge/knowledge-service.ts); none by default. */
  edited?: () => ReadonlySet<string>;
  logger: Logger;
}): Promise<Training> {
  const { stores, nlu, logger } = options;
  const { knowledge } = nlu;
  // The procedures as they are at each use: staff edits swap the knowledge base's list.
  const env: TrainEnvironment = {
    get procedures() { return knowledge.procedures; }, lexicon: nlu.lexicon, situation: nlu.situation.data, options: options.recognizerOptions,
  };
  const data = await TrainingData.open(stores.trainingEdits, nlu.examples, knowledge);
  const lexiconHash = lexiconFingerprint(nlu.lexicon);
  let knowledgeHash = { of: knowledge.procedures, hash: knowledgeFingerprint(knowledge.procedures) };
  // Names, aliases and fields edited by staff change the fingerprint: a saved model trained
  // before the edit is not taken for current at the next start.
  const fingerprint = (set: TrainingSetJson): string => {
    if (knowledgeHash.of !== knowledge.procedures) knowledgeHash = { of: knowledge.procedures, hash: knowledgeFingerprint(knowledge.procedures) };
    return dataFingerprint({ knowledge: knowledgeHash.hash, lexicon: lexiconHash, options: env.options, set });
  };
  const set = await data.trainingSet();
  const store = stores.models;
  const edited = options.edited ?? (() => new Set<string>());
  // Processes starting together on one store: one trains, the others load what it saved.
  const serving = await store.exclusive(() => startModel({ store, env, knowledge, set, fingerprint: fingerprint(set), edited: edited(), logger }));
  const workers = new TrainingWorkers(env, stores.location);
  const models = new ModelService({ logger, store, data, workers, env, knowledge, fingerprint, edited, changes: stores.changes }, serving);
  const unfollow = [models.follow(stores.changes), data.follow(stores.changes)];
  return {
    recognizer: models.current,
    models,
    data,
    responder: (composer) => new StaffResponder(knowledge, composer, (intent) => data.faq(intent)),
    async knowledgeChanged(before) {
      const now = (p: Procedure): Procedure => knowledge.get(p.id) ?? p;
      if (before.some((p) => recognizerReads(p, now(p)))) await models.knowledgeChanged();
    },
    async close() {
      for (const stop of unfollow) stop();
      workers.close();
      await models.idle();
    },
  };
}
