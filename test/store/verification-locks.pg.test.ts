import { PgVerificationLocks } from '../../src/store/pg/pg-verification-locks.js';
import { describePg } from '../helpers/pg.js';
import { pgHarness } from './contract/pg-harness.js';
import { describeVerificationLocks } from './contract/verification-locks.contract.js';

describePg('PostgreSQL', () => {
  describeVerificationLocks('PgVerificationLocks', pgHarness(async (db) => new PgVerificationLocks(db)));
});
