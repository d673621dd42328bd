import { LocalChangeFeed } from '../../src/store/memory/local-change-feed.js';
import { describeChangeFeed } from './contract/change-feed.contract.js';

describeChangeFeed('LocalChangeFeed (one process)', async () => {
  const store = new LocalChangeFeed();
  return { store, reopen: async () => store, dispose: async () => undefined };
});
