import type { AnswerComposer } from '../answers/compose.js';
import type { Logger } from '../log/logger.js';
import type { NluData } from '../nlu/load.js';
import type { Recognizer, RecognizerOptions } from '../nlu/recognizer.js';
import type { Stores } from '../store/stores.js';
import { dataFingerprint, knowledgeFingerprint, lexiconFingerprint } from './fingerprint.js';
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
  /** Stops the training process and waits for the job under way. */
  close(): Promise<void>;
}

/** The saved model when it matches the current data, else one trained now (startup.ts). */
export async function openTraining(options: {
  stores: Pick<Stores, 'trainingEdits' | 'models' | 'location' | 'changes'>;
  nlu: NluData;
  recognizerOptions: Partial<RecognizerOptions>;
  logger: Logger;
}): Promise<Training> {
  const { stores, nlu, logger } = options;
  const env: TrainEnvironment = { procedures: nlu.knowledge.procedures, lexicon: nlu.lexicon, situation: nlu.situation.data, options: options.recognizerOptions };
  const data = await TrainingData.open(stores.trainingEdits, nlu.examples, nlu.knowledge);
  const knowledgeHash = knowledgeFingerprint(nlu.knowledge.procedures);
  const lexiconHash = lexiconFingerprint(nlu.lexicon);
  const fingerprint = (set: TrainingSetJson): string =>
    dataFingerprint({ knowledge: knowledgeHash, lexicon: lexiconHash, options: env.options, set });
  const set = await data.trainingSet();
  const store = stores.models;
  // Processes starting together on one store: one trains, the others load what it saved.
  const serving = await store.exclusive(() => startModel({ store, env, knowledge: nlu.knowledge, set, fingerprint: fingerprint(set), logger }));
  const workers = new TrainingWorkers(env, stores.location);
  const models = new ModelService({ logger, store, data, workers, env, knowledge: nlu.knowledge, fingerprint, changes: stores.changes }, serving);
  const unfollow = [models.follow(stores.changes), data.follow(stores.changes)];
  return {
    recognizer: models.current,
    models,
    data,
    responder: (composer) => new StaffResponder(nlu.knowledge, composer, (intent) => data.faq(intent)),
    async close() {
      for (const stop of unfollow) stop();
      workers.close();
      await models.idle();
    },
  };
}
