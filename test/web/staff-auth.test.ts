import { mkdtempSync, readFileSync, statSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { loadStaffTokens, tokenMatches } from '../../src/web/staff-auth.js';
import { FileSecretStore } from '../../src/store/file/file-secret-store.js';
import { captureLogger } from '../store/capture-logger.js';

describe('staff tokens', () => {
  let dir: string;
  beforeEach(() => { dir = mkdtempSync(path.join(tmpdir(), 'dvc-auth-')); });
  afterEach(() => rmSync(dir, { recursive: true, force: true }));

  it('makes a random owner-only token when none is configured, keeps it across starts and says where', async () => {
    const { logger, lines } = captureLogger();
    const secrets = await FileSecretStore.open(dir, logger);
    const first = await loadStaffTokens({}, secrets, logger);
    expect(first.admin).toMatch(/^[\w-]{32}$/);
    expect(first.helpdesk).not.toBe(first.admin);
    const file = path.join(dir, 'admin-token');
    expect(readFileSync(file, 'utf8').trim()).toBe(first.admin);
    expect(statSync(file).mode & 0o777).toBe(0o600);
    expect(JSON.stringify(lines)).not.toContain(first.admin);
    expect(lines).toContainEqual(expect.objectContaining({ file, msg: expect.stringMatching(/no admin token configured/) }));
    expect(await loadStaffTokens({}, await FileSecretStore.open(dir, logger), logger)).toEqual(first);
  });

  it('uses configured tokens as given', async () => {
    const { logger } = captureLogger();
    expect(await loadStaffTokens({ admin: 'a-token', helpdesk: 'h-token' }, await FileSecretStore.open(dir, logger), logger)).toEqual({ admin: 'a-token', helpdesk: 'h-token' });
  });

  it('compares tokens exactly, whatever their lengths', () => {
    expect(tokenMatches('secret', 'secret')).toBe(true);
    expect(tokenMatches('secreT', 'secret')).toBe(false);
    expect(tokenMatches('secret-and-more', 'secret')).toBe(false);
    expect(tokenMatches('', 'secret')).toBe(false);
  });
});
