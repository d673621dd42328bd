import { PgStateStorage } from '../../src/store/pg/pg-state-storage.js';
import { describePg } from '../helpers/pg.js';
import { pgHarness } from './contract/pg-harness.js';
import { describeStateStorage } from './contract/state-storage.contract.js';

describePg('PostgreSQL', () => {
  describeStateStorage('PgStateStorage', pgHarness(async (db) => new PgStateStorage(db)));
});
