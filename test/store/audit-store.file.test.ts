import { readFileSync, statSync } from 'node:fs';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { AUDIT_FILE, FileAuditStore } from '../../src/store/file/file-audit-store.js';
import { describeAuditStore } from './contract/audit-store.contract.js';
import { fileHarness } from './contract/harness.js';

describeAuditStore('FileAuditStore', fileHarness('audit', (dir) => FileAuditStore.open(dir)));

describe('FileAuditStore', () => {
  let dir: string;
  beforeEach(() => { dir = mkdtempSync(path.join(tmpdir(), 'dvc-audit-')); });
  afterEach(() => rmSync(dir, { recursive: true, force: true }));
  const at = '2026-11-22T10:00:00.000Z';

  it('appends one JSON line per entry to an owner-only file, never rewriting what is there', async () => {
    const store = await FileAuditStore.open(dir);
    const file = path.join(dir, AUDIT_FILE);
    await store.append({ at, action: 'dossier.view', actor: 'helpdesk', outcome: 'ok' });
    const first = readFileSync(file, 'utf8');
    await store.append({ at, action: 'ticket.list', actor: 'helpdesk', outcome: 'ok', count: 0 });
    const both = readFileSync(file, 'utf8');
    expect(both.startsWith(first)).toBe(true);
    expect(both.trim().split('\n').map((l) => JSON.parse(l).action)).toEqual(['dossier.view', 'ticket.list']);
    expect(statSync(file).mode & 0o777).toBe(0o600);
    await store.close();
  });

  it('refuses to append once closed', async () => {
    const store = await FileAuditStore.open(dir);
    await store.close();
    await expect(store.append({ at, action: 'ticket.list', actor: 'helpdesk', outcome: 'ok' })).rejects.toThrow(/closed/);
  });
});
