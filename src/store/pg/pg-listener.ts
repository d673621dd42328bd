import pg from 'pg';
import type { Logger } from '../../log/logger.js';

// One connection per process that LISTENs for the channels the stores use (new Direct Line
// activities, changes made by another process). A lost connection is made again, with a
// growing pause, and every channel listened to again; notifications sent while it was away
// are lost, so `onReconnect` handlers catch up by reading what they watch.

type Handler = (payload: string) => void;

const FIRST_RETRY_MS = 250;
const LAST_RETRY_MS = 10_000;

export class PgListener {
  private client: pg.Client | undefined;
  private readonly handlers = new Map<string, Set<Handler>>();
  private readonly reconnectHandlers = new Set<() => void>();
  private stopped = false;
  private retryMs = FIRST_RETRY_MS;
  private timer: NodeJS.Timeout | undefined;
  private connecting: Promise<void> | undefined;

  constructor(private readonly url: string, private readonly logger: Logger, private readonly where: string) {}

  /** The server process of the listening connection (for tests that cut it). */
  get backendPid(): number | undefined {
    return (this.client as { processID?: number } | undefined)?.processID;
  }

  /** Connects; rejects when the first connection fails. */
  start(): Promise<void> {
    return this.connect();
  }

  /** Calls `handler` with the payload of every notification on `channel`; answers a function that stops it. */
  async listen(channel: string, handler: Handler): Promise<() => void> {
    let set = this.handlers.get(channel);
    if (!set) {
      set = new Set();
      this.handlers.set(channel, set);
      // Without a connection now, the next one listens to every channel.
      await this.client?.query(`LISTEN ${pg.escapeIdentifier(channel)}`).catch(() => undefined);
    }
    set.add(handler);
    return () => { set.delete(handler); };
  }

  /** Called after the connection was lost and made again (notifications may have been missed). */
  onReconnect(handler: () => void): () => void {
    this.reconnectHandlers.add(handler);
    return () => { this.reconnectHandlers.delete(handler); };
  }

  async stop(): Promise<void> {
    this.stopped = true;
    clearTimeout(this.timer);
    await this.connecting?.catch(() => undefined);
    const client = this.client;
    this.client = undefined;
    await client?.end().catch(() => undefined);
  }

  private connect(): Promise<void> {
    const attempt = (async () => {
      const client = new pg.Client({ connectionString: this.url, keepAlive: true, connectionTimeoutMillis: 5000, application_name: 'dvc-assistant listener' });
      client.on('notification', (n) => {
        for (const handler of this.handlers.get(n.channel) ?? []) {
          try {
            handler(n.payload ?? '');
          } catch (err) {
            this.logger.error({ err, channel: n.channel }, 'a notification handler failed');
          }
        }
      });
      client.on('error', () => undefined);
      client.on('end', () => this.dropped(client));
      await client.connect();
      for (const channel of this.handlers.keys()) await client.query(`LISTEN ${pg.escapeIdentifier(channel)}`);
      if (this.stopped) {
        await client.end();
        return;
      }
      this.client = client;
    })();
    this.connecting = attempt;
    return attempt.finally(() => { if (this.connecting === attempt) this.connecting = undefined; });
  }

  private dropped(client: pg.Client): void {
    if (this.client !== client || this.stopped) return;
    this.client = undefined;
    this.logger.warn({ database: this.where }, `lost the PostgreSQL listening connection to ${this.where}; connecting again`);
    this.retry();
  }

  private retry(): void {
    if (this.stopped) return;
    this.timer = setTimeout(() => {
      this.connect().then(() => {
        if (this.stopped) return;
        this.retryMs = FIRST_RETRY_MS;
        this.logger.info({ database: this.where }, `listening to PostgreSQL at ${this.where} again`);
        for (const handler of this.reconnectHandlers) handler();
      }, () => {
        this.retryMs = Math.min(this.retryMs * 2, LAST_RETRY_MS);
        this.retry();
      });
    }, this.retryMs);
    this.timer.unref();
  }
}
