import Fuse from 'fuse.js';
import { loadNluData } from '../../src/nlu/load.js';
import { trainRecognizer } from '../../src/nlu/train.js';
import { evaluate, type EvalCase } from '../../src/training/evaluation.js';
import { misspelt } from './questions.js';
import { timeEach } from './stats.js';

export interface InProcessFigures {
  procedures: number;
  loadMs: number;
  trainMs: number;
  /** One sample per parse of a dev question, after warm-up. */
  parse: number[];
  /** CPU time of those parses over their number: steadier than wall-clock samples on a busy machine. */
  parseCpuMs: number;
  /** One sample per parse of a misspelt dev question, each seen once. */
  parseTypos: number[];
  /** One sample per plain fuse.js search of a dev question; at full size it stops at a time budget. */
  fuse: number[];
  fuseIndexMs: number;
  accuracy: { intent: number; procedure: number; fuseProcedure: number };
}

export interface InProcessOptions {
  rounds: number;
  typoRounds: number;
  fuseBudgetMs: number;
}

const rate = (r: { correct: number; total: number }): number => (r.total ? r.correct / r.total : NaN);

/** Loads and trains in this process, then times parsing and a plain fuse.js search over the same catalogue. */
export function measureInProcess(knowledgeDir: string, intentsDir: string, cases: readonly EvalCase[], options: InProcessOptions): InProcessFigures {
  let started = performance.now();
  const data = loadNluData(knowledgeDir, intentsDir);
  const loadMs = performance.now() - started;
  started = performance.now();
  const recognizer = trainRecognizer(data);
  const trainMs = performance.now() - started;

  const texts = cases.map((c) => c.text);
  const report = evaluate(cases, (text) => recognizer.parse(text));
  for (let i = 0; i < 3; i++) for (const text of texts) recognizer.parse(text);
  const parse: number[] = [];
  const cpu = process.cpuUsage();
  for (let i = 0; i < options.rounds; i++) parse.push(...timeEach(texts, (text) => recognizer.parse(text)));
  const used = process.cpuUsage(cpu);
  const parseCpuMs = (used.user + used.system) / 1000 / parse.length;
  const parseTypos = timeEach(misspelt(texts, options.typoRounds), (text) => recognizer.parse(text));

  // The reference: fuse.js as documented, over the same names and aliases, asked the whole question.
  started = performance.now();
  const fuse = new Fuse(data.knowledge.procedures.map((p) => ({ id: p.id, name: p.name, aliases: p.aliases })), {
    keys: ['name', 'aliases'],
    includeScore: true,
    ignoreDiacritics: true,
  });
  const fuseIndexMs = performance.now() - started;
  fuse.search('cấp giấy phép', { limit: 5 });
  const fuseSamples: number[] = [];
  let fuseRight = 0;
  let fuseAsked = 0;
  const budgetEnds = performance.now() + options.fuseBudgetMs;
  // A fixed stride through the questions, so that a short budget still samples all kinds.
  let stride = 37;
  while (gcd(stride, cases.length) !== 1) stride++;
  for (let k = 0; k < cases.length && (k < 3 || performance.now() < budgetEnds); k++) {
    const c = cases[(k * stride) % cases.length]!;
    const t0 = performance.now();
    const [best] = fuse.search(c.text, { limit: 5 });
    fuseSamples.push(performance.now() - t0);
    if (c.procedure) {
      fuseAsked++;
      if (best?.item.id === c.procedure) fuseRight++;
    }
  }
  return {
    procedures: data.knowledge.procedures.length,
    loadMs,
    trainMs,
    parse,
    parseCpuMs,
    parseTypos,
    fuse: fuseSamples,
    fuseIndexMs,
    accuracy: { intent: rate(report.intent), procedure: rate(report.procedure), fuseProcedure: fuseAsked ? fuseRight / fuseAsked : NaN },
  };
}

function gcd(a: number, b: number): number {
  return b ? gcd(b, a % b) : a;
}
