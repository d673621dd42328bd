import { createHash } from 'node:crypto';
import { mkdir } from 'node:fs/promises';
import path from 'node:path';
import type { Logger } from '../log/logger.js';
import { LowdbStorage, StorageConflictError, type StoreItems } from './lowdb-storage.js';

// A botbuilder `Storage` with one small lowdb file per key (per conversation, for
// ConversationState). One file for every conversation would be rewritten whole on every turn,
// so each turn would cost more the longer the server has run; here a turn writes its own
// conversation's file only. Files open on demand; the least recently used are let go.

const DEFAULT_MAX_OPEN = 2000;

export class PerKeyStorage {
  /** Open files by key, least recently used first. */
  private readonly open = new Map<string, Promise<LowdbStorage>>();
  /** Files being let go: reopening one waits until its last write is on disk. */
  private readonly closing = new Map<string, Promise<void>>();
  /** Operations under way per file: a busy file is never let go, so one file never has two writers. */
  private readonly busy = new Map<string, number>();

  private constructor(private readonly dir: string, private readonly logger: Logger, private readonly maxOpen: number) {}

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
  async close(): Promise<void> {
    await Promise.all([...this.open.values()].map(async (s) => (await s).close()));
    await Promise.all(this.closing.values());
  }

  /** Runs `work` on the files of `keys`, keeping them open until it is done. */
  private async using<T>(keys: string[], work: (storages: LowdbStorage[]) => Promise<T>): Promise<T> {
    const files = keys.map((key) => this.fileOf(key));
    for (const file of files) this.busy.set(file, (this.busy.get(file) ?? 0) + 1);
    try {
      return await work(await Promise.all(files.map((file) => this.storageAt(file))));
    } finally {
      for (const file of files) {
        const left = (this.busy.get(file) ?? 1) - 1;
        if (left > 0) this.busy.set(file, left);
        else this.busy.delete(file);
      }
      this.letGo();
    }
  }

  private storageAt(file: string): Promise<LowdbStorage> {
    let storage = this.open.get(file);
    if (storage) {
      // Most recently used goes last.
      this.open.delete(file);
      this.open.set(file, storage);
      return storage;
    }
    const pending = this.closing.get(file);
    storage = (pending ?? Promise.resolve()).then(() => LowdbStorage.open(file, this.logger));
    this.open.set(file, storage);
    return storage;
  }

  /** Lets go of the least recently used files that nothing is using, down to maxOpen. */
  private letGo(): void {
    if (this.open.size <= this.maxOpen) return;
    for (const [file, storage] of [...this.open]) {
      if (this.open.size <= this.maxOpen) break;
      if (this.busy.has(file)) continue;
      this.open.delete(file);
      const done = storage.then((s) => s.close()).finally(() => {
        if (this.closing.get(file) === done) this.closing.delete(file);
      });
      this.closing.set(file, done);
    }
  }
}
