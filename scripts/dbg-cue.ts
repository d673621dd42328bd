import { loadConfig } from '../src/config.js';
import { loadNluData } from '../src/nlu/load.js';
import { normalizeQuestion } from '../src/nlu/recognizer.js';
const data = loadNluData(loadConfig({}).KNOWLEDGE_DIR, loadConfig({}).INTENTS_DIR);
const n = normalizeQuestion(process.argv[2]!, data.lexicon);
console.log(JSON.stringify((data.lexicon.cues as any)[process.argv[3]!].find(n)));
