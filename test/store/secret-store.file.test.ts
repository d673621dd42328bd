import { chmodSync, statSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { silentLogger } from '../../src/log/logger.js';
import { FileSecretStore } from '../../src/store/file/file-secret-store.js';
import { captureLogger } from './capture-logger.js';
import { fileHarness, withStore } from './contract/harness.js';
import { describeSecretStore } from './contract/secret-store.contract.js';

const dirOf = new WeakMap<object, string>();
const open = fileHarness('secrets', async (dir) => {
  const store = await FileSecretStore.open(dir, silentLogger);
  dirOf.set(store, dir);
  return store;
});

describeSecretStore('FileSecretStore', open);

describe('FileSecretStore', () => {
  it('keeps each secret in its own file in DATA_DIR, readable by its owner only', () => withStore(open, async ({ store }) => {
    const kept = await store.obtain('directline-secret', () => 'ab'.repeat(32));
    const file = path.join(dirOf.get(store)!, 'directline-secret');
    expect(kept.where).toBe(file);
    expect(statSync(file).mode & 0o777).toBe(0o600);
  }));

  it('makes a file others can read owner-only again, and says so', () => withStore(open, async ({ store }) => {
    await store.obtain('admin-token', () => 'token');
    const file = path.join(dirOf.get(store)!, 'admin-token');
    chmodSync(file, 0o644);
    const { logger, lines } = captureLogger();
    expect((await (await FileSecretStore.open(path.dirname(file), logger)).obtain('admin-token', () => 'other')).value).toBe('token');
    expect(statSync(file).mode & 0o777).toBe(0o600);
    expect(lines).toContainEqual(expect.objectContaining({ level: 40, file }));
  }));

  it('replaces an empty file with a new secret', () => withStore(open, async ({ store }) => {
    const file = path.join(dirOf.get(store)!, 'helpdesk-token');
    writeFileSync(file, '\n', { mode: 0o600 });
    expect(await store.obtain('helpdesk-token', () => 'fresh')).toMatchObject({ value: 'fresh', created: true });
  }));
});
