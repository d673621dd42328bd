import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import type { Config } from '../config.js';
import { PROJECT_ROOT } from '../config.js';
import { loadNluData } from '../nlu/load.js';
import { storeLocation } from '../store/open-stores.js';
import { loadStaffTrainingSet } from '../training/cli-training-set.js';
import { crossValidate, evaluate, parseGold, CV_FOLDS, type EvalCase, type EvaluationReport } from '../training/evaluation.js';
import { trainModel, type TrainEnvironment } from '../training/model-codec.js';

const DEV_SAMPLE = path.resolve(PROJECT_ROOT, '..', 'shared', 'data', 'dev-sample.jsonl');

/**
 * `dvc eval`: the pipeline the server serves (classifier, matcher and staff memory, trained on
 * intents/ merged with the staff data in DATA_DIR), cross-validated, and scored on a gold file
 * — the same evaluation as the staff page's report.
 */
export async function runEval(config: Config, goldFile?: string): Promise<number> {
  const data = loadNluData(config.KNOWLEDGE_DIR, config.INTENTS_DIR);
  const env: TrainEnvironment = { procedures: data.knowledge.procedures, lexicon: data.lexicon, situation: data.situation.data, options: config.NONE_THRESHOLD === undefined ? {} : { noneThreshold: config.NONE_THRESHOLD } };
  const { json: set } = await loadStaffTrainingSet(storeLocation(config), data);
  const cv = await crossValidate(env, set, CV_FOLDS);
  const out: string[] = [`${CV_FOLDS}-fold cross-validation on ${set.utterances.length} training utterances (${(cv.ms / 1000).toFixed(1)} s)`];
  out.push(...formatReport(cv));
  const gold = goldFile ?? (existsSync(DEV_SAMPLE) ? DEV_SAMPLE : undefined);
  if (gold) {
    const { recognizer } = trainModel(env, set);
    const cases = readGold(gold);
    const report = evaluate(cases, (text) => recognizer.parse(text));
    out.push('', `${path.relative(process.cwd(), gold) || gold}: ${cases.length} questions`, ...formatReport(report));
  }
  process.stdout.write(`${out.join('\n')}\n`);
  return 0;
}

/** The questions of a gold JSONL file (the dev sample's format), each line checked. */
export function readGold(file: string): EvalCase[] {
  return parseGold(readFileSync(file, 'utf8'), file);
}

const pct = (r: { correct: number; total: number }): string =>
  r.total ? `${((100 * r.correct) / r.total).toFixed(1).padStart(5)}% (${r.correct}/${r.total})` : '  n/a';

function formatReport(r: EvaluationReport): string[] {
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
