import type { Broadcast } from '../broadcast.js';

/** One process: an event is heard by this process's listeners only; one listener's failure does not stop the others. */
export class LocalBroadcast<T> implements Broadcast<T> {
  private readonly listeners = new Set<(event: T) => void>();

  async publish(event: T): Promise<void> {
    for (const listener of this.listeners) {
      try {
        listener(event);
      } catch {
        // A closed stream's listener: the others go on.
      }
    }
  }

  subscribe(listener: (event: T) => void): () => void {
    this.listeners.add(listener);
    return () => { this.listeners.delete(listener); };
  }
}
