import { PgTrainingEditStore } from '../../src/store/pg/pg-training-edit-store.js';
import { describePg } from '../helpers/pg.js';
import { pgHarness } from './contract/pg-harness.js';
import { describeTrainingEditStore } from './contract/training-edit-store.contract.js';

describePg('PostgreSQL', () => {
  describeTrainingEditStore('PgTrainingEditStore', pgHarness(async (db) => new PgTrainingEditStore(db)));
});
