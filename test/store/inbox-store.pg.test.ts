import { PgInboxStore } from '../../src/store/pg/pg-inbox-store.js';
import { describePg } from '../helpers/pg.js';
import { describeInboxStore } from './contract/inbox-store.contract.js';
import { pgHarness } from './contract/pg-harness.js';

describePg('PostgreSQL', () => {
  describeInboxStore('PgInboxStore', pgHarness(async (db) => new PgInboxStore(db, 30)), 30);
});
