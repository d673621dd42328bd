import { randomUUID } from 'node:crypto';
import { mkdir } from 'node:fs/promises';
import path from 'node:path';
import { z } from 'zod';
import { Low } from 'lowdb';
import type { Logger } from '../../log/logger.js';
import { GroupCommit } from '../group-commit.js';
import { openStateLog } from './state-log-file.js';
import { StorageConflictError, type StateStorage, type StoreItem, type StoreItems } from '../state-storage.js';

// Conversation state (a botbuilder `Storage`, see state-storage.ts) kept in one lowdb
// document, a file of JSON lines appended to on every write (state-log-file.ts).

const fileSchema = z.object({
  version: z.literal(1),
  items: z.record(z.string(), z.record(z.string(), z.unknown())),
});
type StorageFile = z.infer<typeof fileSchema>;

export class LowdbStorage implements StateStorage {
  // Changes are checked and made in memory at once, in the order they come, and then written,
  // coalesced (one write under way, one waiting) so that quick turns share a file write.
  // The server keeps one such file per conversation (per-key-storage.ts).
  private readonly commits: GroupCommit;

  private constructor(private readonly db: Low<StorageFile>) {
    this.commits = new GroupCommit(() => db.write());
  }

  /**
   * Opens (or creates) the storage file; a corrupt file is moved aside, see openStateLog.
   * `dirMade`: its folder exists already (one of many files in it), so it is not made again.
   */
  static async open(file: string, logger: Logger, options: { dirMade?: boolean } = {}): Promise<LowdbStorage> {
    if (!options.dirMade) await mkdir(path.dirname(file), { recursive: true });
    const { data, adapter } = await openStateLog(file, fileSchema, logger);
    return new LowdbStorage(new Low(adapter, data ?? { version: 1, items: {} }));
  }

  /** Deep copies of the items that exist; missing keys are simply absent, as botbuilder expects. */
  async read(keys: string[]): Promise<StoreItems> {
    if (!keys) throw new ReferenceError('Keys are required when reading.');
    const found: StoreItems = {};
    for (const key of keys) {
      const item = this.db.data.items[key];
      if (item) found[key] = clone(item);
    }
    return found;
  }

  /** The stored item's eTag, without copying the item; undefined when there is none. */
  eTagOf(key: string): string | undefined {
    const eTag = this.db.data.items[key]?.eTag;
    return typeof eTag === 'string' ? eTag : undefined;
  }

  /**
   * Writes all changes or none. An item whose eTag is '*' or missing always overwrites; any
   * other eTag must match the stored one or the write fails with StorageConflictError.
   * Each written item gets a fresh eTag.
   */
  write(changes: StoreItems): Promise<void> {
    if (!changes) return Promise.reject(new ReferenceError('Changes are required when writing.'));
    const { items } = this.db.data;
    // Copy now: the caller may keep mutating its objects.
    const copies = Object.entries(changes).map(([key, item]) => [key, clone(item)] as const);
    for (const [key, item] of copies) {
      const stored = items[key];
      if (stored && item.eTag && item.eTag !== '*' && item.eTag !== stored.eTag) return Promise.reject(new StorageConflictError(key));
    }
    for (const [key, item] of copies) set(items, key, { ...item, eTag: randomUUID() });
    return this.commits.commit();
  }

  delete(keys: string[]): Promise<void> {
    if (!keys) return Promise.reject(new ReferenceError('Keys are required when deleting.'));
    for (const key of keys) set(this.db.data.items, key, undefined);
    return this.commits.commit();
  }

  /**
   * Waits for the writes under way, for a clean shutdown. A write that failed leaves memory
   * ahead of the file; the next write carries its changes.
   */
  close(): Promise<void> {
    return this.commits.idle();
  }
}

function set(items: StorageFile['items'], key: string, item: StoreItem | undefined): void {
  if (item === undefined) delete items[key];
  else items[key] = item;
}

/** A JSON round trip, like botbuilder's MemoryStorage: it also catches what could not be saved. */
function clone(item: StoreItem): StoreItem {
  return JSON.parse(JSON.stringify(item)) as StoreItem;
}
