import { CHANGE_TOPICS, type ChangeFeed, type ChangeListener, type ChangeTopic } from '../change-feed.js';
import { LocalChangeFeed } from '../memory/local-change-feed.js';
import type { PgDatabase } from './pg-database.js';

// Changes as NOTIFY on one channel of the schema (`<topic> <detail>`), heard by every process
// that LISTENs, the publisher included. After the listening connection was lost and made
// again, every listener is called with undefined: it may have missed a change.

export const CHANGE_CHANNEL = 'changes';

export class PgChangeFeed implements ChangeFeed {
  /** This process's listeners, told of what the database tells. */
  private readonly local = new LocalChangeFeed();
  private readonly channel: string;

  private constructor(private readonly db: PgDatabase) {
    this.channel = db.channel(CHANGE_CHANNEL);
  }

  static async open(db: PgDatabase): Promise<PgChangeFeed> {
    const feed = new PgChangeFeed(db);
    await db.listener.listen(feed.channel, (payload) => feed.heard(payload));
    db.listener.onReconnect(() => {
      for (const topic of CHANGE_TOPICS) void feed.local.publish(topic);
    });
    return feed;
  }

  async publish(topic: ChangeTopic, detail?: string): Promise<void> {
    await this.db.query('SELECT pg_notify($1, $2)', [this.channel, `${topic} ${detail ?? ''}`]);
  }

  subscribe(topic: ChangeTopic, listener: ChangeListener): () => void {
    return this.local.subscribe(topic, listener);
  }

  private heard(payload: string): void {
    const space = payload.indexOf(' ');
    const topic = CHANGE_TOPICS.find((t) => t === (space < 0 ? payload : payload.slice(0, space)));
    if (topic) void this.local.publish(topic, space < 0 ? undefined : payload.slice(space + 1) || undefined);
  }
}
