import type { ChangeFeed, ChangeListener, ChangeTopic } from '../change-feed.js';
import type { PgDatabase } from './pg-database.js';

// Changes as NOTIFY on one channel of the schema (`<topic> <detail>`), heard by every process
// that LISTENs, the publisher included. After the listening connection was lost and made
// again, every listener is called with undefined: it may have missed a change.

export const CHANGE_CHANNEL = 'changes';

export class PgChangeFeed implements ChangeFeed {
  private readonly listeners = new Map<ChangeTopic, Set<ChangeListener>>();
  private readonly channel: string;

  private constructor(private readonly db: PgDatabase) {
    this.channel = db.channel(CHANGE_CHANNEL);
  }

  static async open(db: PgDatabase): Promise<PgChangeFeed> {
    const feed = new PgChangeFeed(db);
    await db.listener.listen(feed.channel, (payload) => feed.heard(payload));
    db.listener.onReconnect(() => {
      for (const set of feed.listeners.values()) for (const listener of set) listener(undefined);
    });
    return feed;
  }

  async publish(topic: ChangeTopic, detail?: string): Promise<void> {
    await this.db.query('SELECT pg_notify($1, $2)', [this.channel, `${topic} ${detail ?? ''}`]);
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

  private heard(payload: string): void {
    const space = payload.indexOf(' ');
    const topic = (space < 0 ? payload : payload.slice(0, space)) as ChangeTopic;
    const detail = space < 0 ? '' : payload.slice(space + 1);
    for (const listener of this.listeners.get(topic) ?? []) listener(detail || undefined);
  }
}
