import { projectRecognizer } from '/work/wt/nlu7/test/helpers/recognizer.js';
import { createInterface } from 'node:readline';
const { recognizer } = projectRecognizer();
const rl = createInterface({ input: process.stdin });
for await (const line of rl) {
  if (!line.trim()) continue;
  const r = recognizer.read(line);
  const s = r.search;
  console.log(JSON.stringify({ words: r.norm.words.join(' '), acc: s.accepted?.id, matched: s.accepted?.matched.map((i) => r.norm.words[i]), cands: s.candidates.map((c) => `${c.id}:${c.score.toFixed(2)}:${c.coverage.toFixed(2)}:${c.matched.map((i) => r.norm.words[i]).join('_')}`) }));
}
