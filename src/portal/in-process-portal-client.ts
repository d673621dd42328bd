import path from 'node:path';
import type { AddressInfo } from 'node:net';
import type { Server } from 'restify';
import type { Logger } from '../log/logger.js';
import { createMockPortal } from './mock-portal.js';
import { PORTAL_DATA_FILE } from './dossier-store.js';
import { HttpPortalClient, type HttpPortalClientOptions } from './http-portal-client.js';
import type { Dossier, PortalClient } from './portal-client.js';

// The portal `npm start` uses when PORTAL_URL is not set: the mock portal on a loopback
// port of this process, reached through the same HttpPortalClient as a remote portal.
// Why HTTP and not the lowdb store directly: the embedded mode then runs the exact code
// path production runs (encoding, timeouts, retries, answer validation), so a bug there
// shows up in every demo and every end-to-end test, not only against the real portal. The
// cost is one socket on 127.0.0.1, never exposed outside the machine.

export interface InProcessPortalOptions extends Partial<HttpPortalClientOptions> {
  /** DATA_DIR: the store lives in `<dataDir>/portal-dossiers.json`, as with `npm run mock-portal`. */
  dataDir: string;
  seedFile?: string;
  logger?: Logger;
}

export class InProcessPortalClient implements PortalClient {
  private closed = false;

  private constructor(
    private readonly server: Server,
    private readonly client: HttpPortalClient,
    /** Where the embedded portal answers, e.g. for the help desk to show or a test to poke. */
    readonly url: string,
  ) {}

  static async start(options: InProcessPortalOptions): Promise<InProcessPortalClient> {
    const { dataDir, seedFile, logger, ...clientOptions } = options;
    const server = await createMockPortal({ dataFile: path.join(dataDir, PORTAL_DATA_FILE), seedFile, logger });
    await new Promise<void>((resolve, reject) => {
      server.once('error', reject);
      server.listen(0, '127.0.0.1', () => resolve());
    });
    const { port } = server.address() as AddressInfo;
    const url = `http://127.0.0.1:${port}`;
    return new InProcessPortalClient(server, new HttpPortalClient(url, clientOptions), url);
  }

  getDossier(code: string): Promise<Dossier> {
    return this.client.getDossier(code);
  }

  listOverdue(now: Date): Promise<Dossier[]> {
    return this.client.listOverdue(now);
  }

  async close(): Promise<void> {
    if (this.closed) return;
    this.closed = true;
    await new Promise<void>((resolve) => this.server.close(() => resolve()));
  }
}
