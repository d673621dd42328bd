import { loadConfig } from '../src/config.js';
import { loadNluData } from '../src/nlu/load.js';
import { trainRecognizer } from '../src/nlu/train.js';
import { findProcedures } from '../src/nlu/find-procedures.js';
import { withoutRuledOut, ruleOutScopes } from '../src/nlu/contrast.js';
const data = loadNluData(loadConfig({}).KNOWLEDGE_DIR, loadConfig({}).INTENTS_DIR);
const r = trainRecognizer(data) as any;
const p = r.parts;
for (const t of process.argv.slice(2)) {
  const x = r.read(t);
  const s = findProcedures(p, p.options, x.norm);
  console.log(s.candidates.map((c: any) => `${c.id}:${c.score.toFixed(2)}:${c.matched}`).join(' '));
  const found = p.matcher.match(p.aliases.filter(x.norm), 10);
  const scopes = ruleOutScopes(x.norm, p.lexicon.cues);
  console.log(JSON.stringify(scopes), found.map((c: any) => `${c.id}:${c.matched}`).join(' '));
  const q = p.aliases.filter(x.norm);
  console.log(q.folded.map((w: string, i: number) => `${i}${w}:${p.matcher.weight(w).toFixed(2)}:${p.matcher.distinctive(w)}`).join(' '));
}
