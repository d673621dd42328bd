import { createHash } from 'node:crypto';
import { mkdir } from 'node:fs/promises';
import path from 'node:path';
import type { Logger } from '../../log/logger.js';
import { StorageConflictError, type StateStorage, type StoreItems } from '../state-storage.js';
import { FileCache } from './file-cache.js';
import { LowdbStorage } from './lowdb-storage.js';

// Conversation state with one small lowdb file per key (per conversation, for
// ConversationState). One file for every conversation would be rewritten whole on every turn,
// so each turn would cost more the longer the server has run; here a turn writes its own
// conversation's file only. Files open on demand; the least recently used are let go.

const DEFAULT_MAX_OPEN = 2000;

export class PerKeyStorage implements StateStorage {
  private readonly files: FileCache<LowdbStorage>;

  private constructor(private readonly dir: string, logger: Logger, maxOpen: number) {
    this.files = new FileCache({
      maxOpen,
      load: (file) => LowdbStorage.open(file, logger, { dirMade: true }),
      unload: (storage) => storage.close(),
    });
  }

  static async open(dir: string, logger: Logger, options: { maxOpen?: number } = {}): Promise<PerKeyStorage> {
    await mkdir(dir, { recursive: true, mode: 0o700 });
    return new PerKeyStorage(dir, logger, options.maxOpen ?? DEFAULT_MAX_OPEN);
  }

  /** The file that holds a key: a hash, so any key (slashes, unicode) is a safe file name. */
  fileOf(key: string): string {
    return path.join(this.dir, `${createHash('sha256').update(key).digest('hex').slice(0, 40)}.json`);
  }

  async read(keys: string[]): Promise<StoreItems> {
    if (!keys) throw new ReferenceError('Keys are required when reading.');
    return this.using(keys, async (storages) => {
      const found: StoreItems = {};
      for (const [i, key] of keys.entries()) Object.assign(found, await storages[i]!.read([key]));
      return found;
    });
  }

  /** Every eTag is checked before anything is written, so a conflict writes nothing. */
  async write(changes: StoreItems): Promise<void> {
    if (!changes) throw new ReferenceError('Changes are required when writing.');
    const entries = Object.entries(changes);
    await this.using(entries.map(([key]) => key), async (storages) => {
      for (const [i, [key, item]] of entries.entries()) {
        if (!item.eTag || item.eTag === '*') continue;
        const stored = storages[i]!.eTagOf(key);
        if (stored !== undefined && stored !== item.eTag) throw new StorageConflictError(key);
      }
      await Promise.all(entries.map(([key, item], i) => storages[i]!.write({ [key]: item })));
    });
  }

  async delete(keys: string[]): Promise<void> {
    if (!keys) throw new ReferenceError('Keys are required when deleting.');
    await this.using(keys, (storages) => Promise.all(keys.map((key, i) => storages[i]!.delete([key]))));
  }

  /** Waits for every write under way, for a clean shutdown. */
  close(): Promise<void> {
    return this.files.settle((storage) => storage.close());
  }

  /** Runs `work` on the files of `keys`, keeping them open until it is done. */
  private using<T>(keys: string[], work: (storages: LowdbStorage[]) => Promise<T>): Promise<T> {
    return this.files.useAll(keys.map((key) => this.fileOf(key)), work);
  }
}
