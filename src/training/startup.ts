import type { KnowledgeBase } from '../knowledge/knowledge-base.js';
import type { Logger } from '../log/logger.js';
import { codeVersion } from './fingerprint.js';
import { recognizerFromSnapshot, trainModel, withCurrentNames, type ModelFile, type TrainEnvironment, type TrainingSetJson } from './model-codec.js';
import type { ModelStore } from '../store/model-store.js';
import { newModelId, readSavedModel } from './saved-models.js';
import type { StaffRecognizer } from './staff-recognizer.js';

// At start-up the server serves the saved model when it was made by this code from exactly
// the current data (or staff pinned it by a rollback); loading one takes a fraction of a
// second where training takes seconds, more with thousands of procedures. Otherwise it
// trains here, before listening, and saves the model for the next start.

export async function startModel(options: {
  store: ModelStore;
  env: TrainEnvironment;
  knowledge: KnowledgeBase;
  set: TrainingSetJson;
  fingerprint: string;
  /** Procedures staff edited: a saved model learnt their names as they were (see withCurrentNames). */
  edited?: ReadonlySet<string>;
  logger: Logger;
}): Promise<{ recognizer: StaffRecognizer; id: string }> {
  const { store, env, knowledge, set, fingerprint, logger } = options;
  const version = codeVersion();
  const active = await store.active();
  const usable = (await store.list()).filter((m) => m.codeVersion === version && m.status !== 'failed' && m.status !== 'candidate'
    && (m.fingerprint === fingerprint || (m.id === active?.id && m.pinned)));
  // The serving one first, then the newest.
  usable.sort((a, b) => Number(b.id === active?.id) - Number(a.id === active?.id));
  for (const meta of usable) {
    try {
      const started = Date.now();
      const file = await readSavedModel(store, meta.id);
      const snapshot = withCurrentNames(file.snapshot, file.trainingSet.aliases, knowledge, env.lexicon, options.edited ?? new Set());
      const recognizer = recognizerFromSnapshot(snapshot, knowledge, env.lexicon, env.situation);
      if (meta.id !== active?.id) await store.activate(meta.id, { pinned: false });
      logger.info({ model: meta.id, ms: Date.now() - started, pinned: meta.pinned }, 'loaded the saved model');
      return { recognizer, id: meta.id };
    } catch (err) {
      logger.warn({ model: meta.id, err: { name: (err as Error)?.name, message: (err as Error)?.message } }, 'saved model unreadable; trying the next');
      await store.markFailed(meta.id);
    }
  }
  const started = Date.now();
  const { recognizer, snapshot } = trainModel(env, set);
  const trainMs = Date.now() - started;
  const id = newModelId();
  const file: ModelFile = { id, snapshot, trainingSet: set };
  await store.saveModel(id, file);
  await store.add({
    id, trainedAt: new Date().toISOString(), codeVersion: version, fingerprint, origin: 'startup', status: 'retired', pinned: false,
    utterances: set.utterances.length, staffUtterances: set.utterances.filter((u) => u.origin === 'staff').length,
    aliases: set.aliases.length, trainMs, evaluation: null,
  });
  await store.activate(id, { pinned: false });
  logger.info({ model: id, trainMs }, 'trained a model on the current data');
  return { recognizer, id };
}
