import { spawn } from 'node:child_process';
import { mkdtempSync, readdirSync, readFileSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { jest } from '@jest/globals';
import { PROJECT_ROOT } from '../../src/config.js';
import { storeEnv } from '../helpers/test-app.js';
import { openDurableStores } from './durability-stores.js';

// DURABILITY_KILLS=200 npm test -- sigkill   runs the longer version.
const KILLS = Number(process.env.DURABILITY_KILLS ?? 20);
jest.setTimeout(30_000 + KILLS * 6_000);

interface Run { acks: Map<string, string[]>; conversation: string }

const STORES = ['activity', 'audit', 'inbox', 'label', 'state'];

/** Starts the writer, lets it write for a random while, then kills it with SIGKILL. */
function writeThenKill(dataDir: string, run: number, env: Record<string, string>): Promise<Run> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, ['--import', 'tsx', 'test/robustness/durability-writer.ts', dataDir, String(run)], {
      cwd: PROJECT_ROOT, stdio: ['ignore', 'pipe', 'pipe'], env: { ...process.env, ...env },
    });
    let out = '';
    let err = '';
    let armed = false;
    child.stderr.on('data', (chunk: Buffer) => { err += chunk.toString(); });
    // Killed at a random moment once every store has acknowledged a write (or 2 s after the
    // first one, on a slow machine), so that each store is checked in every run.
    let fallback: NodeJS.Timeout | undefined;
    const arm = (): void => {
      if (armed) return;
      armed = true;
      setTimeout(() => child.kill('SIGKILL'), 20 + Math.floor(Math.random() * 300));
    };
    child.stdout.on('data', (chunk: Buffer) => {
      out += chunk.toString();
      if (armed || !out.includes('ack ')) return;
      if (STORES.every((store) => out.includes(`ack ${store} `))) arm();
      else fallback ??= setTimeout(arm, 2000);
    });
    child.once('exit', (_code, signal) => {
      if (signal !== 'SIGKILL') return reject(new Error(`writer ended by itself (${signal ?? _code}): ${err}`));
      // Only whole lines count: a line cut by the kill was never acknowledged.
      const lines = out.split('\n').slice(0, -1);
      const acks = new Map<string, string[]>();
      let conversation = '';
      for (const line of lines) {
        const [kind, store, key] = line.split(' ');
        if (kind === 'conversation' && store) conversation = store;
        if (kind === 'ack' && store && key) acks.set(store, [...(acks.get(store) ?? []), key]);
      }
      resolve({ acks, conversation });
    });
  });
}

function dataFiles(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const full = path.join(dir, name);
    if (statSync(full).isDirectory()) return dataFiles(full);
    return /\.jsonl?$/.test(name) ? [full] : [];
  });
}

describe('SIGKILL durability', () => {
  let dataDir: string;
  beforeAll(() => { dataDir = mkdtempSync(path.join(tmpdir(), 'dvc-kill-')); });
  afterAll(() => rmSync(dataDir, { recursive: true, force: true }));

  it(`keeps every acknowledged write through ${KILLS} kills at random moments`, async () => {
    // Files in DATA_DIR, or PostgreSQL with DVC_TEST_STORE=pg.
    const env = await storeEnv(dataDir);
    let checked = 0;
    const perStore = new Map<string, number>();
    for (let run = 0; run < KILLS; run += 1) {
      const { acks, conversation } = await writeThenKill(dataDir, run, env);
      for (const [store, keys] of acks) perStore.set(store, (perStore.get(store) ?? 0) + keys.length);

      if (!env.DATABASE_URL) {
        // Every data file is whole JSON (lines), and nothing was moved aside as corrupt.
        for (const file of dataFiles(dataDir)) {
          const text = readFileSync(file, 'utf8');
          if (file.endsWith('.jsonl')) for (const line of text.split('\n').filter(Boolean)) expect(() => JSON.parse(line)).not.toThrow();
          else expect(() => JSON.parse(text)).not.toThrow();
        }
        expect(readdirSync(dataDir).filter((name) => name.includes('.corrupt-'))).toEqual([]);
      }

      const stores = await openDurableStores(dataDir, env.DATABASE_URL);
      const stateKeys = acks.get('state') ?? [];
      expect(Object.keys(await stores.state.read(stateKeys)).sort()).toEqual([...stateKeys].sort());
      const activityKeys = (acks.get('activity') ?? []).map((key) => key.split('/')[1]);
      if (activityKeys.length) {
        const texts = new Set((await stores.activities.since(conversation, 0)).activities.map((a) => a.text));
        expect(activityKeys.filter((key) => !texts.has(key))).toEqual([]);
      }
      // The inbox, the staff labels and the audit log: each acknowledged key is kept.
      const kept: Record<string, string> = {
        inbox: JSON.stringify(await stores.inbox.list('all')),
        label: JSON.stringify(await stores.trainingEdits.read()),
        audit: JSON.stringify(await stores.audit.entries()),
      };
      for (const [store, content] of Object.entries(kept)) {
        const keys = acks.get(store) ?? [];
        expect(keys.filter((key) => !content.includes(key))).toEqual([]);
        checked += keys.length;
      }
      await stores.close();
      checked += stateKeys.length + activityKeys.length;
    }
    expect(checked).toBeGreaterThan(KILLS);
    // Every store was written to, and checked, before some kill.
    expect([...perStore.keys()].sort()).toEqual(STORES);
    process.stderr.write(`sigkill-durability: ${KILLS} kills survived, ${checked} acknowledged writes checked ${JSON.stringify(Object.fromEntries(perStore))}\n`);
  });
});
