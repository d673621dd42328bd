import { loadConfig } from '../src/config.js';
import { loadNluData } from '../src/nlu/load.js';
import { trainRecognizer } from '../src/nlu/train.js';
const data = loadNluData(loadConfig({}).KNOWLEDGE_DIR, loadConfig({}).INTENTS_DIR);
const k = 5;
const rows: Array<{ src: string; intentOk: boolean; procOk: boolean | null; text: string; gold: string; got: string }> = [];
for (let fold = 0; fold < k; fold++) {
  const r = trainRecognizer({ ...data, examples: data.examples.filter((_, i) => i % k !== fold) });
  data.examples.forEach((ex, i) => {
    if (i % k !== fold) return;
    const p = r.parse(ex.text);
    rows.push({ src: ex.source.includes('understanding') ? 'new' : 'old', intentOk: p.intent === ex.intent, procOk: ex.procedure ? p.procedure === ex.procedure : null, text: ex.text, gold: `${ex.intent} ${ex.procedure}`, got: `${p.intent} ${p.procedure}` });
  });
}
for (const src of ['old', 'new']) {
  const rs = rows.filter((r) => r.src === src);
  const pr = rs.filter((r) => r.procOk !== null);
  console.log(src, rs.length, 'intent', (rs.filter((r) => r.intentOk).length / rs.length).toFixed(4), 'procedure', (pr.filter((r) => r.procOk).length / pr.length).toFixed(4), pr.filter((r) => r.procOk).length, pr.length);
}
if (process.env.V) for (const r of rows) if (r.procOk === false) console.log(r.src, r.gold, '→', r.got, '|', r.text);
