import { execFileSync, spawnSync } from 'node:child_process';
import { chownSync, existsSync, mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir, userInfo } from 'node:os';
import path from 'node:path';

// A throwaway PostgreSQL cluster in a temp dir on a free loopback port, for the tests
// (test/global-setup.mjs), the bench and anyone trying DATABASE_URL locally:
//
//   node scripts/pg-cluster.mjs        starts one and prints its URL; Ctrl-C stops and removes it
//
// It needs the server binaries (Debian's `postgresql` package: /usr/lib/postgresql/<N>/bin,
// or PG_BIN). initdb refuses to run as root, so as root the cluster runs as the `postgres`
// user. Durability is traded for speed (fsync off): it is for tests, never for data.

/** The directory of initdb and pg_ctl, or null when PostgreSQL is not installed here. */
export function findPostgresBin() {
  const candidates = [];
  if (process.env.PG_BIN) candidates.push(process.env.PG_BIN);
  const debian = '/usr/lib/postgresql';
  if (existsSync(debian)) {
    const versions = readdirSync(debian).filter((v) => /^\d+$/.test(v)).sort((a, b) => Number(b) - Number(a));
    candidates.push(...versions.map((v) => path.join(debian, v, 'bin')));
  }
  const onPath = spawnSync('sh', ['-c', 'command -v pg_ctl'], { encoding: 'utf8' }).stdout.trim();
  if (onPath) candidates.push(path.dirname(onPath));
  return candidates.find((dir) => existsSync(path.join(dir, 'initdb')) && existsSync(path.join(dir, 'pg_ctl'))) ?? null;
}

function freePort() {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const { port } = server.address();
      server.close(() => resolve(port));
    });
  });
}

export class PostgresCluster {
  constructor(bin, dir, port, asUser) {
    this.bin = bin;
    this.dir = dir;
    this.port = port;
    this.asUser = asUser;
  }

  /** Starts a fresh cluster; `settings` are extra server settings (`name=value`). */
  static async start(options = {}) {
    const bin = options.bin ?? findPostgresBin();
    if (!bin) throw new Error('PostgreSQL is not installed (no initdb/pg_ctl in /usr/lib/postgresql/*/bin, PG_BIN or PATH)');
    const dir = mkdtempSync(path.join(tmpdir(), 'dvc-pg-'));
    const asUser = userInfo().uid === 0 ? 'postgres' : null;
    if (asUser) {
      const uid = Number(execFileSync('id', ['-u', asUser], { encoding: 'utf8' }).trim());
      const gid = Number(execFileSync('id', ['-g', asUser], { encoding: 'utf8' }).trim());
      chownSync(dir, uid, gid);
    }
    const cluster = new PostgresCluster(bin, dir, options.port ?? await freePort(), asUser);
    cluster.settings = ['fsync=off', 'synchronous_commit=off', 'full_page_writes=off', 'max_connections=400', ...(options.settings ?? [])];
    cluster.run('initdb', ['-D', cluster.dataDir, '-U', 'postgres', '-A', 'trust', '-E', 'UTF8', '--locale=C', '--no-sync']);
    cluster.startServer();
    return cluster;
  }

  get dataDir() {
    return path.join(this.dir, 'data');
  }

  /** The superuser's URL of the `postgres` database. */
  get url() {
    return `postgres://postgres@127.0.0.1:${this.port}/postgres`;
  }

  startServer() {
    const options = ['-p', String(this.port), '-k', this.dir, '-c', 'listen_addresses=127.0.0.1', ...this.settings.flatMap((s) => ['-c', s])].join(' ');
    this.run('pg_ctl', ['-D', this.dataDir, '-l', path.join(this.dir, 'server.log'), '-o', options, '-w', '-t', '60', 'start']);
  }

  /** Stops the server (`fast`: connections are closed, as `systemctl restart` does). */
  stopServer(mode = 'fast') {
    this.run('pg_ctl', ['-D', this.dataDir, '-m', mode, '-w', 'stop']);
  }

  restart() {
    this.stopServer();
    this.startServer();
  }

  /** The server's own log so far (for a failed test). */
  log() {
    try {
      return readFileSync(path.join(this.dir, 'server.log'), 'utf8');
    } catch {
      return '';
    }
  }

  /** Stops the server at once and removes every file. */
  destroy() {
    try {
      this.stopServer('immediate');
    } catch {
      // already stopped
    }
    rmSync(this.dir, { recursive: true, force: true });
  }

  run(tool, args) {
    const file = path.join(this.bin, tool);
    const [command, argv] = this.asUser ? ['runuser', ['-u', this.asUser, '--', file, ...args]] : [file, args];
    const result = spawnSync(command, argv, { encoding: 'utf8', cwd: this.dir });
    if (result.status !== 0) throw new Error(`${tool} failed (${result.status}): ${result.stderr || result.stdout}`);
  }
}

if (import.meta.url === `file://${process.argv[1]}`) {
  // No top-level await: jest's global setup require()s this module.
  PostgresCluster.start().then((cluster) => {
    process.stdout.write(`DATABASE_URL=${cluster.url}\n(Ctrl-C stops it and removes its files)\n`);
    const stop = () => { cluster.destroy(); process.exit(0); };
    process.on('SIGINT', stop);
    process.on('SIGTERM', stop);
    setInterval(() => undefined, 1 << 30);
  }, (err) => {
    process.stderr.write(`${err.message}\n`);
    process.exit(1);
  });
}
