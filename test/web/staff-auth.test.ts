import { mkdtempSync, readFileSync, statSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { loadStaffTokens, tokenMatches } from '../../src/web/staff-auth.js';
import { captureLogger } from '../store/capture-logger.js';

describe('staff tokens', () => {
  let dir: string;
  beforeEach(() => { dir = mkdtempSync(path.join(tmpdir(), 'dvc-auth-')); });
  afterEach(() => rmSync(dir, { recursive: true, force: true }));

  it('makes a random owner-only token when none is configured, and keeps it across starts', () => {
    const { logger, lines } = captureLogger();
    const first = loadStaffTokens({}, dir, logger);
    expect(first.admin).toMatch(/^[\w-]{32}$/);
    expect(first.helpdesk).not.toBe(first.admin);
    const file = path.join(dir, 'admin-token');
    expect(readFileSync(file, 'utf8').trim()).toBe(first.admin);
    expect(statSync(file).mode & 0o777).toBe(0o600);
    expect(JSON.stringify(lines)).not.toContain(first.admin);
    expect(loadStaffTokens({}, dir, logger)).toEqual(first);
  });

  it('uses configured tokens as given', () => {
    const { logger } = captureLogger();
    expect(loadStaffTokens({ admin: 'a-token', helpdesk: 'h-token' }, dir, logger)).toEqual({ admin: 'a-token', helpdesk: 'h-token' });
  });

  it('compares tokens exactly, whatever their lengths', () => {
    expect(tokenMatches('secret', 'secret')).toBe(true);
    expect(tokenMatches('secreT', 'secret')).toBe(false);
    expect(tokenMatches('secret-and-more', 'secret')).toBe(false);
    expect(tokenMatches('', 'secret')).toBe(false);
  });
});
