import { PgChangeFeed } from '../../src/store/pg/pg-change-feed.js';
import { describePg } from '../helpers/pg.js';
import { describeChangeFeed } from './contract/change-feed.contract.js';
import { pgHarness } from './contract/pg-harness.js';

describePg('PostgreSQL', () => {
  describeChangeFeed('PgChangeFeed', pgHarness((db) => PgChangeFeed.open(db)));
});
