import type { NluData } from '../nlu/load.js';
import { readJsonStoreSync } from './json-store.js';
import type { TrainingSetJson } from './model-codec.js';
import { emptyTrainingStore, trainingStoreFile, trainingStoreSchema } from './training-store.js';
import { TrainingSet } from './training-set.js';

/** The training data the server would train on now: intents/ merged with the staff store in DATA_DIR. */
export function loadStaffTrainingSet(dataDir: string, data: NluData): { set: TrainingSet; json: TrainingSetJson } {
  const store = readJsonStoreSync(trainingStoreFile(dataDir), trainingStoreSchema, emptyTrainingStore);
  const set = new TrainingSet(data.examples, store, data.knowledge);
  return { set, json: set.toJSON() };
}
