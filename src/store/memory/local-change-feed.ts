import type { ChangeFeed, ChangeListener, ChangeTopic } from '../change-feed.js';

/** One process: a change is heard by this process's listeners, after the publisher's call returns. */
export class LocalChangeFeed implements ChangeFeed {
  private readonly listeners = new Map<ChangeTopic, Set<ChangeListener>>();

  async publish(topic: ChangeTopic, detail?: string): Promise<void> {
    for (const listener of this.listeners.get(topic) ?? []) queueMicrotask(() => listener(detail));
  }

  subscribe(topic: ChangeTopic, listener: ChangeListener): () => void {
    let set = this.listeners.get(topic);
    if (!set) {
      set = new Set();
      this.listeners.set(topic, set);
    }
    set.add(listener);
    return () => { set.delete(listener); };
  }
}
