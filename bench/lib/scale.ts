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
const IDLE_SECONDS = Number(process.env.BENCH_IDLE_SECONDS ?? 20);

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
            const before = { server: server.cpuMs(), db: databaseCpuMs(db) };
            const f: LoadFigures = await chatLoad(server.url, mode, options.texts, clients, options.seconds);
            const per = (ms: number): number => ms / Math.max(1, f.messages);
            figures.push({
              metric: 'directline-scale', procedures: null, store: setup.store, workers: setup.workers, mode, connections: clients,
              rps: Math.round(f.rps), p50_ms: ms(f.p50Ms), p99_ms: ms(f.p99Ms), errors: f.errors, messages: f.messages,
              server_cpu_ms_per_msg: ms(per(server.cpuMs() - before.server)), db_cpu_ms_per_msg: ms(per(databaseCpuMs(db) - before.db)),
              peak_rss_mb: Math.round(server.memory().peakMb),
            });
            process.stdout.write(`${JSON.stringify(figures.at(-1))}\n`);
          }
        }
        if (setup.workers === 1) {
          for (const mode of MODES) {
            const chats = await openIdleChats(server.url, mode, IDLE_CHATS);
            const before = server.cpuMs();
            const { polls, errors } = await chats.idle(IDLE_SECONDS);
            const cpu = server.cpuMs() - before;
            figures.push({
              metric: 'idle-chats', procedures: null, store: setup.store, workers: 1, mode, chats: IDLE_CHATS, seconds: IDLE_SECONDS,
              core_pct: ms((cpu / (IDLE_SECONDS * 1000)) * 100), requests_per_s: Math.round(polls / IDLE_SECONDS), errors,
            });
            process.stdout.write(`${JSON.stringify(figures.at(-1))}\n`);
          }
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
  const round = (x: number): number => Math.round(x * 100) / 100;
  figures.push({ metric: 'scale-machine', procedures: null, cpus: cpus().length, load_start: round(loadStart), load_end: round(loadavg()[0] ?? NaN) });
  process.stdout.write(`${JSON.stringify(figures.at(-1))}\n`);
  return figures;
}

function ms(x: number): number {
  return Math.round(x * 1000) / 1000;
}
