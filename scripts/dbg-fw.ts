import { loadConfig } from '../src/config.js';
import { loadNluData } from '../src/nlu/load.js';
import { trainRecognizer } from '../src/nlu/train.js';
import { findProcedures } from '../src/nlu/find-procedures.js';
import { questionFocus, sliceText } from '../src/nlu/question-focus.js';
const data = loadNluData(loadConfig({}).KNOWLEDGE_DIR, loadConfig({}).INTENTS_DIR);
const r = trainRecognizer(data) as any;
for (const t of process.argv.slice(2)) {
  const x = r.read(t); const p = r.parts;
  const focus = questionFocus(x.norm, p.lexicon.cues);
  const w = findProcedures(p, p.options, x.norm);
  const f = focus ? findProcedures(p, p.options, sliceText(x.norm, focus.start, focus.end)) : null;
  console.log(t.slice(0, 50), '| whole', w.candidates.slice(0, 4).map((m) => `${m.id}:${m.score.toFixed(2)}`).join(' '), '| focus', f?.accepted?.id, f?.accepted?.score.toFixed(2));
}
