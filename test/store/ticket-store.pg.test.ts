import { PgTicketStore } from '../../src/store/pg/pg-ticket-store.js';
import { describePg } from '../helpers/pg.js';
import { pgHarness } from './contract/pg-harness.js';
import { describeTicketStore } from './contract/ticket-store.contract.js';

describePg('PostgreSQL', () => {
  describeTicketStore('PgTicketStore', pgHarness(async (db) => new PgTicketStore(db)));
});
