import { loadConfig } from '../src/config.js';
import { loadNluData } from '../src/nlu/load.js';
import { normalizeQuestion } from '../src/nlu/recognizer.js';
const data = loadNluData(loadConfig({}).KNOWLEDGE_DIR, loadConfig({}).INTENTS_DIR);
for (const t of process.argv.slice(2)) console.log(JSON.stringify(normalizeQuestion(t, data.lexicon)));
