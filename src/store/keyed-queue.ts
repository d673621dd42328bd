import type { ConversationTurns } from './state-storage.js';

/**
 * Runs tasks one at a time per key, in the order they were queued. Different keys run
 * concurrently. A key is forgotten once its last task settles, so the map stays as small as
 * the number of busy keys.
 */
export class KeyedQueue implements ConversationTurns {
  private readonly tails = new Map<string, Promise<unknown>>();

  run<T>(key: string, task: () => Promise<T> | T): Promise<T> {
    const previous = this.tails.get(key) ?? Promise.resolve();
    // A failed task must not block the ones queued after it: chain on settlement, not success.
    const result = previous.then(task, task);
    const tail = result.then(() => undefined, () => undefined);
    this.tails.set(key, tail);
    void tail.then(() => {
      if (this.tails.get(key) === tail) this.tails.delete(key);
    });
    return result;
  }

  /** Resolves once every task queued so far has settled (for a clean shutdown). */
  async idle(): Promise<void> {
    while (this.tails.size) await Promise.all(this.tails.values());
  }
}
