import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { VerificationGuard, MAX_WRONG_TRIES } from '../../src/dossier/verification-guard.js';
import { silentLogger } from '../../src/log/logger.js';
import { FileVerificationLocks } from '../../src/store/file/file-verification-locks.js';

let dir: string;
beforeEach(() => { dir = mkdtempSync(path.join(tmpdir(), 'dvc-guard-')); });
afterEach(() => rmSync(dir, { recursive: true, force: true }));

const openGuard = async (now?: () => Date) => new VerificationGuard(await FileVerificationLocks.open(dir, silentLogger), now);

describe('the last-4 guard', () => {
  it('locks a dossier for a conversation after three wrong tries, and remembers it across restarts', async () => {
    const guard = await openGuard();
    expect(MAX_WRONG_TRIES).toBe(3);
    expect(await guard.recordWrong('c1', 'G22.71-261105-0012')).toBe(2);
    expect(await guard.recordWrong('c1', 'G22.71-261105-0012')).toBe(1);
    expect(await guard.isLocked('c1', 'G22.71-261105-0012')).toBe(false);
    expect(await guard.recordWrong('c1', 'G22.71-261105-0012')).toBe(0);
    expect(await guard.isLocked('c1', 'G22.71-261105-0012')).toBe(true);
    expect(await guard.isLocked('c2', 'G22.71-261105-0012')).toBe(false);
    expect(await guard.isLocked('c1', '000.00.16.H17-261105-0007')).toBe(false);

    const reopened = await openGuard();
    expect(await reopened.isLocked('c1', 'G22.71-261105-0012')).toBe(true);
  });

  it('forgets wrong answers after a month, and counts afresh', async () => {
    let now = new Date('2026-11-01T00:00:00Z');
    const guard = await openGuard(() => now);
    for (let i = 0; i < 3; i += 1) await guard.recordWrong('c1', 'X');
    now = new Date('2026-12-05T00:00:00Z');
    const later = await openGuard(() => now);
    expect(await later.isLocked('c1', 'X')).toBe(false);
    expect(await later.recordWrong('c1', 'X')).toBe(2);
  });
});
