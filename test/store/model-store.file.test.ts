import { silentLogger } from '../../src/log/logger.js';
import { FileModelStore } from '../../src/store/file/file-model-store.js';
import { fileHarness } from './contract/harness.js';
import { describeModelStore } from './contract/model-store.contract.js';

describeModelStore('FileModelStore', fileHarness('models', (dir) => FileModelStore.open(dir, silentLogger)));

describe('FileModelStore', () => {
  it('refuses a model id that is not one of ours rather than read a path', async () => {
    const open = fileHarness('models', (dir) => FileModelStore.open(dir, silentLogger));
    const h = await open();
    try {
      await expect(h.store.readModel('../../etc/passwd')).rejects.toThrow(/not a model id/);
    } finally {
      await h.dispose();
    }
  });
});
