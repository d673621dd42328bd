import { MemoryRateCounters } from '../../src/store/memory/memory-rate-counters.js';
import { describeRateCounters } from './contract/rate-counters.contract.js';

describeRateCounters('MemoryRateCounters', async () => {
  const store = new MemoryRateCounters();
  return { store, reopen: async () => store, dispose: async () => undefined };
});
