import { silentLogger } from '../../src/log/logger.js';
import { FileVerificationLocks } from '../../src/store/file/file-verification-locks.js';
import { fileHarness } from './contract/harness.js';
import { describeVerificationLocks } from './contract/verification-locks.contract.js';

describeVerificationLocks('FileVerificationLocks', fileHarness('locks', (dir) => FileVerificationLocks.open(dir, silentLogger)));
