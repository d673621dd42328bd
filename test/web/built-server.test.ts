import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { jest } from '@jest/globals';
import { startServerProcess, type ServerProcess } from '../helpers/server-process.js';
import { call, postJson } from '../helpers/test-app.js';

// `npm start` runs the JavaScript build in dist/ (made by jest's global setup here): its
// training worker, its saved model and its knowledge cache, as a deployed server uses them.

jest.setTimeout(90_000);

const ADMIN_TOKEN = 'built-server-admin-token-0123456789';

async function stop(server: ServerProcess): Promise<void> {
  server.child.kill('SIGTERM');
  expect((await server.exited).code).toBe(0);
}

describe('the built server', () => {
  let dataDir: string;
  beforeAll(() => { dataDir = mkdtempSync(path.join(tmpdir(), 'dvc-built-')); });
  afterAll(() => rmSync(dataDir, { recursive: true, force: true }));

  it('trains at its first start, then restarts on the saved model and the knowledge cache', async () => {
    const first = await startServerProcess({ DATA_DIR: dataDir });
    expect(first.log()).toContain('trained a model on the current data');
    expect(existsSync(path.join(dataDir, 'cache', 'knowledge.json'))).toBe(true);
    await stop(first);

    const again = await startServerProcess({ DATA_DIR: dataDir });
    try {
      expect(again.log()).toContain('loaded the saved model');
      expect(again.log()).not.toContain('trained a model');
      const res = await postJson(`${again.url}/api/parse`, { text: 'lam cccd can gi' });
      expect(res.body).toMatchObject({ intent: 'procedure.documents', procedure: 'cap-the-can-cuoc' });
    } finally {
      await stop(again);
    }
  });

  it('retrains in its worker process, from the built JavaScript', async () => {
    const server = await startServerProcess({ DATA_DIR: dataDir, ADMIN_TOKEN });
    try {
      const res = await call('POST', `${server.url}/api/admin/train`, { token: ADMIN_TOKEN, body: { force: true } });
      expect(res.status).toBe(200);
      const outcome = res.body as { promoted: boolean; model: { origin: string } };
      expect(outcome).toMatchObject({ promoted: true, model: { origin: 'staff' } });
    } finally {
      await stop(server);
    }
  });
});
