// Conversation state: what botbuilder's ConversationState keeps per conversation (the
// dialog stack, the procedure in play). The shape is botbuilder's `Storage` (read, write,
// delete, with eTags), kept here without importing botbuilder: src/bot passes a StateStorage
// wherever botbuilder asks for a Storage.

/** One stored object; `eTag` is the storage's concurrency token, as botbuilder defines it. */
export type StoreItem = Record<string, unknown> & { eTag?: string };
export type StoreItems = Record<string, StoreItem>;

export class StorageConflictError extends Error {
  constructor(readonly key: string) {
    super(`Storage: error writing "${key}" due to eTag conflict.`);
    this.name = 'StorageConflictError';
  }
}

export interface StateStorage {
  /** Copies of the items that exist; missing keys are simply absent. */
  read(keys: string[]): Promise<StoreItems>;
  /**
   * Writes all changes or none. An item whose eTag is '*' or missing always overwrites; any
   * other eTag must match the stored one, or the write fails with StorageConflictError.
   * Every written item gets a fresh eTag.
   */
  write(changes: StoreItems): Promise<void>;
  delete(keys: string[]): Promise<void>;
}

/**
 * The turns of one conversation, one at a time and in the order they came: botbuilder's
 * ConversationState saves with eTag '*', so its eTag alone would not keep two quick messages
 * from racing on the state. In one process an in-memory queue (KeyedQueue); across
 * processes a lock the processes share.
 */
export interface ConversationTurns {
  /** `reads.stateKeys`: the state the turn will read, which a store may fetch along with the turn's lock. */
  run<T>(conversationId: string, turn: () => Promise<T>, reads?: { stateKeys: readonly string[] }): Promise<T>;
  /** Resolves once every turn queued so far has settled (for a clean shutdown). */
  idle(): Promise<void>;
}
