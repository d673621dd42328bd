import { execFileSync } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { PostgresCluster } from '../scripts/pg-cluster.mjs';

// Tests that start the server as a process run what `npm start` runs: the build in dist/.
// A throwaway PostgreSQL cluster serves the store tests on PostgreSQL (`*.pg.test.ts`) and,
// with DVC_TEST_STORE=pg, every test app; each test makes its own schema in it
// (test/helpers/pg.ts). Without PostgreSQL installed those tests are skipped and say so,
// except in CI (CI set), where that is an error.
export default async function globalSetup() {
  execFileSync(process.execPath, ['scripts/build.mjs'], { cwd: fileURLToPath(new URL('..', import.meta.url)), stdio: 'inherit' });
  const wantPg = process.env.DVC_TEST_STORE === 'pg' || process.env.CI;
  try {
    const cluster = await PostgresCluster.start();
    globalThis.dvcTestCluster = cluster;
    process.env.DVC_TEST_PG_URL = cluster.url;
  } catch (err) {
    if (wantPg) throw new Error(`the PostgreSQL tests must run here, but no cluster could be started: ${err.message}`);
    process.stderr.write(`\nPostgreSQL tests skipped: ${err.message}\n`);
  }
}
