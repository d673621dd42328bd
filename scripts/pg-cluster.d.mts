// Types of scripts/pg-cluster.mjs, for the TypeScript tests and the bench.
export declare function findPostgresBin(): string | null;

export declare class PostgresCluster {
  readonly bin: string;
  readonly dir: string;
  readonly port: number;
  static start(options?: { bin?: string; port?: number; settings?: string[] }): Promise<PostgresCluster>;
  readonly dataDir: string;
  /** The superuser's URL of the `postgres` database. */
  readonly url: string;
  startServer(): void;
  stopServer(mode?: 'smart' | 'fast' | 'immediate'): void;
  restart(): void;
  log(): string;
  destroy(): void;
}
