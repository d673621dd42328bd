import { readFileSync } from 'node:fs';
import { loadConfig } from '../src/config.js';
import { loadNluData } from '../src/nlu/load.js';
import { trainRecognizerParts } from '../src/nlu/train.js';
import { ProcedureClassifier } from '../src/nlu/procedure-classifier.js';
import { Recognizer, normalizeQuestion } from '../src/nlu/recognizer.js';
const data = loadNluData(loadConfig({}).KNOWLEDGE_DIR, loadConfig({}).INTENTS_DIR);
const { parts, phrases } = trainRecognizerParts(data);
const r = new Recognizer(parts);
const pc = new ProcedureClassifier(phrases, Number(process.env.T ?? 1));
for (const f of process.argv.slice(2)) {
  let n = 0, ok = 0, okm = 0;
  for (const l of readFileSync(f, 'utf8').split('\n').filter(Boolean)) {
    const g = JSON.parse(l);
    if (!g.procedure) continue;
    n++;
    const x = r.read(g.text);
    const guess = pc.classify(x.norm.folded)[0];
    if (guess?.id === g.procedure) ok++;
    const m = r.parse(g.text).procedure;
    if (m === g.procedure) okm++;
    if (process.env.V && guess?.id !== m) console.log(`${g.procedure === m ? 'M' : g.procedure === guess?.id ? 'C' : '-'} gold=${g.procedure} matcher=${m} clf=${guess?.id}:${guess?.probability.toFixed(2)} ${g.text.slice(0, 80)}`);
  }
  console.log(f, n, 'classifier', (ok / n).toFixed(3), 'project', (okm / n).toFixed(3));
}
