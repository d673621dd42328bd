import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import type { AddressInfo } from 'node:net';
import type { Server } from 'restify';
import { createMockPortal } from '../../src/portal/mock-portal.js';
import { PORTAL_DATA_FILE } from '../../src/portal/dossier-store.js';
import { DataFileError } from '../../src/errors.js';
import { removeDir, startMockPortalProcess } from '../helpers/mock-portal-process.js';
import { call, postJson } from '../helpers/test-app.js';

async function listen(server: Server): Promise<string> {
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', () => resolve()));
  return `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
}

const getJson = (url: string) => call('GET', url);

describe('the mock portal API', () => {
  let dir: string;
  let server: Server;
  let url: string;
  beforeAll(async () => {
    dir = mkdtempSync(path.join(tmpdir(), 'dvc-portal-'));
    server = await createMockPortal({ dataFile: path.join(dir, PORTAL_DATA_FILE) });
    url = await listen(server);
  });
  afterAll(async () => {
    await new Promise<void>((resolve) => server.close(() => resolve()));
    removeDir(dir);
  });

  it('finds a dossier whose code is URL-encoded in a citizen spelling', async () => {
    const res = await getJson(`${url}/dossiers/${encodeURIComponent('000.00.16.h17 - 261105 - 0007')}`);
    expect(res.status).toBe(200);
    expect(res.body.code).toBe('000.00.16.H17-261105-0007');
  });

  it.each([
    ['a malformed code', 'abc-12', 400, 'BAD_DOSSIER_CODE'],
    ['an unknown code', 'G22.71-261105-9999', 404, 'DOSSIER_NOT_FOUND'],
  ])('answers %s with a JSON error', async (_what, code, status, error) => {
    const res = await getJson(`${url}/dossiers/${encodeURIComponent(code)}`);
    expect(res.status).toBe(status);
    expect(res.body).toEqual({ error, message: expect.any(String) });
  });

  it('answers an unknown route and a bad `now` with JSON errors', async () => {
    expect((await getJson(`${url}/nothing-here`)).body.error).toBe('NOT_FOUND');
    const bad = await getJson(`${url}/dossiers?overdue=1&now=yesterday`);
    expect(bad.status).toBe(400);
    expect(bad.body.error).toBe('VALIDATION_FAILED');
  });

  it('lists every dossier without `overdue`, only the overdue ones with it', async () => {
    const all = await getJson(`${url}/dossiers`);
    const overdue = await getJson(`${url}/dossiers?overdue=1&now=2026-11-25T00:00:00Z`);
    expect(all.body.dossiers.length).toBeGreaterThanOrEqual(12);
    expect(overdue.body.dossiers.length).toBe(3);
  });

  it('rejects control settings out of range and keeps the old ones', async () => {
    const res = await postJson(`${url}/_control`, { failRate: 2 });
    expect(res.status).toBe(400);
    expect(res.body.error).toBe('VALIDATION_FAILED');
    expect((await getJson(`${url}/_control`)).body.failRate).toBe(0);
  });

  it('rejects a status change to a status that does not exist', async () => {
    const res = await postJson(`${url}/dossiers/G22.71-261119-0044/status`, { status: 'lost', by: 'x' });
    expect(res.status).toBe(400);
  });
});

describe('mock portal faults set as options', () => {
  it('answers 503 with a JSON error when failRate is 1', async () => {
    const dir = mkdtempSync(path.join(tmpdir(), 'dvc-portal-'));
    const server = await createMockPortal({ dataFile: path.join(dir, PORTAL_DATA_FILE), failRate: 1 });
    const url = await listen(server);
    try {
      const res = await getJson(`${url}/dossiers/G22.71-261105-0012`);
      expect(res.status).toBe(503);
      expect(res.body.error).toBe('PORTAL_UNAVAILABLE');
    } finally {
      await new Promise<void>((resolve) => server.close(() => resolve()));
      removeDir(dir);
    }
  });
});

describe('the mock portal data file', () => {
  it('keeps a status change across a restart of the process, instead of reseeding', async () => {
    const first = await startMockPortalProcess();
    const dir = first.dataDir;
    try {
      const changed = await postJson(`${first.url}/dossiers/${encodeURIComponent('g22.71 - 261119 - 0044')}/status`, {
        status: 'processing', by: 'Công an phường', at: '2026-11-20T08:00:00+07:00',
      });
      expect(changed.status).toBe(200);
      await first.stop();

      const second = await startMockPortalProcess(dir);
      try {
        const res = await getJson(`${second.url}/dossiers/G22.71-261119-0044`);
        expect(res.body.status).toBe('processing');
        expect(res.body.history.at(-1)).toEqual({ at: '2026-11-20T08:00:00+07:00', status: 'processing', by: 'Công an phường' });
      } finally {
        await second.stop();
      }
    } finally {
      await first.stop();
      removeDir(dir);
    }
  });

  it('sets finishedAt when a dossier is returned', async () => {
    const dir = mkdtempSync(path.join(tmpdir(), 'dvc-portal-'));
    const server = await createMockPortal({ dataFile: path.join(dir, PORTAL_DATA_FILE) });
    const url = await listen(server);
    try {
      await postJson(`${url}/dossiers/G22.71-261105-0012/status`, { status: 'returned', by: 'Một cửa', at: '2026-11-21T09:00:00+07:00' });
      const stored = JSON.parse(readFileSync(path.join(dir, PORTAL_DATA_FILE), 'utf8'));
      const dossier = stored.dossiers.find((d: { code: string }) => d.code === 'G22.71-261105-0012');
      expect(dossier).toMatchObject({ status: 'returned', finishedAt: '2026-11-21T09:00:00+07:00' });
    } finally {
      await new Promise<void>((resolve) => server.close(() => resolve()));
      removeDir(dir);
    }
  });

  it('refuses to start on a broken data file, naming the file and the field', async () => {
    const dir = mkdtempSync(path.join(tmpdir(), 'dvc-portal-'));
    const file = path.join(dir, PORTAL_DATA_FILE);
    writeFileSync(file, JSON.stringify({ version: 1, dossiers: [{ code: 'G22.71-261105-0012' }] }));
    try {
      const err: unknown = await createMockPortal({ dataFile: file }).then(() => null, (e: unknown) => e);
      expect(err).toBeInstanceOf(DataFileError);
      expect((err as DataFileError).file).toBe(file);
      expect((err as DataFileError).problems.join('\n')).toMatch(/dossiers\.0\.procedure/);
    } finally {
      removeDir(dir);
    }
  });
});
