import type { NluData } from '../nlu/load.js';
import { readJsonStoreSync } from '../store/file/json-document.js';
import type { TrainingSetJson } from './model-codec.js';
import { emptyTrainingStore, trainingStoreFile, trainingStoreSchema } from './training-store.js';
import { TrainingSet } from './training-set.js';

/**
 * The training data the server would train on now: intents/ merged with the staff store in
 * DATA_DIR. An unreadable store is reported on stderr and left out (the server, for its part,
 * moves it aside), so the commands still work on intents/ alone.
 */
export function loadStaffTrainingSet(dataDir: string, data: NluData): { set: TrainingSet; json: TrainingSetJson } {
  const file = trainingStoreFile(dataDir);
  let store;
  try {
    store = readJsonStoreSync(file, trainingStoreSchema, emptyTrainingStore);
  } catch (err) {
    process.stderr.write(`dvc: staff training data ${file} is unreadable (${err instanceof Error ? err.message : String(err)}); using intents/ only\n`);
    store = emptyTrainingStore();
  }
  const set = new TrainingSet(data.examples, store, data.knowledge);
  return { set, json: set.toJSON() };
}
