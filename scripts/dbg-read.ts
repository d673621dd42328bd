import { loadConfig } from '../src/config.js';
import { loadNluData } from '../src/nlu/load.js';
import { trainRecognizer } from '../src/nlu/train.js';
const data = loadNluData(loadConfig({}).KNOWLEDGE_DIR, loadConfig({}).INTENTS_DIR);
const r = trainRecognizer(data);
for (const t of process.argv.slice(2)) {
  const x = r.read(t);
  const p = r.parse(t);
  console.log(JSON.stringify({ t, words: x.norm.words.join(' '), asked: x.asked.words.join(' '), feats: x.features.join(' '), acc: x.search.accepted?.id, matched: x.search.accepted?.matched, intent: p.intent, proc: p.procedure, intents: p.intents, cands: p.procedures }));
}
import { ruleOutScopes } from '../src/nlu/contrast.js';
if (process.env.RO) for (const t of process.argv.slice(2)) {
  const x = r.read(t);
  console.log(JSON.stringify(ruleOutScopes(x.norm, data.lexicon.cues)), JSON.stringify(data && (r as any).parts.matcher.match(x.norm, 10).map((m: any) => [m.id, m.phrase, m.matched, Math.round(m.score*100)/100])));
}
