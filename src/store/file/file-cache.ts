/**
 * The open per-key files of a store (one per conversation), most recently used kept, the
 * rest let go beyond `maxOpen`. An entry in use is never let go, so one file never has two
 * writers: `use` (or `hold` until `release`) marks it busy from the moment it is asked for,
 * before it is even loaded. An entry being let go is unloaded first; opening its key again
 * waits for that. A key whose file does not exist loads as undefined and is not kept.
 */
export interface FileCacheOptions<T> {
  maxOpen: number;
  /** Reads the key's file; undefined when there is none (and none should be made). */
  load(key: string): Promise<T | undefined>;
  /** Lets go of an entry (waits for its writes); nothing by default. */
  unload?(value: T): Promise<void>;
}

interface Slot<T> {
  value: Promise<T | undefined>;
  busy: number;
}

export class FileCache<T> {
  /** Least recently used first. */
  private readonly slots = new Map<string, Slot<T>>();
  private readonly unloading = new Map<string, Promise<void>>();

  constructor(private readonly options: FileCacheOptions<T>) {}

  /** Runs `work` on the key's entry, kept open until it is done; `missing` when there is none. */
  async use<R>(key: string, work: (value: T) => R | Promise<R>, missing: () => R): Promise<R> {
    const slot = this.acquire(key);
    try {
      const value = await this.loaded(key, slot);
      return value === undefined ? missing() : await work(value);
    } finally {
      this.done(slot);
    }
  }

  /** Several keys at once, in order (a write of several conversations' state). */
  async useAll<R>(keys: readonly string[], work: (values: T[]) => Promise<R>): Promise<R> {
    const slots = keys.map((key) => this.acquire(key));
    try {
      // All load at once; awaited in order.
      const loading = keys.map((key, i) => this.loaded(key, slots[i]!));
      for (const pending of loading) pending.catch(() => undefined);
      const values: T[] = [];
      for (const pending of loading) {
        const value = await pending;
        if (value === undefined) throw new Error('FileCache.useAll: an entry has no file');
        values.push(value);
      }
      return await work(values);
    } finally {
      for (const slot of slots) this.done(slot);
    }
  }

  /** Keeps an entry that is open now busy until `release` (a change recorded, written later). */
  hold(key: string): void {
    const slot = this.slots.get(key);
    if (!slot) throw new Error(`FileCache.hold: ${key} is not open`);
    slot.busy += 1;
  }

  /** Ends a `hold`. */
  release(key: string): void {
    const slot = this.slots.get(key);
    if (slot) this.done(slot);
  }

  /** Adds a new entry made in memory (a file about to be created): use it at once, it may be let go at the next release. */
  put(key: string, value: T): void {
    this.slots.delete(key);
    this.slots.set(key, { value: Promise.resolve(value), busy: 0 });
  }

  /** The entry when it is open now, without loading it. */
  async peek(key: string): Promise<T | undefined> {
    return this.slots.get(key)?.value;
  }

  /** Every open entry (to wait for their writes at shutdown), and those being let go. */
  async settle(each: (value: T) => Promise<void>): Promise<void> {
    const open = [...this.slots.values()].map(async (slot) => {
      const value = await slot.value.catch(() => undefined);
      if (value !== undefined) await each(value);
    });
    await Promise.all([...open, ...this.unloading.values()]);
  }

  /** The key's slot, made (its file loading) if need be and marked busy in the same step, so it cannot be let go in between. */
  private acquire(key: string): Slot<T> {
    let slot = this.slots.get(key);
    if (slot) {
      this.slots.delete(key);
    } else {
      const pending = this.unloading.get(key) ?? Promise.resolve();
      slot = { value: pending.then(() => this.options.load(key)), busy: 0 };
    }
    this.slots.set(key, slot);
    slot.busy += 1;
    return slot;
  }

  /** The slot's value once loaded; a key with no file (or a failed load) is not kept. */
  private async loaded(key: string, slot: Slot<T>): Promise<T | undefined> {
    const value = await slot.value.catch((err: unknown) => {
      if (this.slots.get(key) === slot) this.slots.delete(key);
      throw err;
    });
    if (value === undefined && this.slots.get(key) === slot) this.slots.delete(key);
    return value;
  }

  private done(slot: Slot<T>): void {
    slot.busy -= 1;
    this.letGo();
  }

  /** Lets go of the least recently used idle entries beyond maxOpen. */
  private letGo(): void {
    if (this.slots.size <= this.options.maxOpen) return;
    for (const [key, slot] of this.slots) {
      if (this.slots.size <= this.options.maxOpen) break;
      if (slot.busy > 0) continue;
      this.slots.delete(key);
      const unload = this.options.unload;
      if (!unload) continue;
      const done = slot.value.then((value) => (value === undefined ? undefined : unload(value)), () => undefined).finally(() => {
        if (this.unloading.get(key) === done) this.unloading.delete(key);
      });
      this.unloading.set(key, done);
    }
  }
}
