import { mkdtempSync, rmSync } from 'node:fs';
import { cpus, loadavg, tmpdir } from 'node:os';
import path from 'node:path';
import { loadConfig, PROJECT_ROOT } from '../src/config.js';
import { NATIONAL_CATALOGUE_SIZE } from '../src/synthetic/generate.js';
import { writeCatalogue } from '../src/synthetic/write-catalogue.js';
import { loadTrainingFiles } from '../src/nlu/training-data.js';
import { benchQuestions } from './lib/questions.js';
import { measureInProcess } from './lib/in-process.js';
import { buildServer, startServer, type ServerProcess } from './lib/server-process.js';
import { loadDirectLine, loadParse, type LoadFigures } from './lib/load.js';
import { median, ms, quantile } from './lib/stats.js';
import { readFigures, writeAnalyticsSection, writeInboxSection, writeResults, writeScaleSection, type Figure } from './lib/report.js';
import { measureInbox } from './lib/inbox.js';
import { measureAnalytics } from './lib/analytics.js';
import { benchCatalogue } from './lib/catalogue.js';
import { measureScale } from './lib/scale.js';

// `npm run bench`: one JSON line per figure on stdout, and bench/RESULTS.md.
// BENCH_SECONDS (default 5) sets how long each load level runs; BENCH_SIZE the large catalogue.
// `npm run bench -- inbox` (or `-- analytics`) runs that section alone and rewrites it in RESULTS.md;
// `npm run bench -- scale` the same for Direct Line on files and PostgreSQL, one process and two
// (BENCH_IDLE_CHATS, default 1000, BENCH_IDLE_SETTLE_SECONDS, default 10, and BENCH_IDLE_SECONDS,
// default 40, size its idle part).
// BENCH_ONLY=understanding measures understanding in process only (load, train, parse), on
// stdout, leaving RESULTS.md as it is.

const SECONDS = Number(process.env.BENCH_SECONDS ?? 5);
const LARGE = Number(process.env.BENCH_SIZE ?? NATIONAL_CATALOGUE_SIZE);
const COLD_STARTS = 3;
/** Procedures of the province's catalogue of the catalogue section (CATALOGUE_FILE). */
const CATALOGUE_SIZE = Number(process.env.BENCH_CATALOGUE_SIZE ?? 2000);
/** bench/baseline.jsonl: this bench run on the code before the speed work. */
const BASELINE_LABEL = 'this bench run on commit aeabebd, before the speed work (`bench/baseline.jsonl`)';
const PARSE_CONNECTIONS = [1, 10, 50];
const DIRECT_LINE_CONNECTIONS = [10, 50];
const SCALE_CONNECTIONS = [10, 50];

const figures: Figure[] = [];
function emit(figure: Figure): void {
  figures.push(figure);
  process.stdout.write(`${JSON.stringify(figure)}\n`);
}

const RESULTS = path.join(PROJECT_ROOT, 'bench', 'RESULTS.md');

async function main(): Promise<void> {
  if (process.argv[2] === 'inbox') {
    emit(await measureInbox());
    writeInboxSection(RESULTS, figures);
    return;
  }
  if (process.argv[2] === 'scale') {
    const work = mkdtempSync(path.join(tmpdir(), 'dvc-bench-'));
    try {
      const config = loadConfig({});
      const catalogueDir = path.join(work, 'catalogue');
      writeCatalogue(catalogueDir, config.KNOWLEDGE_DIR, { size: LARGE });
      buildServer();
      const texts = benchQuestions(loadTrainingFiles(config.INTENTS_DIR).examples).cases.map((c) => c.text);
      figures.push(...await measureScale({ knowledgeDir: catalogueDir, texts, seconds: SECONDS, clients: SCALE_CONNECTIONS }));
      writeScaleSection(RESULTS, figures);
    } finally {
      rmSync(work, { recursive: true, force: true });
    }
    return;
  }
  if (process.argv[2] === 'analytics') {
    emit(await measureAnalytics(analyticsQuestions()));
    writeAnalyticsSection(RESULTS, figures);
    return;
  }
  const began = Date.now();
  const config = loadConfig({});
  const work = mkdtempSync(path.join(tmpdir(), 'dvc-bench-'));
  try {
    emit({ metric: 'machine', procedures: null, cpus: cpus().length, load_1m: round(loadavg()[0] ?? NaN), node: process.version });
    const { source, cases } = benchQuestions(loadTrainingFiles(config.INTENTS_DIR).examples);
    const texts = cases.map((c) => c.text);

    const started = performance.now();
    const catalogueDir = path.join(work, 'catalogue');
    writeCatalogue(catalogueDir, config.KNOWLEDGE_DIR, { size: LARGE });
    emit({ metric: 'gen-catalogue', procedures: LARGE, ms: ms(performance.now() - started) });

    const sizes = [config.KNOWLEDGE_DIR, catalogueDir];
    for (const knowledgeDir of sizes) {
      const f = measureInProcess(knowledgeDir, config.INTENTS_DIR, cases, { rounds: 20, typoRounds: 5, fuseBudgetMs: 8000 });
      const procedures = f.procedures;
      emit({ metric: 'load', procedures, ms: ms(f.loadMs) });
      emit({ metric: 'train', procedures, ms: ms(f.trainMs) });
      emit({ metric: 'parse', procedures, p50_ms: ms(median(f.parse)), p99_ms: ms(quantile(f.parse, 0.99)), cpu_ms_mean: ms(f.parseCpuMs), samples: f.parse.length });
      emit({ metric: 'parse-typos', procedures, p50_ms: ms(median(f.parseTypos)), p99_ms: ms(quantile(f.parseTypos, 0.99)), samples: f.parseTypos.length });
      emit({ metric: 'fuse-plain', procedures, p50_ms: ms(median(f.fuse)), p99_ms: ms(quantile(f.fuse, 0.99)), samples: f.fuse.length, index_ms: ms(f.fuseIndexMs) });
      emit({
        metric: 'parse-vs-fuse', procedures,
        p50_x: round(median(f.fuse) / median(f.parse)), p99_x: round(quantile(f.fuse, 0.99) / quantile(f.parse, 0.99)),
      });
      emit({ metric: 'accuracy', procedures, questions: cases.length, intent: round(f.accuracy.intent), procedure: round(f.accuracy.procedure), fuse_procedure: round(f.accuracy.fuseProcedure) });
    }

    if (process.env.BENCH_ONLY === 'understanding') return;
    buildServer();
    for (const knowledgeDir of sizes) {
      // The first start on an empty DATA_DIR reads the YAML and trains; every later one
      // loads the saved model and the knowledge cache it left, as a restarted server does.
      const dataDir = path.join(work, `data-${sizes.indexOf(knowledgeDir)}`);
      let server: ServerProcess = await startServer({ KNOWLEDGE_DIR: knowledgeDir, DATA_DIR: dataDir });
      const procedures = ((await (await fetch(`${server.url}/healthz`)).json()) as { procedures: number }).procedures;
      emit({ metric: 'first-start', procedures, ms: ms(server.coldStartMs), cpu_ms: ms(server.startCpuMs) });
      const starts: number[] = [];
      const startCpu: number[] = [];
      for (let run = 0; run < COLD_STARTS; run++) {
        await server.stop();
        server = await startServer({ KNOWLEDGE_DIR: knowledgeDir, DATA_DIR: dataDir });
        starts.push(server.coldStartMs);
        startCpu.push(server.startCpuMs);
      }
      emit({ metric: 'cold-start', procedures, ms: ms(median(starts)), runs: starts.map(ms), cpu_ms: ms(median(startCpu)) });
      const atStart = server.memory();
      if (knowledgeDir === catalogueDir) {
        const running = server;
        const measured = async (load: () => Promise<LoadFigures>): Promise<LoadFigures> => {
          const before = running.cpuMs();
          const f = await load();
          return { ...f, cpuMsPerMessage: (running.cpuMs() - before) / Math.max(1, f.messages) };
        };
        await loadParse(server.url, texts, 10, 2); // warm-up
        for (const c of PARSE_CONNECTIONS) emitLoad('http-parse', procedures, await measured(() => loadParse(running.url, texts, c, SECONDS)));
        await loadDirectLine(server.url, texts, 10, 2);
        for (const c of DIRECT_LINE_CONNECTIONS) emitLoad('directline', procedures, await measured(() => loadDirectLine(running.url, texts, c, SECONDS)));
      }
      const after = server.memory();
      emit({ metric: 'rss', procedures, rss_mb: round(atStart.rssMb), peak_mb: round(after.peakMb) });
      await server.stop();
    }
    await benchCatalogue(work, config, texts, CATALOGUE_SIZE, emit);
    emit(await measureInbox());
    emit(await measureAnalytics(texts));
    figures.push(...await measureScale({ knowledgeDir: catalogueDir, texts, seconds: SECONDS, clients: SCALE_CONNECTIONS }));
    const seconds = (Date.now() - began) / 1000;
    emit({ metric: 'bench', procedures: null, seconds: round(seconds), load_1m: round(loadavg()[0] ?? NaN) });
    writeResults(RESULTS, figures, {
      questions: source,
      count: cases.length,
      seconds: SECONDS,
      baseline: { figures: readFigures(path.join(PROJECT_ROOT, 'bench', 'baseline.jsonl')), label: BASELINE_LABEL },
    });
  } finally {
    rmSync(work, { recursive: true, force: true });
  }
}

function emitLoad(metric: string, procedures: number, f: LoadFigures): void {
  emit({
    metric, procedures, connections: f.connections, rps: Math.round(f.rps), p50_ms: ms(f.p50Ms), p99_ms: ms(f.p99Ms), errors: f.errors, messages: f.messages,
    server_cpu_ms_per_msg: ms(f.cpuMsPerMessage ?? NaN),
  });
}

/** The bench questions (for a section run alone). */
function analyticsQuestions(): string[] {
  return benchQuestions(loadTrainingFiles(loadConfig({}).INTENTS_DIR).examples).cases.map((c) => c.text);
}

function round(x: number): number {
  return Math.round(x * 100) / 100;
}

main().catch((err: unknown) => {
  process.stderr.write(`bench: ${err instanceof Error ? err.stack ?? err.message : String(err)}\n`);
  process.exitCode = 1;
});
