import pg from 'pg';
import { AppError } from '../../errors.js';
import type { Logger } from '../../log/logger.js';
import { TurnOpenings } from './pg-turn-openings.js';
import { migrate } from './migrate.js';
import { PgListener } from './pg-listener.js';

// One PostgreSQL database (DATABASE_URL) for every store of this process: a pool for queries,
// a second pool whose connections are held for a turn's lock (pg-conversation-turns.ts), and
// one connection that LISTENs (pg-listener.ts). The schema is made or brought up to date by
// the versioned migrations at open. Every query is parameterised.

export interface PgOptions {
  /** Connections for queries (DATABASE_POOL_SIZE). */
  poolSize?: number;
  /** Connections that may hold a conversation's lock at once. */
  lockPoolSize?: number;
  /** The most a turn waits for the turns before it in its conversation. */
  lockTimeoutMs?: number;
  /** Listen for other processes' notifications (not for the training process or the CLI). */
  listen?: boolean;
}

/** Connections for queryUnflushed: its statements are short and few. */
const UNFLUSHED_POOL_SIZE = 4;
const DEFAULTS: Required<PgOptions> = { poolSize: 10, lockPoolSize: 20, lockTimeoutMs: 15_000, listen: true };
const CONNECT_TIMEOUT_MS = 5000;

/** Where the database is, for log lines and errors: never the password. */
export function describeDatabase(url: string): string {
  try {
    const u = new URL(url);
    return `${u.hostname || 'localhost'}:${u.port || '5432'}${u.pathname && u.pathname !== '/' ? u.pathname : ''}`;
  } catch {
    return 'DATABASE_URL';
  }
}

/** Connection-level failures (the server is down, restarting or unreachable), as opposed to a bad query. */
export function isConnectionError(err: unknown): boolean {
  const e = err as { code?: unknown; message?: unknown } | null;
  const code = typeof e?.code === 'string' ? e.code : '';
  if (['ECONNREFUSED', 'ECONNRESET', 'ENOTFOUND', 'EAI_AGAIN', 'ETIMEDOUT', 'EPIPE', 'EHOSTUNREACH'].includes(code)) return true;
  // 08: connection exception; 57P01-57P03: the server is shutting down or starting.
  if (/^08/.test(code) || ['57P01', '57P02', '57P03'].includes(code)) return true;
  const message = typeof e?.message === 'string' ? e.message : '';
  return /Connection terminated|timeout exceeded when trying to connect|Client has encountered a connection error|not queryable/i.test(message);
}

/** What went wrong reaching the database, in a few words. */
function reason(err: unknown): string {
  const e = err as { code?: unknown; message?: unknown };
  if (e?.code === 'ECONNREFUSED') return 'connection refused';
  if (e?.code === 'ENOTFOUND' || e?.code === 'EAI_AGAIN') return 'unknown host';
  if (e?.code === '28P01' || e?.code === '28000') return 'authentication failed';
  if (e?.code === '3D000') return 'no such database';
  return typeof e?.message === 'string' ? e.message.replace(/\s+/g, ' ').trim() : String(err);
}

export class DatabaseUnreachableError extends Error {
  constructor(readonly where: string, cause: unknown) {
    super(`cannot reach the PostgreSQL database at ${where} (${reason(cause)}): check DATABASE_URL and that the server is running.`, { cause });
    this.name = 'DatabaseUnreachableError';
  }
}

export class PgDatabase {
  /** The schema the tables live in (the connection's search_path): channels are named after it. */
  readonly schema: string;
  /** What each turn's opening statement read with its lock, for the stores to take (pg-turn-openings.ts). */
  readonly openings = new TurnOpenings();
  private down = false;

  private constructor(
    readonly pool: pg.Pool,
    readonly lockPool: pg.Pool,
    private readonly unflushedPool: pg.Pool,
    readonly listener: PgListener,
    readonly where: string,
    private readonly logger: Logger,
    schema: string,
  ) {
    this.schema = schema;
  }

  /** Connects, brings the schema up to date, and starts listening; DatabaseUnreachableError when it cannot connect. */
  static async open(url: string, logger: Logger, options: PgOptions = {}): Promise<PgDatabase> {
    const settings = { ...DEFAULTS, ...options };
    const where = describeDatabase(url);
    const common = { connectionString: url, connectionTimeoutMillis: CONNECT_TIMEOUT_MS, keepAlive: true, application_name: 'dvc-assistant' };
    const pool = new pg.Pool({ ...common, max: settings.poolSize, idleTimeoutMillis: 30_000 });
    // Lock connections stay open longer: a turn that must first connect could reach its lock
    // after a turn posted later to another process.
    const lockPool = new pg.Pool({ ...common, max: settings.listen ? settings.lockPoolSize : 1, idleTimeoutMillis: 300_000 });
    lockPool.on('connect', (client) => {
      // A turn's opening reserves sequence numbers on this connection without waiting for the WAL (see queryUnflushed).
      void client.query(`SET lock_timeout = ${Math.round(settings.lockTimeoutMs)}; SET synchronous_commit = off`).catch(() => undefined);
    });
    // Statements whose commit need not wait for the WAL to reach the disk (see queryUnflushed).
    const unflushedPool = new pg.Pool({ ...common, max: UNFLUSHED_POOL_SIZE, idleTimeoutMillis: 30_000, options: '-c synchronous_commit=off' });
    let onLost: (err: Error) => void = () => undefined;
    for (const p of [pool, lockPool, unflushedPool]) {
      p.on('error', (err) => onLost(err));
      // A connection lost while checked out (a turn's lock held) reports to its client, not to the pool.
      p.on('connect', (client) => client.on('error', (err) => onLost(err)));
    }
    let schema: string;
    try {
      const { rows } = await pool.query<{ schema: string | null }>('SELECT current_schema() AS schema');
      schema = rows[0]?.schema ?? '';
      if (!schema) throw new Error('the connection has no schema to create tables in (search_path)');
      await migrate(pool, logger);
      // A server's first turns find their lock connections open.
      if (settings.listen) for (const client of await Promise.all([lockPool.connect(), lockPool.connect()])) client.release();
    } catch (err) {
      await Promise.allSettled([pool.end(), lockPool.end(), unflushedPool.end()]);
      if (isConnectionError(err) || ['28P01', '28000', '3D000'].includes(String((err as { code?: unknown }).code))) throw new DatabaseUnreachableError(where, err);
      throw err;
    }
    const listener = new PgListener(url, logger, where);
    const db = new PgDatabase(pool, lockPool, unflushedPool, listener, where, logger, schema);
    onLost = (err) => db.lost(err);
    listener.onReconnect(() => db.back());
    if (settings.listen) await listener.start().catch(async (err: unknown) => {
      await db.close();
      throw isConnectionError(err) ? new DatabaseUnreachableError(where, err) : err;
    });
    return db;
  }

  /** A parameterised query; a lost connection becomes STORE_UNAVAILABLE (503) for the caller. */
  query<R extends pg.QueryResultRow = pg.QueryResultRow>(text: string, values?: unknown[]): Promise<pg.QueryResult<R>> {
    return this.run(this.pool, text, values);
  }

  /**
   * A query whose commit answers before the WAL is on disk (synchronous_commit off). Only for
   * a change that nothing acknowledged depends on until a later synchronous commit: the WAL is
   * written in order, so that later commit makes this one durable too. A crash of the database
   * before then may undo it, and nothing else.
   */
  queryUnflushed<R extends pg.QueryResultRow = pg.QueryResultRow>(text: string, values?: unknown[]): Promise<pg.QueryResult<R>> {
    return this.run(this.unflushedPool, text, values);
  }

  private async run<R extends pg.QueryResultRow>(pool: pg.Pool, text: string, values?: unknown[]): Promise<pg.QueryResult<R>> {
    try {
      const result = await pool.query<R>(text, values);
      this.back();
      return result;
    } catch (err) {
      throw this.translate(err);
    }
  }

  /** Runs `work` in a transaction on one connection: committed when it resolves, rolled back when it throws. */
  async transaction<T>(work: (client: pg.PoolClient) => Promise<T>): Promise<T> {
    let client: pg.PoolClient;
    try {
      client = await this.pool.connect();
    } catch (err) {
      throw this.translate(err);
    }
    let broken: Error | undefined;
    try {
      await client.query('BEGIN');
      const result = await work(client);
      await client.query('COMMIT');
      return result;
    } catch (err) {
      if (isConnectionError(err)) broken = err as Error;
      else await client.query('ROLLBACK').catch((e: unknown) => { broken = e as Error; });
      throw this.translate(err);
    } finally {
      client.release(broken);
    }
  }

  /** A NOTIFY channel of this schema (several installations may share one database). */
  channel(name: string): string {
    return `${this.schema}.${name}`.slice(0, 63);
  }

  /** Whether the database answers now, for /healthz. */
  async health(): Promise<{ ok: boolean; ms: number }> {
    const started = performance.now();
    try {
      await this.pool.query('SELECT 1');
      return { ok: true, ms: Math.round((performance.now() - started) * 10) / 10 };
    } catch {
      return { ok: false, ms: Math.round(performance.now() - started) };
    }
  }

  async close(): Promise<void> {
    await this.listener.stop();
    await Promise.allSettled([this.pool.end(), this.lockPool.end(), this.unflushedPool.end()]);
  }

  /** A store's failure as the caller should see it: connection trouble is 503, the rest as it was. */
  translate(err: unknown): unknown {
    if (err instanceof AppError || !isConnectionError(err)) return err;
    this.lost(err);
    return new AppError('STORE_UNAVAILABLE', undefined, { cause: err });
  }

  /** One log line when the database goes away, one when it is back. */
  private lost(err: unknown): void {
    if (this.down) return;
    this.down = true;
    this.logger.error({ database: this.where, reason: reason(err) }, `lost the connection to PostgreSQL at ${this.where} (${reason(err)}); requests that need it answer 503 until it is back`);
  }

  private back(): void {
    if (!this.down) return;
    this.down = false;
    this.logger.info({ database: this.where }, `PostgreSQL at ${this.where} is reachable again`);
  }
}
