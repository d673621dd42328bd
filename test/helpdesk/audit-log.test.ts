import { mkdtempSync, readFileSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { AuditLog, AUDIT_FILE } from '../../src/helpdesk/audit-log.js';
import { silentLogger } from '../../src/log/logger.js';

let dir: string;
beforeEach(() => { dir = mkdtempSync(path.join(tmpdir(), 'dvc-audit-')); });
afterEach(() => rmSync(dir, { recursive: true, force: true }));

const file = () => path.join(dir, AUDIT_FILE);

describe('the audit log', () => {
  it('appends one JSON line per entry, owner-readable only, and never rewrites what is there', async () => {
    const log = await AuditLog.open(dir, silentLogger);
    await log.record({ actor: 'helpdesk', action: 'dossier.view', target: 'G22.71-261105-0012', outcome: 'ok' });
    const first = readFileSync(file(), 'utf8');
    await log.record({ actor: 'citizen', action: 'citizen.lookup', conversation: 'c1', target: 'g22.71 - 261105 - 0012', outcome: 'ok' });
    const both = readFileSync(file(), 'utf8');
    expect(both.startsWith(first)).toBe(true);
    expect(both.trim().split('\n')).toHaveLength(2);
    expect(statSync(file()).mode & 0o777).toBe(0o600);
    await log.close();

    const reopened = await AuditLog.open(dir, silentLogger);
    await reopened.record({ actor: 'helpdesk', action: 'ticket.list', outcome: 'ok', count: 0 });
    const entries = await reopened.entries();
    expect(entries.map((e) => e.action)).toEqual(['dossier.view', 'citizen.lookup', 'ticket.list']);
    // A code in another spelling is written in canonical form.
    expect(entries[1]!.target).toBe('G22.71-261105-0012');
    await reopened.close();
  });

  it('keeps entries in order when many are written at once', async () => {
    const log = await AuditLog.open(dir, silentLogger);
    await Promise.all(Array.from({ length: 50 }, (_, i) => log.record({ actor: 'helpdesk', action: 'ticket.list', outcome: 'ok', count: i })));
    expect((await log.entries()).map((e) => e.count)).toEqual(Array.from({ length: 50 }, (_, i) => i));
    await log.close();
  });

  it.each([
    ['a phone number typed as a code', '0905123456', '[số]'],
    ['an id number with spaces', '048 190 001 234', '[số]'],
    ['last digits in free text', 'số cuối 3456', 'số cuối [số]'],
    ['an email', 'ha.nguyen@example.vn', '[email]'],
  ])('masks %s in a free-text field', async (_case, target, written) => {
    const log = await AuditLog.open(dir, silentLogger);
    await log.record({ actor: 'helpdesk', action: 'dossier.view', target, outcome: 'bad_code', officer: `cán bộ ${target}` });
    const raw = readFileSync(file(), 'utf8');
    expect(JSON.parse(raw)).toMatchObject({ target: written, officer: `cán bộ ${written}` });
    await log.close();
  });

  it('keeps a ticket code as it is', async () => {
    const log = await AuditLog.open(dir, silentLogger);
    await log.record({ actor: 'citizen', action: 'citizen.ticket', target: 'HT-234567', outcome: 'ok' });
    expect((await log.entries())[0]!.target).toBe('HT-234567');
    await log.close();
  });
});

describe('the officer in an audit entry', () => {
  it.each([
    ['a full name', 'Nguyễn Thị Lan', 'Nguyễn Thị Lan'],
    ['a staff id', 'CB-042 Lan', 'CB-042 Lan'],
    ['a name with a phone number', 'Trần Văn Bình 0905123456', 'Trần Văn Bình [số]'],
  ])('keeps %s, the officer\'s own, and masks numbers in it', async (_case, officer, written) => {
    const log = await AuditLog.open(dir, silentLogger);
    await log.record({ actor: 'helpdesk', action: 'ticket.claim', target: 'HT-234567', outcome: 'ok', officer });
    expect((await log.entries())[0]!.officer).toBe(written);
    await log.close();
  });
});
