import { PgAuditStore } from '../../src/store/pg/pg-audit-store.js';
import { describePg } from '../helpers/pg.js';
import { describeAuditStore } from './contract/audit-store.contract.js';
import { pgHarness } from './contract/pg-harness.js';

describePg('PostgreSQL', () => {
  describeAuditStore('PgAuditStore', pgHarness(async (db) => new PgAuditStore(db)));
});
