import { execFileSync, spawn, type ChildProcess } from 'node:child_process';
import { readFileSync, writeFileSync } from 'node:fs';
import { createServer } from 'node:net';
import { PROJECT_ROOT } from '../../src/config.js';
import { startArguments } from '../../test/helpers/start-command.js';

// The real server as `npm start` runs it (the build in dist/, with the start script's V8
// flags), in its own process. The caller builds first (buildServer).

export interface ServerProcess {
  url: string;
  /** From spawning to the first answer of POST /api/parse. */
  coldStartMs: number;
  /** Resident memory of the server process now, and its peak, in MB (Linux; NaN elsewhere); with WORKERS, of the largest worker. */
  memory(): { rssMb: number; peakMb: number };
  /**
   * Starts the peak of memory() afresh for every server process (Linux: clear_refs 5), so that
   * it is the peak of what runs next, not the start's (training) or an earlier load's. False
   * when the kernel refused: the peak then runs from the start.
   */
  resetPeak(): boolean;
  /** CPU time the server has used so far (its workers and training processes included), user and system, in ms (Linux; NaN elsewhere). */
  cpuMs(): number;
  /** CPU time the server had used when it first answered. */
  startCpuMs: number;
  stop(): Promise<void>;
}

const START_TIMEOUT_MS = 120_000;

export async function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const probe = createServer();
    probe.once('error', reject);
    probe.listen(0, '127.0.0.1', () => {
      const address = probe.address();
      const port = typeof address === 'object' && address ? address.port : 0;
      probe.close(() => resolve(port));
    });
  });
}

/** `npm run build`: the server the bench starts is dist/, made from the sources as they are now. */
export function buildServer(): void {
  execFileSync(process.execPath, ['scripts/build.mjs'], { cwd: PROJECT_ROOT, stdio: 'inherit' });
}

export async function startServer(env: { KNOWLEDGE_DIR: string; DATA_DIR: string; CATALOGUE_FILE?: string } & Record<string, string>): Promise<ServerProcess> {
  const port = await freePort();
  const url = `http://127.0.0.1:${port}`;
  const started = performance.now();
  // BENCH_SERVER_FLAGS: extra node flags for the server (e.g. `--cpu-prof --cpu-prof-dir=DIR` to profile a run).
  const flags = (process.env.BENCH_SERVER_FLAGS ?? '').split(/\s+/).filter(Boolean);
  const child = spawn(process.execPath, [...flags, ...startArguments()], {
    cwd: PROJECT_ROOT,
    // Info level with WORKERS: the primary's "workers listening" line says when all serve.
    env: { ...process.env, ...env, PORT: String(port), HOST: '127.0.0.1', LOG_LEVEL: Number(env.WORKERS ?? 1) > 1 ? 'info' : 'warn' },
    stdio: ['ignore', 'ignore', 'pipe'],
  });
  let stderr = '';
  child.stderr?.on('data', (chunk: Buffer) => { stderr = (stderr + chunk.toString()).slice(-4000); });
  const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()));
  let done = false;
  void exited.then(() => { done = true; });

  for (;;) {
    if (done) throw new Error(`the server exited before answering:\n${stderr}`);
    if (performance.now() - started > START_TIMEOUT_MS) {
      child.kill('SIGKILL');
      throw new Error(`the server did not answer within ${START_TIMEOUT_MS / 1000} s:\n${stderr}`);
    }
    try {
      const res = await fetch(`${url}/api/parse`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: '{"text":"xin chào"}' });
      await res.arrayBuffer();
      if (res.ok) break;
    } catch {
      // not listening yet
    }
    await new Promise((resolve) => setTimeout(resolve, 5));
  }
  while (Number(env.WORKERS ?? 1) > 1 && !stderr.includes('workers listening')) {
    if (done || performance.now() - started > START_TIMEOUT_MS) throw new Error(`the workers did not all start:\n${stderr}`);
    await new Promise((resolve) => setTimeout(resolve, 20));
  }
  const coldStartMs = performance.now() - started;
  const serverPid = child.pid;
  const startCpuMs = cpuOf(serverPid);
  return {
    url,
    coldStartMs,
    startCpuMs,
    cpuMs: () => treeOf(serverPid).reduce((sum, pid) => sum + cpuOf(pid), 0),
    memory: () => {
      const each = treeOf(serverPid).map(memoryOf);
      return { rssMb: Math.max(...each.map((m) => m.rssMb)), peakMb: Math.max(...each.map((m) => m.peakMb)) };
    },
    resetPeak: () => treeOf(serverPid).map(resetPeakOf).every(Boolean),
    stop: () => stop(child, exited),
  };
}

async function stop(child: ChildProcess, exited: Promise<void>): Promise<void> {
  if (child.exitCode !== null || child.signalCode !== null) return;
  child.kill('SIGTERM');
  const timer = setTimeout(() => child.kill('SIGKILL'), 10_000);
  await exited;
  clearTimeout(timer);
}

function memoryOf(pid: number | undefined): { rssMb: number; peakMb: number } {
  try {
    const status = readFileSync(`/proc/${pid}/status`, 'utf8');
    const kb = (field: string): number => Number(new RegExp(`^${field}:\\s+(\\d+) kB`, 'm').exec(status)?.[1] ?? NaN);
    return { rssMb: kb('VmRSS') / 1024, peakMb: kb('VmHWM') / 1024 };
  } catch {
    return { rssMb: NaN, peakMb: NaN };
  }
}

function resetPeakOf(pid: number): boolean {
  try {
    writeFileSync(`/proc/${pid}/clear_refs`, '5');
    return true;
  } catch {
    return false;
  }
}

/** A process and its descendants (Linux). */
export function treeOf(pid: number | undefined): number[] {
  if (!pid) return [];
  let children: number[] = [];
  try {
    children = readFileSync(`/proc/${pid}/task/${pid}/children`, 'utf8').trim().split(/\s+/).filter(Boolean).map(Number);
  } catch {
    // gone, or not Linux
  }
  return [pid, ...children.flatMap(treeOf)];
}

/** CPU time of a process and its descendants, in ms. */
export function treeCpuMs(pid: number | undefined): number {
  return treeOf(pid).reduce((sum, p) => sum + cpuOf(p), 0);
}

let ticksPerSecond: number | undefined;

/** User and system CPU time of a process, in ms, from /proc (Linux). */
export function cpuOf(pid: number | undefined): number {
  try {
    ticksPerSecond ??= Number(execFileSync('getconf', ['CLK_TCK'], { encoding: 'utf8' }).trim()) || 100;
    const stat = readFileSync(`/proc/${pid}/stat`, 'utf8');
    const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
    // utime and stime are fields 14 and 15 of stat; fields here start at field 3.
    return ((Number(fields[11]) + Number(fields[12])) * 1000) / ticksPerSecond;
  } catch {
    return NaN;
  }
}
