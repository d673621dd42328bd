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
import { FileInboxStore } from './file/file-inbox-store.js';
import { FileModelFiles, FileModelStore } from './file/file-model-store.js';
import { FileTrainingEditStore } from './file/file-training-edit-store.js';
import { FileKnowledgeEditStore } from './file/file-knowledge-edit-store.js';
import type { KnowledgeVersion } from './knowledge-edit-store.js';
import type { ModelFiles } from './model-store.js';
import type { StoreLocation, Stores } from './stores.js';
import type { TrainingEdits } from './training-edit-store.js';

// The one place that chooses how records are kept. Today: files in DATA_DIR (lowdb, JSON
// lines), one process. The composition root (src/app.ts) opens the stores here and passes
// them on; tests may pass their own.

/** Where the configuration says the stores are: DATA_DIR. */
export function storeLocation(config: { DATA_DIR: string }): StoreLocation {
  return { kind: 'files', dataDir: config.DATA_DIR };
}

/** The stores at `location`. */
export function openStores(location: StoreLocation, logger: Logger): Promise<Stores> {
  return openFileStores(location.dataDir, logger);
}

/** A model's documents, for the training process (which never touches the registry). */
export function openModelFiles(location: StoreLocation): Promise<ModelFiles> {
  return FileModelFiles.open(location.dataDir);
}

/** The staff training edits without opening the stores: nothing is written or moved (for the CLI). */
export function readTrainingEdits(location: StoreLocation): Promise<TrainingEdits> {
  return FileTrainingEditStore.peek(location.dataDir);
}

/** The newest staff edit of each procedure without opening the stores: nothing is written or moved (for the CLI). */
export function readKnowledgeEdits(location: StoreLocation): Promise<Array<{ id: string; newest: KnowledgeVersion }>> {
  return FileKnowledgeEditStore.peek(location.dataDir);
}

/** Every store kept in files under `dataDir`. */
export async function openFileStores(dataDir: string, logger: Logger): Promise<Stores> {
  const state = await PerKeyStorage.open(path.join(dataDir, 'bot-state'), logger);
  const activities = await FileActivityLog.open(path.join(dataDir, 'directline'), logger);
  const inbox = await FileInboxStore.open(dataDir, logger);
  const trainingEdits = await FileTrainingEditStore.open(dataDir, logger);
  const knowledgeEdits = await FileKnowledgeEditStore.open(dataDir, logger);
  const models = await FileModelStore.open(dataDir, logger);
  const tickets = await FileTicketStore.open(dataDir, logger);
  const audit = await FileAuditStore.open(dataDir);
  const verification = await FileVerificationLocks.open(dataDir, logger);
  const secrets = await FileSecretStore.open(dataDir, logger);
  const analytics = await FileAnalyticsStore.open(dataDir, logger);
  const turns = new KeyedQueue();
  return {
    location: { kind: 'files', dataDir },
    state,
    turns,
    activities,
    inbox,
    trainingEdits,
    knowledgeEdits,
    models,
    tickets,
    audit,
    verification,
    // Per process, in memory: a minute's window is not worth keeping across a restart.
    rates: new MemoryRateCounters(),
    secrets,
    analytics,
    async close() {
      await turns.idle();
      await Promise.all([state.close(), activities.close(), inbox.close(), trainingEdits.close(), knowledgeEdits.close(), models.close(), tickets.close(), verification.close(), analytics.close()]);
      // Last: closing a turn or a ticket may still audit.
      await audit.close();
    },
  };
}
