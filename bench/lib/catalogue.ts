import path from 'node:path';
import { importCatalogue } from '../../src/catalogue/import-catalogue.js';
import { loadKnowledge } from '../../src/catalogue/load-knowledge.js';
import { writeSyntheticTable } from '../../src/cli/gen-catalogue.js';
import type { Config } from '../../src/config.js';
import { withTrainingData } from '../../src/nlu/load.js';
import { trainRecognizer } from '../../src/nlu/train.js';
import type { Figure } from './report.js';
import { startServer } from './server-process.js';
import { median, ms, quantile, timeEach } from './stats.js';

// The catalogue section of `npm run bench`: a province's catalogue of CATALOGUE_SIZE synthetic
// procedures as CSV and XLSX: how fast it imports, and the start-up and parse latency of the
// assistant serving it beside knowledge/ (CATALOGUE_FILE). The first start imports the file and
// trains; a restart reads the catalogue cache and the saved model.

const COLD_STARTS = 3;

export async function benchCatalogue(work: string, config: Config, texts: readonly string[], size: number, emit: (f: Figure) => void): Promise<void> {
  const csv = path.join(work, `catalogue-${size}.csv`);
  const xlsx = path.join(work, `catalogue-${size}.xlsx`);
  await writeSyntheticTable(csv, size);
  await writeSyntheticTable(xlsx, size);
  for (const file of [csv, xlsx]) {
    const started = performance.now();
    const result = await importCatalogue(file);
    const took = performance.now() - started;
    emit({ metric: 'catalogue-import', procedures: result.entries.length, format: result.format, ms: ms(took), rows_per_s: Math.round(result.read / (took / 1000)), skipped: result.skipped.length });
  }

  let started = performance.now();
  const knowledge = await loadKnowledge({ ...config, DATA_DIR: path.join(work, 'catalogue-in-process'), CATALOGUE_FILE: csv });
  const loadMs = performance.now() - started;
  started = performance.now();
  const recognizer = trainRecognizer(withTrainingData(knowledge, config.INTENTS_DIR));
  const trainMs = performance.now() - started;
  for (let i = 0; i < 3; i++) for (const text of texts) recognizer.parse(text);
  const parse: number[] = [];
  const cpu = process.cpuUsage();
  for (let i = 0; i < 10; i++) parse.push(...timeEach(texts, (text) => recognizer.parse(text)));
  const used = process.cpuUsage(cpu);
  const procedures = knowledge.procedures.length;
  emit({ metric: 'catalogue-load', procedures, ms: ms(loadMs), train_ms: ms(trainMs) });
  emit({ metric: 'catalogue-parse', procedures, p50_ms: ms(median(parse)), p99_ms: ms(quantile(parse, 0.99)), cpu_ms_mean: ms((used.user + used.system) / 1000 / parse.length), samples: parse.length });

  const env = { KNOWLEDGE_DIR: config.KNOWLEDGE_DIR, DATA_DIR: path.join(work, 'catalogue-server'), CATALOGUE_FILE: csv };
  let server = await startServer(env);
  emit({ metric: 'catalogue-first-start', procedures, ms: ms(server.coldStartMs) });
  const starts: number[] = [];
  for (let run = 0; run < COLD_STARTS; run++) {
    await server.stop();
    server = await startServer(env);
    starts.push(server.coldStartMs);
  }
  emit({ metric: 'catalogue-cold-start', procedures, ms: ms(median(starts)), runs: starts.map(ms), rss_mb: Math.round(server.memory().rssMb) });
  await server.stop();
}

/** The catalogue section of bench/RESULTS.md. */
export function catalogueSection(figures: readonly Figure[]): string[] {
  const of = (metric: string): Figure[] => figures.filter((f) => f.metric === metric);
  const imports = of('catalogue-import');
  if (!imports.length) return [];
  const n = (f: Figure | undefined, key: string): string => String(f?.[key] ?? 'n/a');
  const [load, parse, first, cold] = ['catalogue-load', 'catalogue-parse', 'catalogue-first-start', 'catalogue-cold-start'].map((m) => of(m)[0]);
  return [
    '', '## A province\'s catalogue (CATALOGUE_FILE)', '',
    `${n(imports[0], 'procedures')} synthetic procedures as a catalogue spreadsheet, served beside knowledge/ (${n(parse, 'procedures')} procedures in all).`, '',
    '| figure | value |', '|---|---|',
    ...imports.map((f) => `| import, ${n(f, 'format').toUpperCase()} | ${n(f, 'ms')} ms (${n(f, 'rows_per_s')} rows/s) |`),
    `| load (import, merge) and train, in process | ${n(load, 'ms')} ms + ${n(load, 'train_ms')} ms |`,
    `| parse | p50 ${n(parse, 'p50_ms')} ms, p99 ${n(parse, 'p99_ms')} ms, mean CPU ${n(parse, 'cpu_ms_mean')} ms |`,
    `| first start (imports, trains) | ${n(first, 'ms')} ms |`,
    `| restart (catalogue cache, saved model) | ${n(cold, 'ms')} ms (median), RSS ${n(cold, 'rss_mb')} MB |`,
  ];
}
