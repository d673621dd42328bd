import { KeyedQueue } from '../../src/store/keyed-queue.js';
import { describeConversationTurns } from './contract/conversation-turns.contract.js';

describeConversationTurns('KeyedQueue (one process)', async () => {
  const store = new KeyedQueue();
  return { store, reopen: async () => store, dispose: () => store.idle() };
});
