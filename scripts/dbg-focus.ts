import { readFileSync } from 'node:fs';
import { loadConfig } from '../src/config.js';
import { loadNluData } from '../src/nlu/load.js';
import { trainRecognizer } from '../src/nlu/train.js';
import { contextWeight } from '../src/nlu/reading.js';
import { intentFeatures } from '../src/nlu/features.js';
const data = loadNluData(loadConfig({}).KNOWLEDGE_DIR, loadConfig({}).INTENTS_DIR);
const r = trainRecognizer(data) as any;
for (const f of process.argv.slice(2)) for (const l of readFileSync(f, 'utf8').split('\n').filter(Boolean)) {
  const g = JSON.parse(l);
  const x = r.read(g.text);
  if (x.asked === x.norm) continue;
  const c = r.parts.classifier;
  const a = c.classify(x.features, x.context, contextWeight(c.knownFeatures(x.context)))[0];
  const span = new Set(x.search.span as number[]);
  const w = c.classify(intentFeatures(x.norm.folded, span, r.parts.vocabulary.unknown(x.norm)))[0];
  console.log([g.intent, a.intent, a.confidence.toFixed(2), w.intent, w.confidence.toFixed(2), x.asked.words.join(' '), '||', g.text.slice(0, 60)].join(' | '));
}
