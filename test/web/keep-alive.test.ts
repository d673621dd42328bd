import { startTestApp } from '../helpers/test-app.js';

// Keep-alive: the server keeps idle sockets longer than clients and proxies do (so it never
// closes one a client is about to reuse), yet closing the app does not wait for them.

describe('keep-alive sockets', () => {
  it('tells clients it keeps an idle socket for 65 seconds', async () => {
    const t = await startTestApp();
    try {
      const res = await fetch(`${t.url}/healthz`);
      await res.text();
      expect(res.headers.get('keep-alive')).toBe('timeout=65');
    } finally {
      await t.close();
    }
  });

  it('closes the app as soon as a request in flight when closing began is answered', async () => {
    const t = await startTestApp();
    let closing: Promise<void> | undefined;
    try {
      t.app.server.get('/test-slow', async (_req, res) => {
        await new Promise((resolve) => setTimeout(resolve, 300));
        res.send(200, { ok: true });
      });
      await (await fetch(`${t.url}/healthz`)).text();
      const inFlight = fetch(`${t.url}/test-slow`).then((r) => r.json());
      await new Promise((resolve) => setTimeout(resolve, 50));
      const started = Date.now();
      closing = t.close();
      expect(await inFlight).toEqual({ ok: true });
      await closing;
      // Without closing the answered socket, close() would wait out the 65 s keep-alive.
      expect(Date.now() - started).toBeLessThan(10_000);
    } finally {
      await (closing ?? t.close());
    }
  });
});
