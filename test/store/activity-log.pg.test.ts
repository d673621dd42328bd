import { PgActivityLog } from '../../src/store/pg/pg-activity-log.js';
import { describePg } from '../helpers/pg.js';
import { describeActivityLog } from './contract/activity-log.contract.js';
import { pgHarness } from './contract/pg-harness.js';

describePg('PostgreSQL', () => {
  describeActivityLog('PgActivityLog', pgHarness((db) => PgActivityLog.open(db)));
});
