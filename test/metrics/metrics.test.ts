import { mkdtempSync, rmSync } from 'node:fs';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { PollingClient } from '../directline/client.js';
import { startServerProcess } from '../helpers/server-process.js';
import { call, startTestApp, type TestApp } from '../helpers/test-app.js';
import { freePort } from '../helpers/free-port.js';

// GET /metrics in Prometheus' text format: behind the admin token on the main port, without
// one on METRICS_PORT; route templates as labels, never a conversation id or a dossier code.

const ADMIN = 'metrics-admin-token';
let t: TestApp;

beforeAll(async () => { t = await startTestApp({ ADMIN_TOKEN: ADMIN }); });
afterAll(async () => { await t.close(); });

async function scrape(url: string, token?: string): Promise<{ status: number; type: string | null; text: string }> {
  const res = await fetch(url, token ? { headers: { authorization: `Bearer ${token}` } } : {});
  return { status: res.status, type: res.headers.get('content-type'), text: await res.text() };
}

/** The value of one sample line (`name{labels} value`), or undefined. */
function sample(text: string, name: string, labels = ''): number | undefined {
  const prefix = `${name}${labels ? `{${labels}}` : ''} `;
  const line = text.split('\n').find((l) => l.startsWith(prefix));
  return line === undefined ? undefined : Number(line.slice(line.lastIndexOf(' ') + 1));
}

describe('GET /metrics', () => {
  it.each([
    ['no token', undefined],
    ['a wrong token', 'nope'],
  ])('answers 401 with %s', async (_name, token) => {
    const res = await call('GET', `${t.url}/metrics`, token ? { token } : {});
    expect(res.status).toBe(401);
    expect(res.body.error).toBe('UNAUTHORIZED');
  });

  it('counts requests by route template, turns, parses, store operations, the model and open conversations', async () => {
    const client = await PollingClient.start(`${t.url}/v3/directline`);
    await client.ask('tra cứu hồ sơ G22.71-261105-0012');
    await client.ask('hôm nay trời có mưa không');
    await call('POST', `${t.url}/api/parse`, { body: { text: 'làm căn cước ở đâu' } });
    const { status, type, text } = await scrape(`${t.url}/metrics`, ADMIN);
    expect(status).toBe(200);
    expect(type).toMatch(/^text\/plain; version=0\.0\.4/);

    expect(sample(text, 'dvc_http_requests_total', 'method="POST",route="/v3/directline/conversations/:id/activities",status="200"')).toBe(2);
    expect(sample(text, 'dvc_http_requests_total', 'method="POST",route="/api/parse",status="200"')).toBe(1);
    expect(sample(text, 'dvc_http_request_duration_seconds_count', 'method="GET",route="/v3/directline/conversations/:id/activities"')).toBeGreaterThanOrEqual(2);
    expect(sample(text, 'dvc_turns_total', 'channel="directline",kind="message",outcome="understood"')).toBe(1);
    expect(sample(text, 'dvc_turns_total', 'channel="directline",kind="message",outcome="not_understood"')).toBe(1);
    expect(sample(text, 'dvc_nlu_parse_duration_seconds_count')).toBeGreaterThanOrEqual(3);
    expect(sample(text, 'dvc_store_operation_duration_seconds_count', 'store="activities",operation="record"')).toBeGreaterThanOrEqual(2);
    expect(sample(text, 'dvc_store_operation_duration_seconds_count', 'store="state",operation="write"')).toBeGreaterThanOrEqual(1);
    expect(sample(text, 'dvc_model_info', `model="${t.app.training.models.servingId}"`)).toBe(1);
    expect(sample(text, 'dvc_open_conversations')).toBe(1);
    expect(text).toMatch(/^process_cpu_user_seconds_total \d/m);
    expect(text).toMatch(/^nodejs_eventloop_lag_seconds \d/m);

    // Labels never carry what identifies a citizen or a dossier.
    expect(text).not.toContain(client.conversationId);
    expect(text).not.toMatch(/G22\.71|261105/);
  });

  it('counts a channel the Bot Framework does not know as "other", in metrics and in analytics', async () => {
    const res = await call('POST', `${t.url}/api/messages`, { body: {
      type: 'message', id: 'm1', channelId: 'my-channel-0912345678', serviceUrl: 'http://127.0.0.1:1', deliveryMode: 'expectReplies',
      from: { id: 'citizen' }, recipient: { id: 'bot' }, conversation: { id: 'made-up-conversation' }, text: 'lệ phí làm căn cước',
    } });
    expect(res.status).toBe(200);
    const { text } = await scrape(`${t.url}/metrics`, ADMIN);
    expect(sample(text, 'dvc_turns_total', 'channel="other",kind="message",outcome="understood"')).toBe(1);
    expect(text).not.toContain('my-channel');
    const today = t.app.analytics.today();
    const figures = await call('GET', `${t.url}/api/admin/analytics?from=${today}&to=${today}`, { token: ADMIN });
    expect(figures.body.byChannel.other).toBe(1);
  });

  it('counts a request to an unknown path as unmatched, not by its URL', async () => {
    await call('GET', `${t.url}/no/such/path/0912345678`);
    const { text } = await scrape(`${t.url}/metrics`, ADMIN);
    expect(sample(text, 'dvc_http_requests_total', 'method="GET",route="unmatched",status="404"')).toBeGreaterThanOrEqual(1);
    expect(text).not.toContain('0912345678');
  });
});

describe('METRICS_PORT', () => {
  it('serves /metrics there without a token, and nothing else', async () => {
    const ops = t.app.metricsServer;
    await new Promise<void>((resolve) => ops.listen(0, '127.0.0.1', () => resolve()));
    const base = `http://127.0.0.1:${(ops.address() as AddressInfo).port}`;
    const res = await scrape(`${base}/metrics`);
    expect(res.status).toBe(200);
    expect(res.text).toContain('dvc_http_requests_total');
    expect((await scrape(`${base}/admin`)).status).toBe(404);
    const post = await fetch(`${base}/metrics`, { method: 'POST' });
    expect(post.status).toBe(405);
  });

  it('is opened by the server process when set', async () => {
    const port = await freePort();
    const dataDir = mkdtempSync(path.join(tmpdir(), 'dvc-metrics-port-'));
    const server = await startServerProcess({ DATA_DIR: dataDir, METRICS_PORT: String(port) });
    try {
      let res = await scrape(`http://127.0.0.1:${port}/metrics`).catch(() => null);
      for (let i = 0; !res && i < 50; i++) {
        await new Promise((r) => setTimeout(r, 100));
        res = await scrape(`http://127.0.0.1:${port}/metrics`).catch(() => null);
      }
      expect(res?.status).toBe(200);
      expect(res?.text).toContain('dvc_model_info');
      expect((await scrape(`${server.url}/metrics`)).status).toBe(401);
    } finally {
      server.child.kill('SIGTERM');
      await server.exited;
      rmSync(dataDir, { recursive: true, force: true });
    }
  }, 60_000);
});
