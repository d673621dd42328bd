import { createHash, randomBytes } from 'node:crypto';
import pg from 'pg';

// The tests' PostgreSQL: the throwaway cluster of test/global-setup.mjs, one schema per test
// app or store (made here, dropped by the test), so tests stay apart in one database.

/** The cluster's superuser URL, or undefined when PostgreSQL is not installed here. */
export const PG_URL: string | undefined = process.env.DVC_TEST_PG_URL;

/** Whether the whole suite runs with PostgreSQL stores (DVC_TEST_STORE=pg). */
export const PG_STORE = process.env.DVC_TEST_STORE === 'pg';

/** `describe` for tests that need PostgreSQL: skipped, and says why, where it is not installed. */
export function describePg(name: string, fn: () => void): void {
  if (PG_URL) describe(name, fn);
  else describe.skip(`${name} (skipped: PostgreSQL is not installed here)`, fn);
}

/** Runs one statement as the cluster's superuser. */
export async function adminQuery(sql: string, base: string = PG_URL ?? ''): Promise<pg.QueryResult> {
  if (!base) throw new Error('PostgreSQL is not available (DVC_TEST_PG_URL is not set)');
  const client = new pg.Client(base);
  await client.connect();
  try {
    return await client.query(sql);
  } finally {
    await client.end();
  }
}

/** A URL whose connections work in `schema` (search_path), the schema made if needed. */
export async function schemaUrl(schema: string, base: string = PG_URL ?? ''): Promise<string> {
  if (!/^[a-z_][a-z0-9_]*$/.test(schema)) throw new Error(`bad schema name ${schema}`);
  await adminQuery(`CREATE SCHEMA IF NOT EXISTS ${schema}`, base);
  const url = new URL(base);
  url.searchParams.set('options', `-c search_path=${schema}`);
  return url.toString();
}

/** A fresh schema of its own. */
export function freshSchema(prefix = 't'): string {
  return `${prefix}_${randomBytes(6).toString('hex')}`;
}

/** The same schema for the same key (a test's DATA_DIR), so a restart finds its data. */
export function schemaFor(key: string): string {
  return `d_${createHash('sha256').update(key).digest('hex').slice(0, 16)}`;
}

export async function dropSchema(schema: string, base: string = PG_URL ?? ''): Promise<void> {
  await adminQuery(`DROP SCHEMA IF EXISTS ${schema} CASCADE`, base);
}

/** Every row of every table of `schema` but those in `except`, as text (to search for what must not be kept). */
export async function dumpSchema(schema: string, except: string[] = []): Promise<{ tables: string[]; text: string }> {
  const { rows } = await adminQuery(`SELECT table_name FROM information_schema.tables WHERE table_schema = '${schema}' AND table_type = 'BASE TABLE' ORDER BY table_name`);
  const tables = rows.map((r) => String(r.table_name)).filter((t) => !except.includes(t));
  const parts: string[] = [];
  for (const table of tables) {
    const dump = await adminQuery(`SELECT coalesce(string_agg(t::text, E'\\n'), '') AS text FROM ${schema}.${table} t`);
    parts.push(String(dump.rows[0]?.text ?? ''));
  }
  return { tables, text: parts.join('\n') };
}
