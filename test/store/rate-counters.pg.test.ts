import { PgRateCounters } from '../../src/store/pg/pg-rate-counters.js';
import { describePg } from '../helpers/pg.js';
import { pgHarness } from './contract/pg-harness.js';
import { describeRateCounters } from './contract/rate-counters.contract.js';

describePg('PostgreSQL', () => {
  describeRateCounters('PgRateCounters', pgHarness(async (db) => new PgRateCounters(db)));
});
