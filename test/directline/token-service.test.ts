import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { silentLogger } from '../../src/log/logger.js';
import { TokenService } from '../../src/directline/token-service.js';
import { FileSecretStore } from '../../src/store/file/file-secret-store.js';

let dir: string;
beforeEach(() => { dir = mkdtempSync(path.join(tmpdir(), 'dvc-token-')); });
afterEach(() => rmSync(dir, { recursive: true, force: true }));

const openIn = async (dataDir: string): Promise<TokenService> => TokenService.open(await FileSecretStore.open(dataDir, silentLogger), silentLogger);

describe('TokenService', () => {
  it('keeps its secret, so a token stays valid after a restart', async () => {
    const { token } = (await openIn(dir)).issue('conv-a');
    expect((await openIn(dir)).conversationOf(`Bearer ${token}`)).toBe('conv-a');
  });

  it('issues a different token every time', async () => {
    const tokens = await openIn(dir);
    expect(tokens.issue('c').token).not.toBe(tokens.issue('c').token);
  });

  it('refuses a token signed with another DATA_DIR\'s secret', async () => {
    const other = mkdtempSync(path.join(tmpdir(), 'dvc-token-'));
    try {
      const { token } = (await openIn(other)).issue('c');
      const tokens = await openIn(dir);
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
