import { execFileSync, spawn, type ChildProcess } from 'node:child_process';
import { readFileSync, readdirSync } from 'node:fs';
import { createRequire } from 'node:module';
import { createServer } from 'node:net';
import { PROJECT_ROOT } from '../../src/config.js';

// The real server as `npm start` runs it (`tsx src/index.ts`), in its own process.

export interface ServerProcess {
  url: string;
  /** From spawning to the first answer of POST /api/parse. */
  coldStartMs: number;
  /** Resident memory of the server process now, and its peak, in MB (Linux; NaN elsewhere). */
  memory(): { rssMb: number; peakMb: number };
  /** CPU time the server process has used so far, user and system, in ms (Linux; NaN elsewhere). */
  cpuMs(): number;
  /** CPU time tsx's launcher and the server had used when the server first answered. */
  startCpuMs: number;
  stop(): Promise<void>;
}

const TSX_CLI = createRequire(import.meta.url).resolve('tsx/cli');
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

export async function startServer(env: { KNOWLEDGE_DIR: string; DATA_DIR: string }): Promise<ServerProcess> {
  const port = await freePort();
  const url = `http://127.0.0.1:${port}`;
  const started = performance.now();
  const child = spawn(process.execPath, [TSX_CLI, 'src/index.ts'], {
    cwd: PROJECT_ROOT,
    env: { ...process.env, ...env, PORT: String(port), HOST: '127.0.0.1', LOG_LEVEL: 'warn' },
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
  const coldStartMs = performance.now() - started;
  // tsx runs the program in a child of its own; the server's memory is that child's.
  const serverPid = child.pid === undefined ? undefined : childrenOf(child.pid)[0] ?? child.pid;
  const startCpuMs = cpuOf(serverPid) + (serverPid === child.pid ? 0 : cpuOf(child.pid));
  return {
    url,
    coldStartMs,
    startCpuMs,
    cpuMs: () => cpuOf(serverPid),
    memory: () => memoryOf(serverPid),
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

/** Pids whose parent is `pid`, from /proc (Linux). */
function childrenOf(pid: number): number[] {
  try {
    return readdirSync('/proc').filter((d) => /^\d+$/.test(d)).filter((d) => {
      try {
        const stat = readFileSync(`/proc/${d}/stat`, 'utf8');
        return Number(stat.slice(stat.lastIndexOf(')') + 2).split(' ')[1]) === pid;
      } catch {
        return false;
      }
    }).map(Number);
  } catch {
    return [];
  }
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

let ticksPerSecond: number | undefined;

/** User and system CPU time of a process, in ms, from /proc (Linux). */
function cpuOf(pid: number | undefined): number {
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
