import path from 'node:path';
import type { Logger } from '../log/logger.js';
import { FileActivityLog } from './file/file-activity-log.js';
import { FileAuditStore } from './file/file-audit-store.js';
import { FileSecretStore } from './file/file-secret-store.js';
import { FileTicketStore } from './file/file-ticket-store.js';
import { FileVerificationLocks } from './file/file-verification-locks.js';
import { PerKeyStorage } from './file/per-key-storage.js';
import { LocalChangeFeed } from './memory/local-change-feed.js';
import { MemoryRateCounters } from './memory/memory-rate-counters.js';
import { KeyedQueue } from './keyed-queue.js';
import { PgActivityLog } from './pg/pg-activity-log.js';
import { PgAuditStore } from './pg/pg-audit-store.js';
import { PgChangeFeed } from './pg/pg-change-feed.js';
import { PgConversationTurns } from './pg/pg-conversation-turns.js';
import { PgDatabase, type PgOptions } from './pg/pg-database.js';
import { PgRateCounters } from './pg/pg-rate-counters.js';
import { PgSecretStore } from './pg/pg-secret-store.js';
import { PgStateStorage } from './pg/pg-state-storage.js';
import { PgTicketStore } from './pg/pg-ticket-store.js';
import { PgVerificationLocks } from './pg/pg-verification-locks.js';
import type { Stores } from './stores.js';

// The one place that chooses how records are kept: files in DATA_DIR (lowdb, JSON lines),
// one process; or, with DATABASE_URL, PostgreSQL, shared by any number of processes. The
// composition root (src/app.ts) opens the stores here and passes them on; tests may pass
// their own.

/** The stores DATABASE_URL asks for: PostgreSQL when it is set, else files under `dataDir`. */
export function openStores(config: { DATA_DIR: string; DATABASE_URL?: string | undefined; DATABASE_POOL_SIZE?: number | undefined }, logger: Logger): Promise<Stores> {
  return config.DATABASE_URL
    ? openPostgresStores(config.DATABASE_URL, logger, config.DATABASE_POOL_SIZE ? { poolSize: config.DATABASE_POOL_SIZE } : {})
    : openFileStores(config.DATA_DIR, logger);
}

/** Every store kept in files under `dataDir`. */
export async function openFileStores(dataDir: string, logger: Logger): Promise<Stores> {
  const state = await PerKeyStorage.open(path.join(dataDir, 'bot-state'), logger);
  const activities = await FileActivityLog.open(path.join(dataDir, 'directline'), logger);
  const tickets = await FileTicketStore.open(dataDir, logger);
  const audit = await FileAuditStore.open(dataDir);
  const verification = await FileVerificationLocks.open(dataDir, logger);
  const secrets = await FileSecretStore.open(dataDir, logger);
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
    changes: new LocalChangeFeed(),
    health: async () => ({ kind: 'files', ok: true }),
    async close() {
      await turns.idle();
      await Promise.all([state.close(), activities.close(), tickets.close(), verification.close()]);
      // Last: closing a turn or a ticket may still audit.
      await audit.close();
    },
  };
}

/** Every store in the PostgreSQL database at `url`; its tables are made or migrated first. */
export async function openPostgresStores(url: string, logger: Logger, options: PgOptions = {}): Promise<Stores> {
  const db = await PgDatabase.open(url, logger, options);
  const turns = new PgConversationTurns(db);
  const activities = await PgActivityLog.open(db);
  const audit = new PgAuditStore(db);
  const changes = await PgChangeFeed.open(db);
  return {
    state: new PgStateStorage(db),
    turns,
    activities,
    tickets: new PgTicketStore(db),
    audit,
    verification: new PgVerificationLocks(db),
    rates: new PgRateCounters(db),
    secrets: new PgSecretStore(db),
    changes,
    health: async () => ({ kind: 'postgres', ...await db.health() }),
    async close() {
      await turns.idle();
      await activities.close();
      await audit.close();
      await db.close();
    },
  };
}
