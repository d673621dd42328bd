import { mkdtempSync, rmSync, statSync, chmodSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { silentLogger } from '../../src/log/logger.js';
import { SECRET_FILE, TokenService } from '../../src/directline/token-service.js';

let dir: string;
beforeEach(() => { dir = mkdtempSync(path.join(tmpdir(), 'dvc-token-')); });
afterEach(() => rmSync(dir, { recursive: true, force: true }));

describe('TokenService', () => {
  it('keeps its secret in DATA_DIR, readable by its owner only, and the same after a restart', async () => {
    const first = await TokenService.open(dir, silentLogger);
    const { token } = first.issue('conv-a');
    expect(statSync(path.join(dir, SECRET_FILE)).mode & 0o777).toBe(0o600);
    const second = await TokenService.open(dir, silentLogger);
    expect(second.conversationOf(`Bearer ${token}`)).toBe('conv-a');
  });

  it('makes a secret that others can read owner-only again', async () => {
    await TokenService.open(dir, silentLogger);
    chmodSync(path.join(dir, SECRET_FILE), 0o644);
    await TokenService.open(dir, silentLogger);
    expect(statSync(path.join(dir, SECRET_FILE)).mode & 0o777).toBe(0o600);
  });

  it('issues a different token every time', async () => {
    const tokens = await TokenService.open(dir, silentLogger);
    expect(tokens.issue('c').token).not.toBe(tokens.issue('c').token);
  });

  it('refuses a token signed with another DATA_DIR\'s secret', async () => {
    const other = mkdtempSync(path.join(tmpdir(), 'dvc-token-'));
    try {
      const { token } = (await TokenService.open(other, silentLogger)).issue('c');
      const tokens = await TokenService.open(dir, silentLogger);
      expect(() => tokens.conversationOf(`Bearer ${token}`)).toThrow(expect.objectContaining({ code: 'FORBIDDEN' }));
    } finally {
      rmSync(other, { recursive: true, force: true });
    }
  });

  it('refuses an expired token with 403', () => {
    let now = Date.parse('2026-01-01T00:00:00Z');
    const tokens = new TokenService(Buffer.alloc(32, 1), { ttlSeconds: 60, now: () => now });
    const { token } = tokens.issue('c');
    now += 59_000;
    expect(tokens.conversationOf(`Bearer ${token}`)).toBe('c');
    now += 2_000;
    expect(() => tokens.conversationOf(`Bearer ${token}`)).toThrow(expect.objectContaining({ code: 'FORBIDDEN', message: expect.stringMatching(/expired/) }));
  });

  it('refuses a token whose payload was changed to another conversation', () => {
    const tokens = new TokenService(Buffer.alloc(32, 1));
    const [, signature] = tokens.issue('a').token.split('.');
    const payload = Buffer.from(JSON.stringify({ c: 'b', e: 9_999_999_999, n: 'x' })).toString('base64url');
    expect(() => tokens.authorize(`Bearer ${payload}.${signature}`, 'b')).toThrow(expect.objectContaining({ code: 'FORBIDDEN' }));
  });
});
