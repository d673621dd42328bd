import { silentLogger } from '../../src/log/logger.js';
import { FileActivityLog } from '../../src/store/file/file-activity-log.js';
import { describeActivityLog } from './contract/activity-log.contract.js';
import { fileHarness } from './contract/harness.js';

describeActivityLog('FileActivityLog', fileHarness('activities', (dir) => FileActivityLog.open(dir, silentLogger)));
describeActivityLog('FileActivityLog holding one conversation in memory', fileHarness('activities', (dir) => FileActivityLog.open(dir, silentLogger, { maxInMemory: 1 })));
