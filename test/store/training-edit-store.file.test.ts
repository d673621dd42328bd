import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { silentLogger } from '../../src/log/logger.js';
import { FileTrainingEditStore, TRAINING_EDITS_FILE } from '../../src/store/file/file-training-edit-store.js';
import { fileHarness } from './contract/harness.js';
import { describeTrainingEditStore } from './contract/training-edit-store.contract.js';

describeTrainingEditStore('FileTrainingEditStore', fileHarness('edits', (dir) => FileTrainingEditStore.open(dir, silentLogger)));

describe('FileTrainingEditStore.peek (for the CLI)', () => {
  let dir: string;
  beforeEach(() => { dir = mkdtempSync(path.join(tmpdir(), 'dvc-edits-')); });
  afterEach(() => rmSync(dir, { recursive: true, force: true }));

  it('reads the edits without opening the store, empty when there are none', async () => {
    expect((await FileTrainingEditStore.peek(dir)).utterances).toEqual([]);
    const store = await FileTrainingEditStore.open(dir, silentLogger);
    await store.update((d) => { d.aliases.push({ id: 'a-1', procedure: 'p', text: 't', at: 'now' }); });
    expect((await FileTrainingEditStore.peek(dir)).aliases).toHaveLength(1);
  });

  it('names the file and the field of a bad store, and moves nothing', async () => {
    writeFileSync(path.join(dir, TRAINING_EDITS_FILE), '{"version": 1, "utterances": "no"}');
    await expect(FileTrainingEditStore.peek(dir)).rejects.toThrow(/training-store\.json: utterances/);
  });
});
