import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { cpus, loadavg, tmpdir } from 'node:os';
import path from 'node:path';
import pg from 'pg';
import { PostgresCluster } from '../../scripts/pg-cluster.mjs';
import { chatLoad, openIdleChats, type ChatMode } from './chat-load.js';
import type { LoadFigures } from './load.js';
import { startServer, treeCpuMs, type ServerProcess } from './server-process.js';
import type { Figure } from './report.js';

// Direct Line on each store and process count (`npm run bench -- scale` runs this section
// alone): one process on files, one on PostgreSQL, WORKERS=2 on PostgreSQL, each with
// polling and with streaming clients; and what 1,000 open idle chats cost, polling against
// streaming. PostgreSQL is a throwaway cluster on this machine with its durable defaults
// (fsync and synchronous commit on), so its CPU is counted apart from the server's.

export interface Setup {
  store: 'files' | 'postgres';
  workers: number;
}

export const SETUPS: Setup[] = [
  { store: 'files', workers: 1 },
  { store: 'postgres', workers: 1 },
  { store: 'postgres', workers: 2 },
];
const MODES: ChatMode[] = ['poll', 'stream'];
const IDLE_CHATS = Number(process.env.BENCH_IDLE_CHATS ?? 1000);
/** The idle window measured, after the chats have been idle for IDLE_SETTLE_SECONDS (the load's garbage collected, the sockets opened). */
const IDLE_SECONDS = Number(process.env.BENCH_IDLE_SECONDS ?? 40);
const IDLE_SETTLE_SECONDS = Number(process.env.BENCH_IDLE_SETTLE_SECONDS ?? 10);
/** The idle window is also read in slices this long: the busiest slice shows the bursts an average hides. */
const IDLE_SLICE_SECONDS = 5;

const label = (s: Setup): string => `${s.store}, ${s.workers} process${s.workers > 1 ? 'es' : ''}`;

/** CPU time of the PostgreSQL server (the postmaster and its backends). */
function databaseCpuMs(cluster: PostgresCluster | undefined): number {
  if (!cluster) return 0;
  const pid = Number(readFileSync(path.join(cluster.dataDir, 'postmaster.pid'), 'utf8').split('\n')[0]);
  return treeCpuMs(pid);
}

export async function measureScale(options: { knowledgeDir: string; texts: readonly string[]; seconds: number; clients: number[] }): Promise<Figure[]> {
  const figures: Figure[] = [];
  const loadStart = loadavg()[0] ?? NaN;
  const work = mkdtempSync(path.join(tmpdir(), 'dvc-bench-scale-'));
  // The durable defaults, not the tests' fsync=off.
  const cluster = await PostgresCluster.start({ settings: ['fsync=on', 'synchronous_commit=on', 'full_page_writes=on', 'max_connections=200'] });
  let n = 0;
  const serverFor = async (setup: Setup): Promise<ServerProcess> => {
    const env: Record<string, string> = { KNOWLEDGE_DIR: options.knowledgeDir, DATA_DIR: path.join(work, `data-${n}`) };
    if (setup.store === 'postgres') {
      const database = `bench_${n}`;
      const admin = new pg.Client(cluster.url);
      await admin.connect();
      await admin.query(`CREATE DATABASE ${database}`);
      await admin.end();
      env.DATABASE_URL = cluster.url.replace(/\/postgres$/, `/${database}`);
    }
    if (setup.workers > 1) env.WORKERS = String(setup.workers);
    n += 1;
    return startServer({ KNOWLEDGE_DIR: env.KNOWLEDGE_DIR ?? '', DATA_DIR: env.DATA_DIR ?? '', ...env });
  };
  try {
    for (const setup of SETUPS) {
      const server = await serverFor(setup);
      const db = setup.store === 'postgres' ? cluster : undefined;
      try {
        for (const mode of MODES) {
          await chatLoad(server.url, mode, options.texts, 10, 2); // warm-up
          for (const clients of options.clients) {
            const peakFromLevel = server.resetPeak();
            const before = { server: server.cpuMs(), db: databaseCpuMs(db) };
            const f: LoadFigures = await chatLoad(server.url, mode, options.texts, clients, options.seconds);
            const per = (ms: number): number => ms / Math.max(1, f.messages);
            figures.push({
              metric: 'directline-scale', procedures: null, store: setup.store, workers: setup.workers, mode, connections: clients,
              rps: Math.round(f.rps), p50_ms: ms(f.p50Ms), p99_ms: ms(f.p99Ms), errors: f.errors, messages: f.messages,
              server_cpu_ms_per_msg: ms(per(server.cpuMs() - before.server)), db_cpu_ms_per_msg: ms(per(databaseCpuMs(db) - before.db)),
              peak_rss_mb: Math.round(server.memory().peakMb), peak_rss_since: peakFromLevel ? 'level' : 'start', load_1m: round(loadavg()[0] ?? NaN),
            });
            process.stdout.write(`${JSON.stringify(figures.at(-1))}\n`);
          }
        }
        // Idle chats on every setup; with several processes the streaming ones only (polling is the costly way already shown).
        for (const mode of setup.workers === 1 ? MODES : ['stream' as const]) {
          figures.push(await idleChats(server, setup, mode));
          process.stdout.write(`${JSON.stringify(figures.at(-1))}\n`);
        }
      } finally {
        await server.stop();
      }
      process.stderr.write(`bench scale: ${label(setup)} done\n`);
    }
  } finally {
    cluster.destroy();
    rmSync(work, { recursive: true, force: true });
  }
  figures.push({ metric: 'scale-machine', procedures: null, cpus: cpus().length, load_start: round(loadStart), load_end: round(loadavg()[0] ?? NaN) });
  process.stdout.write(`${JSON.stringify(figures.at(-1))}\n`);
  return figures;
}

/**
 * What `IDLE_CHATS` open chats doing nothing cost the server: opened, left idle (polling or
 * keeping the socket as Web Chat does) for IDLE_SETTLE_SECONDS, then measured for IDLE_SECONDS:
 * the average over the window, and its busiest slice.
 */
async function idleChats(server: ServerProcess, setup: Setup, mode: ChatMode): Promise<Figure> {
  const chats = await openIdleChats(server.url, mode, IDLE_CHATS);
  const running = chats.idle(IDLE_SETTLE_SECONDS + IDLE_SECONDS);
  await sleep(IDLE_SETTLE_SECONDS * 1000);
  const began = { at: performance.now(), cpu: server.cpuMs() };
  let slice = { ...began };
  let busiest = 0;
  for (let s = 0; s < IDLE_SECONDS; s += IDLE_SLICE_SECONDS) {
    await sleep(Math.min(IDLE_SLICE_SECONDS, IDLE_SECONDS - s) * 1000);
    const now = { at: performance.now(), cpu: server.cpuMs() };
    busiest = Math.max(busiest, (now.cpu - slice.cpu) / (now.at - slice.at));
    slice = now;
  }
  const average = (slice.cpu - began.cpu) / (slice.at - began.at);
  const { polls, errors } = await running;
  return {
    metric: 'idle-chats', procedures: null, store: setup.store, workers: setup.workers, mode, chats: IDLE_CHATS, seconds: IDLE_SECONDS, settle_seconds: IDLE_SETTLE_SECONDS,
    core_pct: ms(average * 100), busiest_slice_core_pct: ms(busiest * 100), requests_per_s: Math.round(polls / (IDLE_SETTLE_SECONDS + IDLE_SECONDS)), errors, load_1m: round(loadavg()[0] ?? NaN),
  };
}

function sleep(msToWait: number): Promise<void> {
  return new Promise((resolve) => setTimeout(resolve, msToWait));
}

function round(x: number): number {
  return Math.round(x * 100) / 100;
}

function ms(x: number): number {
  return Math.round(x * 1000) / 1000;
}
