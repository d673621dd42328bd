import { loadConfig } from '../src/config.js';
import { loadNluData } from '../src/nlu/load.js';
import { trainRecognizer } from '../src/nlu/train.js';
const data = loadNluData(loadConfig({}).KNOWLEDGE_DIR, loadConfig({}).INTENTS_DIR);
const r = trainRecognizer(data) as any;
for (const t of process.argv.slice(2)) {
  const x = r.read(t);
  const m = r.parts.matcher;
  const rs = m.respell(x.norm);
  const f = r.parts.aliases.filter(rs, (a: string, b: string) => m.hasPair(a, b));
  console.log(rs.words.join(' '), '|', f.folded.join(' '), '|', m.correct(f.folded).join(' '));
}
