import type { Server } from 'restify';
import type { AnswerComposer } from '../answers/compose.js';
import type { Logger } from '../log/logger.js';
import type { NluData } from '../nlu/load.js';
import type { Recognizer, RecognizerOptions } from '../nlu/recognizer.js';
import { dataFingerprint, knowledgeFingerprint, lexiconFingerprint } from './fingerprint.js';
import { Inbox } from './inbox.js';
import type { TrainEnvironment, TrainingSetJson } from './model-codec.js';
import { ModelService } from './model-service.js';
import { ModelStore } from './model-store.js';
import { inboxRoutes } from './routes/inbox-routes.js';
import { modelRoutes } from './routes/model-routes.js';
import { pageRoutes } from './routes/page-routes.js';
import { trainingRoutes } from './routes/training-routes.js';
import { StaffResponder } from './staff-responder.js';
import { startModel } from './startup.js';
import { TrainingData } from './training-data.js';
import { TrainingWorkers } from './worker-client.js';

// Staff training, put together for the composition root (src/app.ts): the serving model,
// the inbox the bot records into, the responder that also answers staff FAQs, and the
// admin routes with the staff page.

export interface Admin {
  /** The recognizer serving now (swapped by retraining, rollback and promotion). */
  recognizer: () => Recognizer;
  inbox: Inbox;
  models: ModelService;
  data: TrainingData;
  responder(composer: AnswerComposer): StaffResponder;
  routes: (server: Server) => void;
  close(): Promise<void>;
}

export async function openAdmin(options: {
  dataDir: string;
  nlu: NluData;
  recognizerOptions: Partial<RecognizerOptions>;
  adminToken: string;
  logger: Logger;
}): Promise<Admin> {
  const { dataDir, nlu, logger } = options;
  const env: TrainEnvironment = { procedures: nlu.knowledge.procedures, lexicon: nlu.lexicon, situation: nlu.situation.data, options: options.recognizerOptions };
  const [data, store, inbox] = await Promise.all([
    TrainingData.open(dataDir, nlu.examples, nlu.knowledge, logger),
    ModelStore.open(dataDir, logger),
    Inbox.open(dataDir, logger),
  ]);
  const knowledgeHash = knowledgeFingerprint(nlu.knowledge.procedures);
  const lexiconHash = lexiconFingerprint(nlu.lexicon);
  const fingerprint = (set: TrainingSetJson): string =>
    dataFingerprint({ knowledge: knowledgeHash, lexicon: lexiconHash, options: env.options, set });
  const set = data.trainingSet();
  const serving = await startModel({ store, env, knowledge: nlu.knowledge, set, fingerprint: fingerprint(set), logger });
  const workers = new TrainingWorkers(env);
  const models = new ModelService({ logger, store, data, workers, env, knowledge: nlu.knowledge, fingerprint }, serving);
  const ctx = { logger, token: options.adminToken, inbox, data, models, knowledge: nlu.knowledge };
  const groups = [pageRoutes(logger), inboxRoutes(ctx), trainingRoutes(ctx), modelRoutes(ctx)];
  return {
    recognizer: models.current,
    inbox,
    models,
    data,
    responder: (composer) => new StaffResponder(nlu.knowledge, composer, (intent) => data.faq(intent)),
    routes: (server) => { for (const add of groups) add(server); },
    async close() {
      workers.close();
      await Promise.allSettled([models.idle(), inbox.close(), data.idle()]);
    },
  };
}
