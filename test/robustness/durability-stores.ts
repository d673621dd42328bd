import path from 'node:path';
import { silentLogger } from '../../src/log/logger.js';
import type { ActivityLog } from '../../src/store/activity-log.js';
import type { AuditStore } from '../../src/store/audit-store.js';
import { FileActivityLog } from '../../src/store/file/file-activity-log.js';
import { FileAuditStore } from '../../src/store/file/file-audit-store.js';
import { FileInboxStore } from '../../src/store/file/file-inbox-store.js';
import { FileTrainingEditStore } from '../../src/store/file/file-training-edit-store.js';
import { PerKeyStorage } from '../../src/store/file/per-key-storage.js';
import type { InboxStore } from '../../src/store/inbox-store.js';
import { PgActivityLog } from '../../src/store/pg/pg-activity-log.js';
import { PgAuditStore } from '../../src/store/pg/pg-audit-store.js';
import { PgDatabase } from '../../src/store/pg/pg-database.js';
import { PgInboxStore } from '../../src/store/pg/pg-inbox-store.js';
import { PgStateStorage } from '../../src/store/pg/pg-state-storage.js';
import { PgTrainingEditStore } from '../../src/store/pg/pg-training-edit-store.js';
import type { StateStorage } from '../../src/store/state-storage.js';
import type { TrainingEditStore } from '../../src/store/training-edit-store.js';

// The stores the SIGKILL test writes and checks: files in DATA_DIR, or PostgreSQL when
// DATABASE_URL is given. The Direct Line log keeps every activity (nothing trimmed), so that
// each acknowledged one can be found.

export interface DurableStores {
  state: StateStorage;
  activities: ActivityLog;
  inbox: InboxStore;
  trainingEdits: TrainingEditStore;
  audit: AuditStore;
  close(): Promise<void>;
}

const KEEP_ALL = { maxActivities: 1e6, maxLogBytes: 1e9 };

export async function openDurableStores(dataDir: string, databaseUrl?: string): Promise<DurableStores> {
  if (databaseUrl) {
    const db = await PgDatabase.open(databaseUrl, silentLogger, { poolSize: 4 });
    const stores = {
      state: new PgStateStorage(db), activities: await PgActivityLog.open(db, KEEP_ALL), inbox: new PgInboxStore(db),
      trainingEdits: new PgTrainingEditStore(db), audit: new PgAuditStore(db),
    };
    return { ...stores, close: () => db.close() };
  }
  const state = await PerKeyStorage.open(path.join(dataDir, 'bot-state'), silentLogger);
  const activities = await FileActivityLog.open(path.join(dataDir, 'directline'), silentLogger, KEEP_ALL);
  const inbox = await FileInboxStore.open(dataDir, silentLogger);
  const trainingEdits = await FileTrainingEditStore.open(dataDir, silentLogger);
  const audit = await FileAuditStore.open(dataDir);
  return {
    state, activities, inbox, trainingEdits, audit,
    async close() {
      await Promise.all([state.close(), activities.close(), inbox.close(), trainingEdits.close()]);
      await audit.close();
    },
  };
}
