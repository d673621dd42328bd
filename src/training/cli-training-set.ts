import type { NluData } from '../nlu/load.js';
import { readTrainingEdits } from '../store/open-stores.js';
import type { StoreLocation } from '../store/stores.js';
import { emptyTrainingEdits, type TrainingEdits } from '../store/training-edit-store.js';
import type { TrainingSetJson } from './model-codec.js';
import { TrainingSet } from './training-set.js';

/**
 * The training data the server would train on now: intents/ merged with the staff edits.
 * Unreadable staff edits are reported on stderr and left out (the server, for its part,
 * moves them aside), so the commands still work on intents/ alone.
 */
export async function loadStaffTrainingSet(location: StoreLocation, data: NluData): Promise<{ set: TrainingSet; json: TrainingSetJson }> {
  let edits: TrainingEdits;
  try {
    edits = await readTrainingEdits(location);
  } catch (err) {
    process.stderr.write(`dvc: staff training data is unreadable (${err instanceof Error ? err.message : String(err)}); using intents/ only\n`);
    edits = emptyTrainingEdits();
  }
  const set = new TrainingSet(data.examples, edits, data.knowledge);
  return { set, json: set.toJSON() };
}
