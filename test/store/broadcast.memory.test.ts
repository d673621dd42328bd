import { LocalBroadcast } from '../../src/store/memory/local-broadcast.js';
import { describeBroadcast, type Event } from './contract/broadcast.contract.js';

describeBroadcast('LocalBroadcast (one process)', async () => {
  const store = new LocalBroadcast<Event>();
  return { store, reopen: async () => store, dispose: async () => undefined };
});
