import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { jest } from '@jest/globals';
import { PROJECT_ROOT } from '../../src/config.js';
import { startServerProcess, type ServerProcess } from '../helpers/server-process.js';
import { PollingClient } from '../directline/client.js';

// A bounded soak of mixed chat and dossier-status traffic on loopback against the real server
// process: no errors, memory that levels off, p99 reported. SOAK_SECONDS=600 for a longer run.
const SOAK_SECONDS = Number(process.env.SOAK_SECONDS ?? 20);
const USERS = 8;
/** Resident memory may grow this much past the warmed-up figure (caches filling), no more. */
const RSS_GROWTH_BOUND_MB = 80;
jest.setTimeout((SOAK_SECONDS + 90) * 1000);

const QUESTIONS = [
  'làm căn cước lần đầu cần gì', 'lệ phí bao nhiêu', 'nộp ở đâu', 'dk khai sinh cho con can giay to gi',
  'đổi bằng lái xe mất bao lâu', 'co dang ky ket hon online duoc khong', 'chào bạn', 'cảm ơn nhiều',
  'hôm nay trời có mưa không', 'có những thủ tục nào về đất đai', 'cho tôi gặp cán bộ',
];
const codes = (JSON.parse(readFileSync(path.join(PROJECT_ROOT, 'src/portal/dossiers.seed.json'), 'utf8')) as { dossiers: Array<{ code: string }> })
  .dossiers.map((d) => d.code);

function rssMb(pid: number): number {
  const status = readFileSync(`/proc/${pid}/status`, 'utf8');
  return Number(/VmRSS:\s+(\d+)/.exec(status)?.[1] ?? 0) / 1024;
}

function percentile(sorted: number[], p: number): number {
  return sorted[Math.min(sorted.length - 1, Math.floor(sorted.length * p))] ?? 0;
}

describe(`soak (${SOAK_SECONDS} s, ${USERS} users)`, () => {
  let dataDir: string;
  let server: ServerProcess;
  beforeAll(async () => {
    dataDir = mkdtempSync(path.join(tmpdir(), 'dvc-soak-'));
    server = await startServerProcess({ DATA_DIR: dataDir });
  });
  afterAll(async () => {
    server.child.kill('SIGTERM');
    await server.exited;
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

    const user = async (n: number, until: number): Promise<void> => {
      let client = await PollingClient.start(`${server.url}/v3/directline`);
      for (let i = 0; Date.now() < until; i += 1) {
        if (i % 20 === 19) client = await PollingClient.start(`${server.url}/v3/directline`);
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

    const pid = server.child.pid!;
    const warmUntil = Date.now() + Math.min(5, SOAK_SECONDS / 4) * 1000;
    await Promise.all(Array.from({ length: USERS }, (_, n) => user(n, warmUntil)));
    const warmRss = rssMb(pid);
    let peakRss = warmRss;
    const sampler = setInterval(() => { peakRss = Math.max(peakRss, rssMb(pid)); }, 500);
    latencies.length = 0;
    await Promise.all(Array.from({ length: USERS }, (_, n) => user(n, Date.now() + SOAK_SECONDS * 1000)));
    clearInterval(sampler);
    const endRss = rssMb(pid);

    const sorted = [...latencies].sort((a, b) => a - b);
    const summary = {
      seconds: SOAK_SECONDS, requests: latencies.length, errors: errors.length,
      p50_ms: +percentile(sorted, 0.5).toFixed(1), p99_ms: +percentile(sorted, 0.99).toFixed(1),
      rss_warm_mb: Math.round(warmRss), rss_peak_mb: Math.round(peakRss), rss_end_mb: Math.round(endRss),
    };
    process.stderr.write(`soak: ${JSON.stringify(summary)}\n`);
    expect(errors.slice(0, 5)).toEqual([]);
    expect(latencies.length).toBeGreaterThan(SOAK_SECONDS * 10);
    expect(peakRss - warmRss).toBeLessThan(RSS_GROWTH_BOUND_MB);
    expect((await fetch(`${server.url}/healthz`)).status).toBe(200);
  });
});
