import { loadNluData, type NluData } from '../../src/nlu/load.js';
import { trainRecognizer } from '../../src/nlu/train.js';
import type { Recognizer } from '../../src/nlu/recognizer.js';
import { loadConfig } from '../../src/config.js';

let cached: { data: NluData; recognizer: Recognizer } | undefined;

/** The recognizer trained on the project's own data, once per test file. */
export function projectRecognizer(): { data: NluData; recognizer: Recognizer } {
  if (!cached) {
    const config = loadConfig({});
    const data = loadNluData(config.KNOWLEDGE_DIR, config.INTENTS_DIR);
    cached = { data, recognizer: trainRecognizer(data) };
  }
  return cached;
}
