import { existsSync, mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { InProcessPortalClient } from '../../src/portal/in-process-portal-client.js';
import { PORTAL_DATA_FILE } from '../../src/portal/dossier-store.js';
import { PortalError } from '../../src/portal/portal-client.js';
import { removeDir } from '../helpers/mock-portal-process.js';

describe('InProcessPortalClient', () => {
  let dir: string;
  let portal: InProcessPortalClient;
  beforeAll(async () => {
    dir = mkdtempSync(path.join(tmpdir(), 'dvc-portal-'));
    portal = await InProcessPortalClient.start({ dataDir: dir, timeoutMs: 5000 });
  });
  afterAll(async () => {
    await portal.close();
    removeDir(dir);
  });

  it('serves the bundled dossiers from a store in DATA_DIR', async () => {
    const dossier = await portal.getDossier('h17.23 - 261118 - 0101');
    expect(dossier).toMatchObject({ code: 'H17.23-261118-0101', status: 'completed' });
    expect(existsSync(path.join(dir, PORTAL_DATA_FILE))).toBe(true);
  });

  it('listens on loopback only', () => {
    expect(portal.url).toMatch(/^http:\/\/127\.0\.0\.1:\d+$/);
  });

  it('fails with the same PortalError kinds as the HTTP client', async () => {
    await expect(portal.getDossier('000.00.16.H17-261105-0000')).rejects.toMatchObject({ kind: 'not_found' });
    await expect(portal.getDossier('không có mã')).rejects.toBeInstanceOf(PortalError);
  });

  it('lists overdue dossiers', async () => {
    const overdue = await portal.listOverdue(new Date('2026-11-25T00:00:00+07:00'));
    expect(overdue).toHaveLength(3);
  });

  it('can be closed twice', async () => {
    const other = await InProcessPortalClient.start({ dataDir: dir });
    await other.close();
    await expect(other.close()).resolves.toBeUndefined();
  });
});
