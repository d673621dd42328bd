import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import v8 from 'node:v8';
import vm from 'node:vm';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { jest } from '@jest/globals';
import { PROJECT_ROOT } from '../../src/config.js';
import { startTestApp, type TestApp } from '../helpers/test-app.js';
import { PollingClient } from '../directline/client.js';

// A bounded soak of mixed chat and dossier-status traffic on loopback against the real server:
// no errors, memory that levels off, p99 reported. SOAK_SECONDS=600 for a longer run.
// The server runs in this process so that the heap can be measured after a full collection:
// resident memory moves with the allocator and says little about leaks.
const SOAK_SECONDS = Number(process.env.SOAK_SECONDS ?? 20);
const USERS = 8;
/**
 * The live heap after the run may exceed the warmed-up live heap by a little, plus what each new
 * conversation keeps by design: its state in the lowdb store and, here, its handoff ticket with
 * the masked recent transcript (the ticket store holds tickets in memory; measured ~48 KB per
 * conversation with a ticket, ~0 without). Anything more is a leak.
 */
const HEAP_GROWTH_BASE_MB = 5;
const HEAP_PER_CONVERSATION_KB = 64;

/** A full garbage collection, without needing node's --expose-gc flag. */
v8.setFlagsFromString('--expose-gc');
const collect = vm.runInNewContext('gc') as () => void;

function liveHeapMb(): number {
  collect();
  collect();
  return process.memoryUsage().heapUsed / 1024 / 1024;
}
jest.setTimeout((SOAK_SECONDS + 90) * 1000);

const QUESTIONS = [
  'làm căn cước lần đầu cần gì', 'lệ phí bao nhiêu', 'nộp ở đâu', 'dk khai sinh cho con can giay to gi',
  'đổi bằng lái xe mất bao lâu', 'co dang ky ket hon online duoc khong', 'chào bạn', 'cảm ơn nhiều',
  'hôm nay trời có mưa không', 'có những thủ tục nào về đất đai', 'cho tôi gặp cán bộ',
];
const codes = (JSON.parse(readFileSync(path.join(PROJECT_ROOT, 'src/portal/dossiers.seed.json'), 'utf8')) as { dossiers: Array<{ code: string }> })
  .dossiers.map((d) => d.code);


function percentile(sorted: number[], p: number): number {
  return sorted[Math.min(sorted.length - 1, Math.floor(sorted.length * p))] ?? 0;
}

describe(`soak (${SOAK_SECONDS} s, ${USERS} users)`, () => {
  let dataDir: string;
  let server: TestApp;
  beforeAll(async () => {
    dataDir = mkdtempSync(path.join(tmpdir(), 'dvc-soak-'));
    server = await startTestApp({}, dataDir);
  });
  afterAll(async () => {
    await server.close();
    rmSync(dataDir, { recursive: true, force: true });
  });

  it('serves mixed chat and status traffic without errors, and memory levels off', async () => {
    const latencies: number[] = [];
    const errors: string[] = [];
    const timed = async (work: () => Promise<boolean>, label: string): Promise<void> => {
      const start = performance.now();
      try {
        if (!(await work())) errors.push(label);
      } catch (err) {
        errors.push(`${label}: ${String(err)}`);
      }
      latencies.push(performance.now() - start);
    };

    let conversations = 0;
    const startConversation = (): Promise<PollingClient> => {
      conversations += 1;
      return PollingClient.start(`${server.url}/v3/directline`);
    };
    const user = async (n: number, until: number): Promise<void> => {
      let client = await startConversation();
      for (let i = 0; Date.now() < until; i += 1) {
        if (i % 20 === 19) client = await startConversation();
        const pick = (n * 7 + i) % (QUESTIONS.length + 3);
        if (pick < QUESTIONS.length) {
          const question = QUESTIONS[pick]!;
          await timed(async () => (await client.ask(question)).length > 0, `chat "${question}"`);
        } else if (pick === QUESTIONS.length) {
          const code = codes[i % codes.length]!;
          await timed(async () => (await client.ask(`tra cứu hồ sơ ${code}`)).length > 0, `status ${code}`);
        } else {
          await timed(async () => {
            const res = await fetch(`${server.url}/api/parse`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ text: QUESTIONS[i % QUESTIONS.length] }) });
            await res.text();
            return res.status === 200;
          }, 'parse');
        }
      }
    };

    const warmUntil = Date.now() + Math.min(5, SOAK_SECONDS / 4) * 1000;
    await Promise.all(Array.from({ length: USERS }, (_, n) => user(n, warmUntil)));
    const warmHeap = liveHeapMb();
    conversations = 0;
    let peakRss = 0;
    const sampler = setInterval(() => { peakRss = Math.max(peakRss, process.memoryUsage().rss / 1024 / 1024); }, 250);
    latencies.length = 0;
    await Promise.all(Array.from({ length: USERS }, (_, n) => user(n, Date.now() + SOAK_SECONDS * 1000)));
    clearInterval(sampler);
    const endHeap = liveHeapMb();

    const sorted = [...latencies].sort((a, b) => a - b);
    const summary = {
      seconds: SOAK_SECONDS, requests: latencies.length, conversations, errors: errors.length,
      p50_ms: +percentile(sorted, 0.5).toFixed(1), p99_ms: +percentile(sorted, 0.99).toFixed(1),
      heap_warm_mb: +warmHeap.toFixed(1), heap_end_mb: +endHeap.toFixed(1), rss_peak_mb: Math.round(peakRss),
    };
    process.stderr.write(`soak: ${JSON.stringify(summary)}\n`);
    expect(errors.slice(0, 5)).toEqual([]);
    expect(latencies.length).toBeGreaterThan(SOAK_SECONDS * 10);
    expect(endHeap - warmHeap).toBeLessThan(HEAP_GROWTH_BASE_MB + (conversations * HEAP_PER_CONVERSATION_KB) / 1024);
    expect((await fetch(`${server.url}/healthz`)).status).toBe(200);
  });
});
