import { execFileSync } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { request } from 'node:http';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { jest } from '@jest/globals';
import { freePort } from '../helpers/free-port.js';
import { startServerProcess, type ServerProcess } from '../helpers/server-process.js';
import { describePg, dropSchema, freshSchema, schemaUrl } from '../helpers/pg.js';
import { PollingClient } from '../directline/client.js';

// WORKERS=2 npm start: a primary and two workers on one port, on PostgreSQL.

jest.setTimeout(120_000);

const tick = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

/** The process ids of the primary's workers, from its log lines ("listening", with pid). */
function workerPids(server: ServerProcess): number[] {
  return [...server.log().matchAll(/"pid":(\d+),"msg":"dvc-assistant listening/g)].map((m) => Number(m[1]));
}

/** One request on a connection of its own (so that the kernel may give it to either worker); answers status and body. */
function once(url: string, method = 'GET', body?: unknown): Promise<{ status: number; text: string }> {
  return new Promise((resolve, reject) => {
    const req = request(url, { method, agent: false, headers: body === undefined ? {} : { 'content-type': 'application/json' } }, (res) => {
      let text = '';
      res.setEncoding('utf8').on('data', (chunk: string) => { text += chunk; }).on('end', () => resolve({ status: res.statusCode ?? 0, text }));
    });
    req.on('error', reject);
    req.end(body === undefined ? undefined : JSON.stringify(body));
  });
}

function alive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch {
    return false;
  }
}

describePg('WORKERS=2', () => {
  let schema: string;
  let dataDir: string;
  let server: ServerProcess;
  let metricsPort: number;

  beforeAll(async () => {
    schema = freshSchema('cluster');
    dataDir = mkdtempSync(path.join(tmpdir(), 'dvc-cluster-'));
    metricsPort = await freePort();
    server = await startServerProcess({ DATA_DIR: dataDir, DATABASE_URL: await schemaUrl(schema), WORKERS: '2', METRICS_PORT: String(metricsPort) });
    for (let i = 0; i < 100 && workerPids(server).length < 2; i++) await tick(100);
  }, 120_000);

  afterAll(async () => {
    server?.child.kill('SIGKILL');
    rmSync(dataDir, { recursive: true, force: true });
    await dropSchema(schema);
  });

  it('serves one port from two worker processes, and says so once both listen', async () => {
    const pids = workerPids(server);
    expect(new Set(pids).size).toBe(2);
    expect(pids).not.toContain(server.child.pid);
    expect(server.log()).toContain('"msg":"dvc-assistant: 2 workers listening on');
    const children = execFileSync('ps', ['-o', 'pid=', '--ppid', String(server.child.pid)], { encoding: 'utf8' }).trim().split(/\s+/).map(Number);
    expect(children).toEqual(expect.arrayContaining(pids));
  });

  it('answers the metrics port from the primary, with the requests of every worker added up', async () => {
    for (let i = 0; i < 12; i++) expect((await once(`${server.url}/api/parse`, 'POST', { text: 'làm căn cước ở đâu' })).status).toBe(200);
    const scraped = await once(`http://127.0.0.1:${metricsPort}/metrics`);
    expect(scraped.status).toBe(200);
    expect(scraped.text).toMatch(/^dvc_http_requests_total\{method="POST",route="\/api\/parse",status="200"\} 12$/m);
    expect(scraped.text).toMatch(/^dvc_model_info\{model="[^"]+"\} 1$/m);
  });

  it('starts another worker after one is killed, and the conversation goes on', async () => {
    const client = await PollingClient.start(`${server.url}/v3/directline`);
    expect((await client.ask('làm căn cước lần đầu cần gì'))[0].channelData.procedure).toBe('cap-the-can-cuoc');
    const [victim] = workerPids(server);
    process.kill(victim!, 'SIGKILL');
    await tick(200);
    // The other worker answers meanwhile (the kernel sends new connections to the living one).
    const during = await client.ask('lệ phí bao nhiêu');
    expect(during[0].channelData).toMatchObject({ intent: 'procedure.fee', procedure: 'cap-the-can-cuoc' });
    for (let i = 0; i < 100 && workerPids(server).length < 3; i++) await tick(100);
    expect(server.log()).toMatch(new RegExp(`worker ${victim} died \\(SIGKILL\\); starting another in 1 s`));
    const pids = workerPids(server);
    expect(pids).toHaveLength(3);
    expect(pids.slice(-2).every(alive)).toBe(true);
    const after = await client.ask('nộp ở đâu');
    expect(after[0].channelData.procedure).toBe('cap-the-can-cuoc');
  });

  it('passes SIGTERM on to every worker and exits 0 once they stopped', async () => {
    const pids = workerPids(server).filter(alive);
    server.child.kill('SIGTERM');
    const { code } = await server.exited;
    expect(code).toBe(0);
    expect(pids.some(alive)).toBe(false);
    expect(server.log().match(/"msg":"stopped"/g)?.length).toBe(2);
    expect(server.log()).toContain('every worker stopped');
  });
});
