import { readFileSync } from 'node:fs';
import { loadConfig } from '../src/config.js';
import { loadNluData } from '../src/nlu/load.js';
import { normalizeQuestion } from '../src/nlu/recognizer.js';
import { ruleOutScopes } from '../src/nlu/contrast.js';
const data = loadNluData(loadConfig({}).KNOWLEDGE_DIR, loadConfig({}).INTENTS_DIR);
const { cues } = data.lexicon;
const texts = [...data.examples.map((e) => ({ text: e.text, intent: e.intent })), ...process.argv.slice(2).flatMap((f) => readFileSync(f, 'utf8').split('\n').filter(Boolean).map((l) => JSON.parse(l) as { text: string; intent: string }))];
for (const { text, intent } of texts) {
  const n = normalizeQuestion(text, data.lexicon);
  const flags = [cues.manipulation.test(n) && 'MANIP', cues.legalBasis.test(n) && 'LEGAL', cues.price.test(n) && 'PRICE', ruleOutScopes(n, cues).length && 'RULEOUT:' + ruleOutScopes(n, cues).map((s) => s.scope.map((i) => n.words[i]).join(' ')).join('/')].filter(Boolean);
  if (flags.length) console.log(`${String(intent).padEnd(20)} ${flags.join(',').padEnd(30)} ${text}`);
}
