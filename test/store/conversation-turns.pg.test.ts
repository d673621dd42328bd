import { PgConversationTurns } from '../../src/store/pg/pg-conversation-turns.js';
import { describePg } from '../helpers/pg.js';
import { describeConversationTurns } from './contract/conversation-turns.contract.js';
import { pgHarness } from './contract/pg-harness.js';

describePg('PostgreSQL', () => {
  describeConversationTurns('PgConversationTurns', pgHarness(async (db) => new PgConversationTurns(db)));
});
