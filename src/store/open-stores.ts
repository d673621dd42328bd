import path from 'node:path';
import type { Logger } from '../log/logger.js';
import { FileActivityLog } from './file/file-activity-log.js';
import { FileAnalyticsStore } from './file/file-analytics-store.js';
import { FileAuditStore } from './file/file-audit-store.js';
import { FileSecretStore } from './file/file-secret-store.js';
import { FileTicketStore } from './file/file-ticket-store.js';
import { FileVerificationLocks } from './file/file-verification-locks.js';
import { PerKeyStorage } from './file/per-key-storage.js';
import { MemoryRateCounters } from './memory/memory-rate-counters.js';
import { KeyedQueue } from './keyed-queue.js';
import type { Stores } from './stores.js';

// The one place that chooses how records are kept. Today: files in DATA_DIR (lowdb, JSON
// lines), one process. The composition root (src/app.ts) opens the stores here and passes
// them on; tests may pass their own.

/** Every store kept in files under `dataDir`. */
export async function openFileStores(dataDir: string, logger: Logger): Promise<Stores> {
  const state = await PerKeyStorage.open(path.join(dataDir, 'bot-state'), logger);
  const activities = await FileActivityLog.open(path.join(dataDir, 'directline'), logger);
  const tickets = await FileTicketStore.open(dataDir, logger);
  const audit = await FileAuditStore.open(dataDir);
  const verification = await FileVerificationLocks.open(dataDir, logger);
  const secrets = await FileSecretStore.open(dataDir, logger);
  const analytics = await FileAnalyticsStore.open(dataDir, logger);
  const turns = new KeyedQueue();
  return {
    state,
    turns,
    activities,
    tickets,
    audit,
    verification,
    // Per process, in memory: a minute's window is not worth keeping across a restart.
    rates: new MemoryRateCounters(),
    secrets,
    analytics,
    async close() {
      await turns.idle();
      await Promise.all([state.close(), activities.close(), tickets.close(), verification.close(), analytics.close()]);
      // Last: closing a turn or a ticket may still audit.
      await audit.close();
    },
  };
}
