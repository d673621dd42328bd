import type { KeptSecret, SecretName, SecretStore } from '../secret-store.js';
import type { PgDatabase } from './pg-database.js';

// Secrets in the secrets table: the first process to make one keeps it (INSERT … ON CONFLICT
// DO NOTHING), every other process and every later start reads that one.

export class PgSecretStore implements SecretStore {
  constructor(private readonly db: PgDatabase) {}

  async obtain(name: SecretName, make: () => string): Promise<KeptSecret> {
    const where = `the secrets table of PostgreSQL at ${this.db.where} (name ${name})`;
    const kept = await this.db.query<{ value: string }>('SELECT value FROM secrets WHERE name = $1', [name]);
    if (kept.rows[0]) return { value: kept.rows[0].value, created: false, where };
    const value = make();
    const { rows } = await this.db.query<{ value: string }>(
      'INSERT INTO secrets (name, value) VALUES ($1, $2) ON CONFLICT (name) DO NOTHING RETURNING value', [name, value]);
    if (rows[0]) return { value, created: true, where };
    const theirs = await this.db.query<{ value: string }>('SELECT value FROM secrets WHERE name = $1', [name]);
    return { value: theirs.rows[0]?.value ?? value, created: false, where };
  }
}
