import { execFileSync } from 'node:child_process';
import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { containerBootstrap, Nlp } from '@nlpjs/basic';
import { readGold } from '../src/cli/eval.js';
import { loadConfig, PROJECT_ROOT } from '../src/config.js';
import type { EvalCase } from '../src/training/evaluation.js';
import { loadNluData } from '../src/nlu/load.js';
import { trainRecognizer } from '../src/nlu/train.js';

// `npm run -s bench:nlpjs [--holdout] [GOLD.jsonl...]`: the project's understanding beside
// NLP.js (@nlpjs/basic) trained on the same data, as a project would use it: every line of
// `dvc export-training` is a document whose label is its intent and procedure together.
// Scored on the evaluation sets at hand: intent, procedure (where one is named) and both.
// --holdout adds test/nlu/challenge-2-holdout.jsonl (measure it seldom: it is held back).

interface Prediction {
  intent: string;
  procedure: string | null;
}

const LABEL_SEPARATOR = '|';

function defaultSets(holdout: boolean): string[] {
  const shared = [path.join(PROJECT_ROOT, '..', 'shared'), path.join(PROJECT_ROOT, '..', '..', 'shared')]
    .map((dir) => path.join(dir, 'data', 'dev-sample.jsonl'));
  const nlu = (name: string): string => path.join(PROJECT_ROOT, 'test', 'nlu', name);
  return [
    ...shared.filter(existsSync).slice(0, 1),
    nlu('challenge.jsonl'),
    nlu('challenge-holdout.jsonl'),
    nlu('challenge-2.jsonl'),
    ...(holdout ? [nlu('challenge-2-holdout.jsonl')] : []),
  ];
}

/** The training data exactly as the export command writes it, with an empty staff store. */
function exportTraining(): Array<{ text: string; intent: string; procedure: string | null }> {
  const dataDir = mkdtempSync(path.join(tmpdir(), 'dvc-nlpjs-'));
  try {
    const out = execFileSync(process.execPath, ['--import', 'tsx', path.join(PROJECT_ROOT, 'src', 'cli', 'dvc.ts'), 'export-training'], {
      env: { ...process.env, DATA_DIR: dataDir, LOG_LEVEL: 'silent' },
      encoding: 'utf8',
      maxBuffer: 64 * 1024 * 1024,
    });
    return out.split('\n').filter((l) => l.trim()).map((l) => JSON.parse(l) as { text: string; intent: string; procedure: string | null });
  } finally {
    rmSync(dataDir, { recursive: true, force: true });
  }
}

type Predict = (text: string) => Prediction | Promise<Prediction>;

const NONE_LABEL = 'None';

/** NLP.js trained on labelled texts; answers the label it gives and its best guess (ignoring its None threshold). */
async function trainNlpJs(documents: ReadonlyArray<{ text: string; label: string }>): Promise<(text: string) => Promise<{ label: string; best: string }>> {
  // A container of its own per model (dockStart shares one), with its warnings silenced.
  const container = await containerBootstrap();
  const quiet = (): void => {};
  container.register('logger', { trace: quiet, debug: quiet, info: quiet, log: quiet, warn: quiet, error: quiet, fatal: quiet });
  const nlp = new Nlp({ languages: ['vi'], autoSave: false, autoLoad: false, forceNER: false, nlu: { log: false } }, container);
  nlp.addLanguage('vi');
  for (const d of documents) nlp.addDocument('vi', d.text, d.label);
  await nlp.train();
  return async (text) => {
    const out = await nlp.process('vi', text);
    const best = out.classifications?.find((c) => c.intent !== NONE_LABEL)?.intent ?? NONE_LABEL;
    return { label: out.intent || NONE_LABEL, best };
  };
}

function fromLabel(label: string): Prediction {
  if (label === NONE_LABEL) return { intent: 'none', procedure: null };
  const [intent = 'none', procedure = ''] = label.split(LABEL_SEPARATOR);
  return { intent, procedure: procedure || null };
}

interface Score {
  intent: number;
  procedure: number;
  joint: number;
  named: number;
  n: number;
}

async function score(cases: readonly EvalCase[], predict: Predict): Promise<Score> {
  const s: Score = { intent: 0, procedure: 0, joint: 0, named: 0, n: cases.length };
  for (const c of cases) {
    const p = await predict(c.text);
    const intentOk = c.intents.includes(p.intent);
    const procedureOk = p.procedure === c.procedure;
    if (intentOk) s.intent++;
    if (c.procedure !== null) {
      s.named++;
      if (procedureOk) s.procedure++;
    }
    if (intentOk && procedureOk) s.joint++;
  }
  return s;
}

const pct = (k: number, n: number): string => (n ? `${((100 * k) / n).toFixed(1)}%` : 'n/a');

const READINGS = ['project', 'NLP.js', 'NLP.js best guess', 'NLP.js procedure model'] as const;
type Reading = (typeof READINGS)[number];

async function main(argv: string[]): Promise<void> {
  const holdout = argv.includes('--holdout');
  const files = argv.filter((a) => !a.startsWith('--'));
  const sets = files.length ? files : defaultSets(holdout);
  const config = loadConfig({});
  const examples = exportTraining();
  const joint = await trainNlpJs(examples.map((e) => ({ text: e.text, label: `${e.intent}${LABEL_SEPARATOR}${e.procedure ?? ''}` })));
  const byProcedure = await trainNlpJs(examples.map((e) => ({ text: e.text, label: e.procedure ?? 'none' })));
  const recognizer = trainRecognizer(loadNluData(config.KNOWLEDGE_DIR, config.INTENTS_DIR));
  const readings: Record<Reading, Predict> = {
    project: (text) => recognizer.parse(text),
    'NLP.js': async (text) => fromLabel((await joint(text)).label),
    'NLP.js best guess': async (text) => fromLabel((await joint(text)).best),
    'NLP.js procedure model': async (text) => {
      const procedure = (await byProcedure(text)).best;
      return { intent: '', procedure: procedure === 'none' || procedure === NONE_LABEL ? null : procedure };
    },
  };
  const rows: string[] = [
    `Trained on ${examples.length} exported utterances. NLP.js: label = intent${LABEL_SEPARATOR}procedure, answered as it is (None under its threshold) and as its best guess; the procedure model: label = procedure alone, best guess.`,
    '',
    `| set | n | ${READINGS.map((r) => `${r}: intent / procedure / both`).join(' | ')} |`,
    `| --- | --- | ${READINGS.map(() => '---').join(' | ')} |`,
  ];
  const totals = new Map<Reading, Score>(READINGS.map((r) => [r, { intent: 0, procedure: 0, joint: 0, named: 0, n: 0 }]));
  const cell = (s: Score, r: Reading): string => r === 'NLP.js procedure model'
    ? `– / ${pct(s.procedure, s.named)} / –`
    : `${pct(s.intent, s.n)} / ${pct(s.procedure, s.named)} / ${pct(s.joint, s.n)}`;
  for (const file of sets) {
    const cases = readGold(file);
    const cells: string[] = [];
    for (const r of READINGS) {
      const s = await score(cases, readings[r]);
      const t = totals.get(r)!;
      for (const k of ['intent', 'procedure', 'joint', 'named', 'n'] as const) t[k] += s[k];
      cells.push(cell(s, r));
    }
    rows.push(`| ${path.relative(process.cwd(), file)} | ${cases.length} | ${cells.join(' | ')} |`);
  }
  if (process.env.NLPJS_DIFF) {
    for (const file of sets) for (const c of readGold(file)) {
      if (c.procedure === null) continue;
      const ours = (await readings.project(c.text)).procedure;
      const theirs = (await readings['NLP.js procedure model'](c.text)).procedure;
      if (ours !== c.procedure && theirs === c.procedure) process.stderr.write(`project misses, NLP.js finds: ${c.procedure} (project: ${ours}) ${c.text}\n`);
      if (ours === c.procedure && theirs !== c.procedure) process.stderr.write(`NLP.js misses: ${c.procedure} (NLP.js: ${theirs}) ${c.text}\n`);
    }
  }
  rows.push(`| all | ${totals.get('project')!.n} | ${READINGS.map((r) => cell(totals.get(r)!, r)).join(' | ')} |`);
  process.stdout.write(`${rows.join('\n')}\n`);
}

main(process.argv.slice(2)).catch((err: unknown) => {
  process.stderr.write(`nlpjs-compare: ${err instanceof Error ? err.stack ?? err.message : String(err)}\n`);
  process.exitCode = 1;
});
