import { readdirSync, readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import path from 'node:path';
import type pg from 'pg';
import type { Logger } from '../../log/logger.js';

// The schema, as versioned SQL files `migrations/NNN-name.sql` applied in order, each once,
// recorded in schema_migrations. They run in one transaction under an advisory lock, so that
// processes starting together do not apply a migration twice, and a failed one changes
// nothing. A migration, once released, is never edited: a change is a new file.
// (`npm run build` copies the folder to dist/migrations, beside the bundle.)

export const MIGRATIONS_DIR = fileURLToPath(new URL('./migrations/', import.meta.url));

/** "migrations" in the lock space of this application (any constant no other lock uses). */
const MIGRATION_LOCK = [0x64766361, 1] as const;

export interface Migration {
  version: number;
  name: string;
  sql: string;
}

/** The migrations in `dir`, by version; two files with one version are an error. */
export function readMigrations(dir: string = MIGRATIONS_DIR): Migration[] {
  const migrations = readdirSync(dir).filter((f) => f.endsWith('.sql')).map((file) => {
    const match = /^(\d+)-([a-z0-9-]+)\.sql$/.exec(file);
    if (!match) throw new Error(`${path.join(dir, file)}: a migration is named NNN-name.sql`);
    return { version: Number(match[1]), name: match[2] ?? file, sql: readFileSync(path.join(dir, file), 'utf8') };
  }).sort((a, b) => a.version - b.version);
  for (const [i, m] of migrations.entries()) {
    if (i > 0 && migrations[i - 1]?.version === m.version) throw new Error(`${dir}: two migrations have version ${m.version}`);
  }
  return migrations;
}

/** Applies the migrations not yet applied; answers their versions. */
export async function migrate(pool: pg.Pool, logger: Logger, migrations: Migration[] = readMigrations()): Promise<number[]> {
  const client = await pool.connect();
  let broken: Error | undefined;
  try {
    await client.query('BEGIN');
    await client.query('SELECT pg_advisory_xact_lock($1, $2)', [...MIGRATION_LOCK]);
    await client.query(`CREATE TABLE IF NOT EXISTS schema_migrations (
      version integer PRIMARY KEY,
      name text NOT NULL,
      applied_at timestamptz NOT NULL DEFAULT now()
    )`);
    const { rows } = await client.query<{ version: number }>('SELECT version FROM schema_migrations');
    const applied = new Set(rows.map((r) => r.version));
    const newest = Math.max(0, ...applied);
    const known = Math.max(0, ...migrations.map((m) => m.version));
    if (newest > known) throw new Error(`the database's schema is at version ${newest}, newer than this program knows (${known}): run the newer program`);
    const pending = migrations.filter((m) => !applied.has(m.version));
    for (const m of pending) {
      await client.query(m.sql);
      await client.query('INSERT INTO schema_migrations (version, name) VALUES ($1, $2)', [m.version, m.name]);
    }
    await client.query('COMMIT');
    if (pending.length) logger.info({ versions: pending.map((m) => m.version) }, `database schema brought to version ${known}`);
    return pending.map((m) => m.version);
  } catch (err) {
    await client.query('ROLLBACK').catch((e: unknown) => { broken = e as Error; });
    throw err;
  } finally {
    client.release(broken);
  }
}
