import { PgModelStore } from '../../src/store/pg/pg-model-store.js';
import { describePg } from '../helpers/pg.js';
import { describeModelStore } from './contract/model-store.contract.js';
import { pgHarness } from './contract/pg-harness.js';

describePg('PostgreSQL', () => {
  describeModelStore('PgModelStore', pgHarness(async (db) => new PgModelStore(db)));
});
