import type { DirectLineChannel } from '../../src/bot/channels/direct-line-channel.js';
import { startTestApp } from '../helpers/test-app.js';

// The real server (src/app.ts, via startTestApp) seen from Direct Line: its base URL and its
// Direct Line parts, for tests that issue tokens or deliver help-desk replies directly.

export interface DirectLineTestApp {
  /** The Direct Line base: `<server>/v3/directline`. */
  url: string;
  directLine: DirectLineChannel;
  close(): Promise<void>;
}

/** Starts the server on a free loopback port; pass dataDir to restart on the same data. */
export async function startDirectLineApp(dataDir?: string): Promise<DirectLineTestApp> {
  const t = await startTestApp({}, dataDir);
  return { url: `${t.url}/v3/directline`, directLine: t.app.directLine, close: () => t.close() };
}
