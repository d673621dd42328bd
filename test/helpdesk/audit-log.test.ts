import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { AuditLog } from '../../src/helpdesk/audit-log.js';
import { silentLogger } from '../../src/log/logger.js';
import { AUDIT_FILE, FileAuditStore } from '../../src/store/file/file-audit-store.js';
import { captureLogger } from '../store/capture-logger.js';

let dir: string;
let store: FileAuditStore;
beforeEach(async () => {
  dir = mkdtempSync(path.join(tmpdir(), 'dvc-audit-'));
  store = await FileAuditStore.open(dir);
});
afterEach(async () => {
  await store.close();
  rmSync(dir, { recursive: true, force: true });
});

const file = () => path.join(dir, AUDIT_FILE);

describe('the audit log', () => {
  it('writes each entry with its time, and a code in another spelling in canonical form', async () => {
    const log = new AuditLog(store, silentLogger);
    await log.record({ actor: 'helpdesk', action: 'dossier.view', target: 'G22.71-261105-0012', outcome: 'ok' });
    await log.record({ actor: 'citizen', action: 'citizen.lookup', conversation: 'c1', target: 'g22.71 - 261105 - 0012', outcome: 'ok' });
    const entries = await log.entries();
    expect(entries.map((e) => e.action)).toEqual(['dossier.view', 'citizen.lookup']);
    expect(entries[1]!.target).toBe('G22.71-261105-0012');
    expect(Date.parse(entries[0]!.at)).not.toBeNaN();
  });

  it('logs an entry it could not write instead of failing the answer', async () => {
    await store.close();
    const { logger, lines } = captureLogger();
    await expect(new AuditLog(store, logger).record({ actor: 'helpdesk', action: 'ticket.list', outcome: 'ok' })).resolves.toBeUndefined();
    expect(lines).toContainEqual(expect.objectContaining({ level: 50, action: 'ticket.list', msg: 'audit entry not written' }));
  });

  it('keeps entries in order when many are written at once', async () => {
    const log = new AuditLog(store, silentLogger);
    await Promise.all(Array.from({ length: 50 }, (_, i) => log.record({ actor: 'helpdesk', action: 'ticket.list', outcome: 'ok', count: i })));
    expect((await log.entries()).map((e) => e.count)).toEqual(Array.from({ length: 50 }, (_, i) => i));
  });

  it.each([
    ['a phone number typed as a code', '0905123456', '[số]'],
    ['an id number with spaces', '048 190 001 234', '[số]'],
    ['last digits in free text', 'số cuối 3456', 'số cuối [số]'],
    ['an email', 'ha.nguyen@example.vn', '[email]'],
  ])('masks %s in a free-text field', async (_case, target, written) => {
    const log = new AuditLog(store, silentLogger);
    await log.record({ actor: 'helpdesk', action: 'dossier.view', target, outcome: 'bad_code', officer: `cán bộ ${target}` });
    const raw = readFileSync(file(), 'utf8');
    expect(JSON.parse(raw)).toMatchObject({ target: written, officer: `cán bộ ${written}` });
  });

  it('keeps a ticket code as it is', async () => {
    const log = new AuditLog(store, silentLogger);
    await log.record({ actor: 'citizen', action: 'citizen.ticket', target: 'HT-234567', outcome: 'ok' });
    expect((await log.entries())[0]!.target).toBe('HT-234567');
  });
});

describe('the officer in an audit entry', () => {
  it.each([
    ['a full name', 'Nguyễn Thị Lan', 'Nguyễn Thị Lan'],
    ['a staff id', 'CB-042 Lan', 'CB-042 Lan'],
    ['a name with a phone number', 'Trần Văn Bình 0905123456', 'Trần Văn Bình [số]'],
  ])('keeps %s, the officer\'s own, and masks numbers in it', async (_case, officer, written) => {
    const log = new AuditLog(store, silentLogger);
    await log.record({ actor: 'helpdesk', action: 'ticket.claim', target: 'HT-234567', outcome: 'ok', officer });
    expect((await log.entries())[0]!.officer).toBe(written);
  });
});
