import { PgSecretStore } from '../../src/store/pg/pg-secret-store.js';
import { describePg } from '../helpers/pg.js';
import { pgHarness } from './contract/pg-harness.js';
import { describeSecretStore } from './contract/secret-store.contract.js';

describePg('PostgreSQL', () => {
  describeSecretStore('PgSecretStore', pgHarness(async (db) => new PgSecretStore(db)));
});
