import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { jest } from '@jest/globals';
import { PostgresCluster } from '../../scripts/pg-cluster.mjs';
import { startServerProcess, type ServerProcess } from '../helpers/server-process.js';
import { describePg } from '../helpers/pg.js';
import { PollingClient, StreamingClient } from '../directline/client.js';
import { freePort } from '../helpers/free-port.js';

// What the server does when PostgreSQL is not there: at start, one sentence and a non-zero
// exit; while running, a clear log line, 503s instead of crashes, and recovery once the
// database is back, without a restart.

jest.setTimeout(120_000);

const tick = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

/** Starting must fail: the process's stderr and exit code. */
async function failedStart(env: Record<string, string>): Promise<string> {
  const started = await startServerProcess(env).then((s) => { s.child.kill('SIGKILL'); return null; }, (err: Error) => err.message);
  if (started === null) throw new Error('the server started');
  return started;
}

describe('starting without a reachable database', () => {
  let dataDir: string;
  beforeEach(() => { dataDir = mkdtempSync(path.join(tmpdir(), 'dvc-nodb-')); });
  afterEach(() => rmSync(dataDir, { recursive: true, force: true }));

  it.each([['one process', '1'], ['WORKERS=2', '2']])('says so in one sentence and exits non-zero: %s', async (_kind, workers) => {
    const port = await freePort();
    const message = await failedStart({ DATA_DIR: dataDir, DATABASE_URL: `postgres://dvc:pw@127.0.0.1:${port}/dvc`, WORKERS: workers });
    expect(message).toMatch(/server exited \(1\) before listening/);
    expect(message).toContain(`dvc-assistant failed to start: cannot reach the PostgreSQL database at 127.0.0.1:${port}/dvc (connection refused): check DATABASE_URL and that the server is running.\n`);
    expect(message).not.toContain('pw@');
    expect(message).not.toMatch(/\n\s+at /);
  });

  it('refuses several processes on files in one sentence', async () => {
    const message = await failedStart({ DATA_DIR: dataDir, WORKERS: '2', DATABASE_URL: '' });
    expect(message).toMatch(/server exited \(2\) before listening/);
    expect(message).toContain('WORKERS="2": several processes need DATABASE_URL (PostgreSQL); the files in DATA_DIR serve one process only');
  });
});

describePg('a PostgreSQL restart under a running server', () => {
  let cluster: PostgresCluster;
  let server: ServerProcess;
  let dataDir: string;

  beforeAll(async () => {
    cluster = await PostgresCluster.start();
    dataDir = mkdtempSync(path.join(tmpdir(), 'dvc-pgrestart-'));
    server = await startServerProcess({ DATA_DIR: dataDir, DATABASE_URL: cluster.url });
  }, 120_000);

  afterAll(async () => {
    server?.child.kill('SIGTERM');
    await server?.exited;
    cluster?.destroy();
    rmSync(dataDir, { recursive: true, force: true });
  });

  it('answers 503 while the database is down, logs it once, and goes on with the conversation once it is back', async () => {
    const base = `${server.url}/v3/directline`;
    const client = await PollingClient.start(base);
    const streaming = await StreamingClient.start(base, { conversationId: client.conversationId, token: client.token });
    expect((await client.ask('làm căn cước lần đầu cần gì'))[0].channelData.procedure).toBe('cap-the-can-cuoc');

    cluster.stopServer('fast');
    const during = await client.post({ text: 'lệ phí bao nhiêu' });
    expect(during).toMatchObject({ status: 503, body: { error: 'STORE_UNAVAILABLE' } });
    const health = await fetch(`${server.url}/healthz`);
    expect(health.status).toBe(503);
    expect(await health.json()).toMatchObject({ status: 'unavailable', store: { kind: 'postgres', ok: false } });

    cluster.startServer();
    let healthy = false;
    for (let i = 0; i < 100 && !healthy; i++) {
      healthy = (await fetch(`${server.url}/healthz`)).status === 200;
      if (!healthy) await tick(100);
    }
    expect(healthy).toBe(true);
    const after = await client.ask('lệ phí bao nhiêu');
    expect(after[0].channelData).toMatchObject({ intent: 'procedure.fee', procedure: 'cap-the-can-cuoc' });
    // The WebSocket opened before the restart follows the conversation again (its process listens again).
    await streaming.waitFor((a) => a.id === after[0].id, 15_000);
    streaming.close();

    expect(server.child.exitCode).toBeNull();
    const log = server.log();
    expect(log.match(/lost the connection to PostgreSQL/g)?.length).toBe(1);
    expect(log).toContain('is reachable again');
    expect(log).not.toMatch(/"level":60/);
  });
});
