import { silentLogger } from '../../../src/log/logger.js';
import { PgDatabase, type PgOptions } from '../../../src/store/pg/pg-database.js';
import { dropSchema, freshSchema, schemaUrl } from '../../helpers/pg.js';
import type { OpenStore } from './harness.js';

/**
 * A harness for a PostgreSQL implementation: a schema of its own in the tests' cluster,
 * `open(db)` for each (re)start on a new connection to the same schema.
 */
export function pgHarness<S extends object>(open: (db: PgDatabase) => Promise<S>): OpenStore<S> {
  return async () => {
    const schema = freshSchema();
    const url = await schemaUrl(schema);
    let db = await PgDatabase.open(url, silentLogger);
    let current = await open(db);
    const shut = async (): Promise<void> => {
      const { close } = current as { close?: () => Promise<void> };
      if (close) await close.call(current);
      await db.close();
    };
    return {
      get store() { return current; },
      async reopen() {
        await shut();
        db = await PgDatabase.open(url, silentLogger);
        current = await open(db);
        return current;
      },
      async dispose() {
        await shut();
        await dropSchema(schema);
      },
    };
  };
}

/** Two processes on one schema: `open` run on two connections of their own. */
export interface PgPair<S> {
  a: S;
  b: S;
  dbA: PgDatabase;
  dbB: PgDatabase;
  url: string;
  dispose(): Promise<void>;
}

export async function pgPair<S extends object>(open: (db: PgDatabase) => Promise<S>, options: PgOptions = {}): Promise<PgPair<S>> {
  const schema = freshSchema();
  const url = await schemaUrl(schema);
  const dbA = await PgDatabase.open(url, silentLogger, options);
  const dbB = await PgDatabase.open(url, silentLogger, options);
  const a = await open(dbA);
  const b = await open(dbB);
  return {
    a, b, dbA, dbB, url,
    async dispose() {
      for (const store of [a, b]) {
        const { close } = store as { close?: () => Promise<void> };
        if (close) await close.call(store);
      }
      await Promise.all([dbA.close(), dbB.close()]);
      await dropSchema(schema);
    },
  };
}

/** Runs `test` with two processes on a fresh schema, disposed of afterwards whatever happens. */
export async function withPair<S extends object>(open: (db: PgDatabase) => Promise<S>, test: (pair: PgPair<S>) => Promise<void>, options: PgOptions = {}): Promise<void> {
  const pair = await pgPair(open, options);
  try {
    await test(pair);
  } finally {
    await pair.dispose();
  }
}
