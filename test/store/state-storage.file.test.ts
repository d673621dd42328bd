import path from 'node:path';
import { silentLogger } from '../../src/log/logger.js';
import { LowdbStorage } from '../../src/store/file/lowdb-storage.js';
import { PerKeyStorage } from '../../src/store/file/per-key-storage.js';
import { describeStateStorage } from './contract/state-storage.contract.js';
import { fileHarness } from './contract/harness.js';

describeStateStorage('PerKeyStorage', fileHarness('state', (dir) => PerKeyStorage.open(dir, silentLogger)));
describeStateStorage('PerKeyStorage letting go of files beyond 3', fileHarness('state', (dir) => PerKeyStorage.open(dir, silentLogger, { maxOpen: 3 })));
describeStateStorage('LowdbStorage (one file)', fileHarness('state', (dir) => LowdbStorage.open(path.join(dir, 'state.json'), silentLogger)));
