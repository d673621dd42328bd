import type { ActivityLog } from './activity-log.js';
import type { AnalyticsStore } from './analytics-store.js';
import type { AuditStore } from './audit-store.js';
import type { Broadcast } from './broadcast.js';
import type { ChangeFeed } from './change-feed.js';
import type { InboxStore } from './inbox-store.js';
import type { KnowledgeEditStore } from './knowledge-edit-store.js';
import type { ModelStore } from './model-store.js';
import type { RateCounters } from './rate-counters.js';
import type { SecretStore } from './secret-store.js';
import type { ConversationTurns, StateStorage } from './state-storage.js';
import type { TicketStore } from './ticket-store.js';
import type { TrainingEditStore } from './training-edit-store.js';
import type { VerificationLocks } from './verification-locks.js';

/**
 * Every store of the assistant, one small interface per kind of record, chosen once
 * (open-stores.ts) and passed to the parts that keep records. Nothing outside src/store knows
 * how a kind is kept: files in DATA_DIR (one process), or PostgreSQL (DATABASE_URL, any number
 * of processes).
 *
 * HOW TO ADD A KIND OF RECORD
 * 1. `src/store/<kind>.ts`: its record types (zod schemas where records come back from
 *    storage) and one small async interface: only what its users need, a Promise wherever a
 *    database would have to be asked, no file paths, nothing of the implementation.
 * 2. The file implementation under `src/store/file/` (memory for what is not kept across a
 *    restart, `src/store/memory/`), opened in `openFileStores` and closed in its `close()`.
 * 3. The PostgreSQL implementation under `src/store/pg/` on the PgDatabase (parameterised
 *    queries; its tables in a new `src/store/pg/migrations/NNN-name.sql`, never by editing a
 *    released one), opened in `openPostgresStores`. Several processes share it: a change
 *    must be safe when two processes make it at once (one statement, a row lock, or a
 *    transaction), and a process that caches what it read subscribes to `changes`.
 * 4. A field here, and `test/store/contract/<kind>.contract.ts` exporting
 *    `describe<Kind>Store(name, open)`, run by `test/store/<kind>.file.test.ts` and
 *    `test/store/<kind>.pg.test.ts` (with `pgHarness` from test/store/contract/pg-harness.ts).
 */

/** Where the stores are, as plain data: the training process opens its model files from it. */
export type StoreLocation = { kind: 'files'; dataDir: string } | { kind: 'postgres'; url: string; poolSize?: number | undefined };

/** What /healthz tells about the store. */
export interface StoreHealth {
  kind: StoreLocation['kind'];
  ok: boolean;
  /** How long the database took to answer. */
  ms?: number;
}

export interface Stores {
  location: StoreLocation;
  /** Conversation state (botbuilder's ConversationState). */
  state: StateStorage;
  /** Turns of one conversation run one at a time. */
  turns: ConversationTurns;
  /** Direct Line conversations and their activities. */
  activities: ActivityLog;
  /** The questions the assistant did not understand, for staff. */
  inbox: InboxStore;
  /** Staff edits to the training data (utterances, aliases, FAQ intents). */
  trainingEdits: TrainingEditStore;
  /** Staff edits of knowledge: each procedure's versions. */
  knowledgeEdits: KnowledgeEditStore;
  /** Trained models, their evaluations, and which serves. */
  models: ModelStore;
  /** Handoff tickets. */
  tickets: TicketStore;
  /** Who looked at which dossier or ticket (append-only). */
  audit: AuditStore;
  /** Wrong last-4 answers per conversation and dossier. */
  verification: VerificationLocks;
  /** Recent lookups per conversation and client address (the lookup limits). */
  rates: RateCounters;
  /** The Direct Line signing secret and the staff tokens the server made. */
  secrets: SecretStore;
  /** One event per citizen turn, and each day's figures (no personal data). */
  analytics: AnalyticsStore;
  /** Changes other processes must take up (retraining, staff edits). */
  changes: ChangeFeed;
  /** Events every process's subscribers hear (the help-desk console's ticket changes); `parse` checks what arrives. */
  broadcast<T>(name: string, parse: (value: unknown) => T): Broadcast<T>;
  /** Whether the store answers now. */
  health(): Promise<StoreHealth>;
  /** Waits for the writes under way and lets go of every store. */
  close(): Promise<void>;
}
