import { randomUUID } from 'node:crypto';
import { mkdir } from 'node:fs/promises';
import path from 'node:path';
import { z } from 'zod';
import { Low } from 'lowdb';
import { JSONFile } from 'lowdb/node';
import type { Logger } from '../log/logger.js';
import { KeyedQueue } from './keyed-queue.js';
import { readJsonFile } from './read-json-file.js';

// A botbuilder `Storage` (read/write/delete) kept in one lowdb JSON file. It satisfies the
// interface structurally so that this folder does not import botbuilder (see STYLE.md).

/** One stored object; `eTag` is the storage's concurrency token, as botbuilder defines it. */
export type StoreItem = Record<string, unknown> & { eTag?: string };
export type StoreItems = Record<string, StoreItem>;

const fileSchema = z.object({
  version: z.literal(1),
  items: z.record(z.string(), z.record(z.string(), z.unknown())),
});
type StorageFile = z.infer<typeof fileSchema>;

export class StorageConflictError extends Error {
  constructor(readonly key: string) {
    super(`Storage: error writing "${key}" due to eTag conflict.`);
    this.name = 'StorageConflictError';
  }
}

export class LowdbStorage {
  // Every change goes through one queue: the eTag check, the change and the file write
  // happen as one step, and the file is never written twice at once.
  private readonly queue = new KeyedQueue();

  private constructor(private readonly db: Low<StorageFile>) {}

  /** Opens (or creates) the storage file; a corrupt file is moved aside, see readJsonFile. */
  static async open(file: string, logger: Logger): Promise<LowdbStorage> {
    await mkdir(path.dirname(file), { recursive: true });
    const data = await readJsonFile(file, fileSchema, logger);
    return new LowdbStorage(new Low(new JSONFile<StorageFile>(file), data ?? { version: 1, items: {} }));
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

  /**
   * Writes all changes or none. An item whose eTag is '*' or missing always overwrites; any
   * other eTag must match the stored one or the write fails with StorageConflictError.
   * Each written item gets a fresh eTag.
   */
  write(changes: StoreItems): Promise<void> {
    if (!changes) return Promise.reject(new ReferenceError('Changes are required when writing.'));
    // Copy now: the caller may keep mutating its objects while the write waits its turn.
    const copies = Object.entries(changes).map(([key, item]) => [key, clone(item)] as const);
    return this.queue.run('file', async () => {
      const { items } = this.db.data;
      for (const [key, item] of copies) {
        const stored = items[key];
        if (stored && item.eTag && item.eTag !== '*' && item.eTag !== stored.eTag) throw new StorageConflictError(key);
      }
      await this.commit(copies.map(([key, item]) => [key, { ...item, eTag: randomUUID() }]));
    });
  }

  delete(keys: string[]): Promise<void> {
    if (!keys) return Promise.reject(new ReferenceError('Keys are required when deleting.'));
    return this.queue.run('file', () => this.commit(keys.map((key) => [key, undefined])));
  }

  /** Waits for queued writes, for a clean shutdown. */
  close(): Promise<void> {
    return this.queue.idle();
  }

  /** Applies the changes and writes the file; if the write fails, memory is rolled back to match the disk. */
  private async commit(changes: Array<readonly [string, StoreItem | undefined]>): Promise<void> {
    const { items } = this.db.data;
    const before = changes.map(([key]) => [key, items[key]] as const);
    for (const [key, item] of changes) set(items, key, item);
    try {
      await this.db.write();
    } catch (err) {
      for (const [key, item] of before) set(items, key, item);
      throw err;
    }
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
