import path from 'node:path';
import { silentLogger, type Logger } from '../log/logger.js';
import { FileActivityLog } from './file/file-activity-log.js';
import { FileAnalyticsStore } from './file/file-analytics-store.js';
import { FileAuditStore } from './file/file-audit-store.js';
import { FileInboxStore } from './file/file-inbox-store.js';
import { FileModelFiles, FileModelStore } from './file/file-model-store.js';
import { FileSecretStore } from './file/file-secret-store.js';
import { FileTicketStore } from './file/file-ticket-store.js';
import { FileTrainingEditStore } from './file/file-training-edit-store.js';
import { FileVerificationLocks } from './file/file-verification-locks.js';
import { PerKeyStorage } from './file/per-key-storage.js';
import { LocalBroadcast } from './memory/local-broadcast.js';
import { LocalChangeFeed } from './memory/local-change-feed.js';
import { MemoryRateCounters } from './memory/memory-rate-counters.js';
import { KeyedQueue } from './keyed-queue.js';
import { FileKnowledgeEditStore } from './file/file-knowledge-edit-store.js';
import type { KnowledgeVersion } from './knowledge-edit-store.js';
import type { ModelFiles } from './model-store.js';
import { PgActivityLog } from './pg/pg-activity-log.js';
import { PgAnalyticsStore } from './pg/pg-analytics-store.js';
import { PgAuditStore } from './pg/pg-audit-store.js';
import { PgBroadcast } from './pg/pg-broadcast.js';
import { PgChangeFeed } from './pg/pg-change-feed.js';
import { PgConversationTurns } from './pg/pg-conversation-turns.js';
import { PgDatabase } from './pg/pg-database.js';
import { PgInboxStore } from './pg/pg-inbox-store.js';
import { PgKnowledgeEditStore } from './pg/pg-knowledge-edit-store.js';
import { PgModelFiles, PgModelStore } from './pg/pg-model-store.js';
import { PgRateCounters } from './pg/pg-rate-counters.js';
import { PgSecretStore } from './pg/pg-secret-store.js';
import { PgStateStorage } from './pg/pg-state-storage.js';
import { PgTicketStore } from './pg/pg-ticket-store.js';
import { PgTrainingEditStore } from './pg/pg-training-edit-store.js';
import { PgVerificationLocks } from './pg/pg-verification-locks.js';
import type { StoreLocation, Stores } from './stores.js';
import type { TrainingEdits } from './training-edit-store.js';

// The one place that chooses how records are kept: files in DATA_DIR (lowdb, JSON lines),
// one process; or, with DATABASE_URL, PostgreSQL, shared by any number of processes. The
// composition root (src/app.ts) opens the stores here and passes them on; tests may pass
// their own.

/** Where the configuration says the stores are: DATABASE_URL when it is set, else DATA_DIR. */
export function storeLocation(config: { DATA_DIR: string; DATABASE_URL?: string | undefined; DATABASE_POOL_SIZE?: number | undefined }): StoreLocation {
  return config.DATABASE_URL
    ? { kind: 'postgres', url: config.DATABASE_URL, poolSize: config.DATABASE_POOL_SIZE }
    : { kind: 'files', dataDir: config.DATA_DIR };
}

/** The stores at `location`. */
export function openStores(location: StoreLocation, logger: Logger): Promise<Stores> {
  return location.kind === 'postgres' ? openPostgresStores(location, logger) : openFileStores(location.dataDir, logger);
}

/** A model's documents, for the training process (which never touches the registry). */
export async function openModelFiles(location: StoreLocation): Promise<ModelFiles> {
  if (location.kind === 'files') return FileModelFiles.open(location.dataDir);
  return new PgModelFiles(await PgDatabase.open(location.url, silentLogger, { poolSize: 2, listen: false }));
}

/** The staff training edits without opening the stores: nothing is written or moved (for the CLI). */
export function readTrainingEdits(location: StoreLocation): Promise<TrainingEdits> {
  if (location.kind === 'files') return FileTrainingEditStore.peek(location.dataDir);
  return peekDatabase(location, (db) => new PgTrainingEditStore(db).read());
}

/** The newest staff edit of each procedure without opening the stores: nothing is written or moved (for the CLI). */
export function readKnowledgeEdits(location: StoreLocation): Promise<Array<{ id: string; newest: KnowledgeVersion }>> {
  if (location.kind === 'files') return FileKnowledgeEditStore.peek(location.dataDir);
  return peekDatabase(location, (db) => new PgKnowledgeEditStore(db).latest());
}

/** Reads from the database on one connection that listens to nothing, closed afterwards. */
async function peekDatabase<T>(location: Extract<StoreLocation, { kind: 'postgres' }>, read: (db: PgDatabase) => Promise<T>): Promise<T> {
  const db = await PgDatabase.open(location.url, silentLogger, { poolSize: 1, listen: false });
  try {
    return await read(db);
  } finally {
    await db.close();
  }
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
    changes: new LocalChangeFeed(),
    broadcast: () => new LocalBroadcast(),
    health: async () => ({ kind: 'files', ok: true }),
    async close() {
      await turns.idle();
      await Promise.all([state.close(), activities.close(), inbox.close(), trainingEdits.close(), knowledgeEdits.close(), models.close(), tickets.close(), verification.close(), analytics.close()]);
      // Last: closing a turn or a ticket may still audit.
      await audit.close();
    },
  };
}

/** Every store in the PostgreSQL database at `location`; its tables are made or migrated first. */
export async function openPostgresStores(location: Extract<StoreLocation, { kind: 'postgres' }>, logger: Logger): Promise<Stores> {
  const db = await PgDatabase.open(location.url, logger, location.poolSize ? { poolSize: location.poolSize } : {});
  const turns = new PgConversationTurns(db);
  const activities = await PgActivityLog.open(db);
  const inbox = new PgInboxStore(db);
  const audit = new PgAuditStore(db);
  const tickets = new PgTicketStore(db);
  const knowledgeEdits = new PgKnowledgeEditStore(db);
  const analytics = new PgAnalyticsStore(db);
  const changes = await PgChangeFeed.open(db);
  return {
    location,
    state: new PgStateStorage(db),
    turns,
    activities,
    inbox,
    trainingEdits: new PgTrainingEditStore(db),
    knowledgeEdits,
    models: new PgModelStore(db),
    tickets,
    audit,
    verification: new PgVerificationLocks(db),
    rates: new PgRateCounters(db),
    secrets: new PgSecretStore(db),
    analytics,
    changes,
    broadcast: (name, parse) => new PgBroadcast(db, name, parse),
    health: async () => ({ kind: 'postgres', ...await db.health() }),
    async close() {
      await turns.idle();
      await Promise.all([activities.close(), inbox.close(), tickets.close(), knowledgeEdits.close(), analytics.close()]);
      await audit.close();
      await db.close();
    },
  };
}
