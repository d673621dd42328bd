import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import type { Config } from '../config.js';
import { PROJECT_ROOT } from '../config.js';
import { loadNluData } from '../nlu/load.js';
import { trainRecognizer } from '../nlu/train.js';
import { evaluate, crossValidate, type EvalCase, type EvalReport } from '../nlu/evaluation.js';

const DEV_SAMPLE = path.resolve(PROJECT_ROOT, '..', 'shared', 'data', 'dev-sample.jsonl');

export async function runEval(config: Config, goldFile?: string): Promise<number> {
  const data = loadNluData(config.KNOWLEDGE_DIR, config.INTENTS_DIR);
  const started = Date.now();
  const cv = crossValidate(data, 5);
  const out: string[] = [`5-fold cross-validation on ${data.examples.length} training utterances (${((Date.now() - started) / 1000).toFixed(1)} s)`];
  out.push(...formatReport(cv));
  const gold = goldFile ?? (existsSync(DEV_SAMPLE) ? DEV_SAMPLE : undefined);
  if (gold) {
    const recognizer = trainRecognizer(data);
    const cases = readGold(gold);
    const report = evaluate(cases, (text) => recognizer.parse(text));
    out.push('', `${path.relative(process.cwd(), gold) || gold}: ${cases.length} questions`, ...formatReport(report));
  }
  process.stdout.write(`${out.join('\n')}\n`);
  return 0;
}

export function readGold(file: string): EvalCase[] {
  return readFileSync(file, 'utf8').split(/\r?\n/).filter((l) => l.trim()).map((line) => {
    const g = JSON.parse(line) as { text: string; intent: string | string[]; procedure?: string | null; dossierCode?: string };
    return {
      text: g.text,
      intents: Array.isArray(g.intent) ? g.intent : [g.intent],
      procedure: g.procedure ?? null,
      ...(g.dossierCode ? { dossierCode: g.dossierCode } : {}),
    };
  });
}

const pct = (r: { correct: number; total: number }): string =>
  r.total ? `${((100 * r.correct) / r.total).toFixed(1).padStart(5)}% (${r.correct}/${r.total})` : '  n/a';

function formatReport(r: EvalReport): string[] {
  const lines = [
    `  intent accuracy      ${pct(r.intent)}`,
    `  procedure accuracy   ${pct(r.procedure)}`,
    `  out-of-scope → none  ${pct(r.oosRejected)}`,
    `  in-scope → none      ${pct(r.falseNone)}`,
  ];
  if (r.dossierCode.total) lines.push(`  dossier codes        ${pct(r.dossierCode)}`);
  lines.push('  per intent                precision  recall     F1     n');
  for (const [intent, s] of Object.entries(r.perIntent)) {
    lines.push(`    ${intent.padEnd(22)} ${s.precision.toFixed(3).padStart(9)} ${s.recall.toFixed(3).padStart(7)} ${s.f1.toFixed(3).padStart(6)} ${String(s.support).padStart(5)}`);
  }
  lines.push('  most frequent confusions (gold → predicted)');
  for (const [pair, n] of r.confusions.slice(0, 10)) lines.push(`    ${String(n).padStart(4)}  ${pair}`);
  if (r.procedureConfusions.length) {
    lines.push('  procedure confusions (gold → predicted)');
    for (const [pair, n] of r.procedureConfusions.slice(0, 10)) lines.push(`    ${String(n).padStart(4)}  ${pair}`);
  }
  return lines;
}
