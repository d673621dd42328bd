import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { jest } from '@jest/globals';
import { startServerProcess } from '../helpers/server-process.js';
import { PollingClient } from '../directline/client.js';

jest.setTimeout(60_000);

describe('graceful shutdown', () => {
  let dataDir: string;
  beforeEach(() => { dataDir = mkdtempSync(path.join(tmpdir(), 'dvc-shutdown-')); });
  afterEach(() => rmSync(dataDir, { recursive: true, force: true }));

  it('finishes the turn in flight, keeps its state and exits 0 within a few seconds of SIGTERM', async () => {
    const server = await startServerProcess({ DATA_DIR: dataDir });
    const client = await PollingClient.start(`${server.url}/v3/directline`);
    expect((await client.ask('làm căn cước lần đầu cần gì')).length).toBeGreaterThan(0);

    const inFlight = client.post({ text: 'lệ phí bao nhiêu' });
    // Let the request reach the server, then ask it to stop while the turn runs.
    await new Promise((resolve) => setTimeout(resolve, 20));
    const signalledAt = Date.now();
    server.child.kill('SIGTERM');
    const posted = await inFlight;
    const { code } = await server.exited;
    expect(code).toBe(0);
    expect(Date.now() - signalledAt).toBeLessThan(5000);
    expect(posted.status).toBe(200);
    expect(server.log()).toContain('"msg":"stopped"');

    // The same DATA_DIR after a restart: the answer to the turn in flight is there, in context.
    const again = await startServerProcess({ DATA_DIR: dataDir });
    try {
      const resumed = PollingClient.attach(`${again.url}/v3/directline`, client.conversationId, client.token);
      const history = await resumed.poll();
      const feeReply = history.find((a) => a.type === 'message' && a.replyToId === posted.body.id);
      expect(feeReply?.channelData).toMatchObject({ intent: 'procedure.fee', procedure: 'cap-the-can-cuoc' });
    } finally {
      again.child.kill('SIGTERM');
      await again.exited;
    }
  });

  it('refuses new connections once stopping', async () => {
    const server = await startServerProcess({ DATA_DIR: dataDir });
    server.child.kill('SIGTERM');
    await server.exited;
    await expect(fetch(`${server.url}/healthz`)).rejects.toThrow();
  });
});
