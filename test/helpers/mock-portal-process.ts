import { spawn, type ChildProcess } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { PROJECT_ROOT } from '../../src/config.js';

export interface MockPortalProcess {
  url: string;
  dataDir: string;
  /** Sets faults through POST /_control; answers the current faults and read count. */
  control(faults: Record<string, unknown>): Promise<{ reads: number } & Record<string, unknown>>;
  /** Number of reads the portal has served so far. */
  reads(): Promise<number>;
  /** Kills the process (the data dir stays, for restart tests). */
  stop(): Promise<void>;
}

/** `npm run mock-portal` as a real child process on a free port, its data in `dataDir`. */
export async function startMockPortalProcess(dataDir = mkdtempSync(path.join(tmpdir(), 'dvc-portal-'))): Promise<MockPortalProcess> {
  const child = spawn(process.execPath, ['--import', 'tsx', 'src/portal/mock-portal-main.ts'], {
    cwd: PROJECT_ROOT,
    env: { ...process.env, PORT: '0', HOST: '127.0.0.1', DATA_DIR: dataDir, LOG_LEVEL: 'silent' },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  const url = await readUrl(child);
  const control = async (faults: Record<string, unknown>) => {
    const res = await fetch(`${url}/_control`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify(faults) });
    if (res.status !== 200) throw new Error(`POST /_control answered ${res.status}: ${await res.text()}`);
    return (await res.json()) as { reads: number };
  };
  return {
    url,
    dataDir,
    control,
    async reads() {
      return (await control({})).reads;
    },
    async stop() {
      if (child.exitCode !== null || child.signalCode !== null) return;
      const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()));
      child.kill('SIGKILL');
      await exited;
    },
  };
}

function readUrl(child: ChildProcess): Promise<string> {
  return new Promise((resolve, reject) => {
    let out = '';
    let err = '';
    const timer = setTimeout(() => fail(new Error(`mock portal did not print its URL in 20 s\n${out}${err}`)), 20_000);
    const fail = (e: Error): void => {
      clearTimeout(timer);
      child.kill('SIGKILL');
      reject(e);
    };
    child.stderr?.on('data', (chunk: Buffer) => { err += chunk.toString(); });
    child.stdout?.on('data', (chunk: Buffer) => {
      out += chunk.toString();
      const match = /listening on (http:\/\/\S+)/.exec(out);
      if (match?.[1]) {
        clearTimeout(timer);
        resolve(match[1]);
      }
    });
    child.once('exit', (code) => fail(new Error(`mock portal exited (${code}) before listening\n${out}${err}`)));
  });
}

export function removeDir(dir: string): void {
  rmSync(dir, { recursive: true, force: true });
}
