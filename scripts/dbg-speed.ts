import { readFileSync } from 'node:fs';
import { loadConfig } from '../src/config.js';
import { loadNluData } from '../src/nlu/load.js';
import { trainRecognizer } from '../src/nlu/train.js';
const data = loadNluData(loadConfig({}).KNOWLEDGE_DIR, loadConfig({}).INTENTS_DIR);
let t = performance.now();
const r = trainRecognizer(data);
console.log('train ms', Math.round(performance.now() - t));
const texts = readFileSync('/work/shared/data/dev-sample.jsonl', 'utf8').split('\n').filter(Boolean).map((l) => (JSON.parse(l) as { text: string }).text);
for (let k = 0; k < 3; k++) for (const x of texts) r.parse(x);
const times: number[] = [];
for (let k = 0; k < 20; k++) for (const x of texts) { const s = performance.now(); r.parse(x); times.push(performance.now() - s); }
times.sort((a, b) => a - b);
console.log('p50', times[Math.floor(times.length / 2)]!.toFixed(3), 'p99', times[Math.floor(times.length * 0.99)]!.toFixed(3));
