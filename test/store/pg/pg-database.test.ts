import { silentLogger } from '../../../src/log/logger.js';
import { PgDatabase, DatabaseUnreachableError } from '../../../src/store/pg/pg-database.js';
import { readMigrations } from '../../../src/store/pg/migrate.js';
import { PgAuditStore } from '../../../src/store/pg/pg-audit-store.js';
import { PgChangeFeed } from '../../../src/store/pg/pg-change-feed.js';
import { adminQuery, describePg, dropSchema, freshSchema, schemaUrl } from '../../helpers/pg.js';
import { heard } from '../contract/change-feed.contract.js';
import { withPair } from '../contract/pg-harness.js';
import { freePort } from '../../helpers/free-port.js';

describePg('PgDatabase', () => {
  it('creates every table at the first start and records each migration once, however many processes start together', async () => {
    const schema = freshSchema();
    const url = await schemaUrl(schema);
    try {
      const dbs = await Promise.all([1, 2, 3].map(() => PgDatabase.open(url, silentLogger)));
      const { rows } = await adminQuery(`SELECT version FROM ${schema}.schema_migrations ORDER BY version`);
      expect(rows.map((r) => r.version)).toEqual(readMigrations().map((m) => m.version));
      const tables = await adminQuery(`SELECT table_name FROM information_schema.tables WHERE table_schema = '${schema}'`);
      expect(tables.rows.map((r) => r.table_name)).toEqual(expect.arrayContaining(['bot_state', 'dl_activities', 'dl_conversations', 'tickets', 'audit_log', 'secrets']));
      await Promise.all(dbs.map((db) => db.close()));
      const again = await PgDatabase.open(url, silentLogger);
      expect((await adminQuery(`SELECT count(*)::int AS n FROM ${schema}.schema_migrations`)).rows[0].n).toBe(readMigrations().length);
      await again.close();
    } finally {
      await dropSchema(schema);
    }
  });

  it('refuses to start on a schema newer than it knows', async () => {
    const schema = freshSchema();
    const url = await schemaUrl(schema);
    try {
      await (await PgDatabase.open(url, silentLogger)).close();
      await adminQuery(`INSERT INTO ${schema}.schema_migrations (version, name) VALUES (999, 'from-the-future')`);
      await expect(PgDatabase.open(url, silentLogger)).rejects.toThrow(/version 999, newer than this program knows/);
    } finally {
      await dropSchema(schema);
    }
  });

  it('says in one sentence, without the password, that it cannot reach a database', async () => {
    const port = await freePort();
    const error = await PgDatabase.open(`postgres://dvc:secret-password@127.0.0.1:${port}/dvc`, silentLogger).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(DatabaseUnreachableError);
    const message = (error as Error).message;
    expect(message).toBe(`cannot reach the PostgreSQL database at 127.0.0.1:${port}/dvc (connection refused): check DATABASE_URL and that the server is running.`);
    expect(message).not.toContain('secret-password');
  });

  it('keeps the audit log append-only, whoever asks', async () => {
    await withPair(async (db) => new PgAuditStore(db), async (pair) => {
      await pair.a.append({ at: '2026-11-22T10:00:00.000Z', action: 'dossier.view', actor: 'helpdesk', outcome: 'ok' });
      await expect(pair.dbA.query("UPDATE audit_log SET entry = '{}'::json")).rejects.toThrow(/append-only/);
      await expect(pair.dbA.query('DELETE FROM audit_log')).rejects.toThrow(/append-only/);
      await expect(pair.dbA.query('TRUNCATE audit_log')).rejects.toThrow(/append-only/);
      expect(await pair.b.entries()).toHaveLength(1);
    });
  });

  it('tells every process of a change made by one', async () => {
    await withPair((db) => PgChangeFeed.open(db), async (pair) => {
      const inB = heard(pair.b, 'models');
      const inA = heard(pair.a, 'models');
      await pair.a.publish('models', 'm-42');
      expect(await inB).toEqual(['m-42']);
      expect(await inA).toEqual(['m-42']);
    });
  });

  it('tells a listener that it may have missed changes once its listening connection is back', async () => {
    await withPair((db) => PgChangeFeed.open(db), async (pair) => {
      const missed = heard(pair.b, 'training');
      await adminQuery(`SELECT pg_terminate_backend(${Number(pair.dbB.listener.backendPid)})`);
      expect(await missed).toEqual([undefined]);
    });
  });
});
