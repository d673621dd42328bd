import WebSocket from 'ws';
import { startDirectLineApp, type DirectLineTestApp } from './direct-line-app.js';
import { call } from '../helpers/test-app.js';
import { PollingClient, StreamingClient } from './client.js';

// Direct Line streaming (contract section 9): the streamUrl answered on start and on
// reconnect is a WebSocket that sends activity sets as they happen.

let t: DirectLineTestApp;
beforeAll(async () => { t = await startDirectLineApp(); });
afterAll(async () => { await t.close(); });

/** The HTTP status a refused WebSocket upgrade answers, and its JSON error. */
function refused(url: string): Promise<{ status: number; error: string }> {
  return new Promise((resolve, reject) => {
    const socket = new WebSocket(url);
    socket.once('open', () => { socket.close(); reject(new Error('the stream opened')); });
    socket.once('error', () => undefined);
    socket.once('unexpected-response', (_req, res) => {
      let body = '';
      res.on('data', (chunk: Buffer) => { body += chunk.toString(); });
      res.on('end', () => resolve({ status: res.statusCode ?? 0, error: JSON.parse(body).error }));
    });
  });
}

describe('Direct Line streaming', () => {
  it('sends the greeting, the echo of the message, a typing indicator and the bot\'s reply on the streamUrl, in order', async () => {
    const client = await StreamingClient.start(t.url);
    try {
      await client.waitFor((a) => a.type === 'message' && a.from.role === 'bot');
      const reply = await client.ask('làm căn cước lần đầu cần gì');
      expect(reply.channelData).toMatchObject({ intent: expect.any(String), procedure: 'cap-the-can-cuoc' });
      const kinds = client.received.map((a) => (a.from?.role === 'user' ? `user:${a.text}` : a.type));
      expect(kinds.slice(1, 4)).toEqual(['user:làm căn cước lần đầu cần gì', 'typing', 'message']);
      const ids = client.received.map((a) => Number(String(a.id).split('|')[1]));
      expect(ids).toEqual([...ids].sort((a, b) => a - b));
      expect(new Set(ids).size).toBe(ids.length);
      expect(client.watermark).toBe(String(ids.at(-1)! + 1));
    } finally {
      client.close();
    }
  });

  it('answers a streamUrl on reconnect that sends only what came after the watermark', async () => {
    const first = await StreamingClient.start(t.url);
    await first.ask('lệ phí đăng ký khai sinh');
    const watermark = first.watermark;
    first.close();
    const again = await StreamingClient.start(t.url, { conversationId: first.conversationId, token: first.token, watermark });
    try {
      const reply = await again.ask('nộp ở đâu');
      expect(reply.channelData.procedure).toBe('dang-ky-khai-sinh');
      expect(again.received.every((a) => Number(String(a.id).split('|')[1]) >= Number(watermark))).toBe(true);
      expect(again.received[0].text).toBe('nộp ở đâu');
    } finally {
      again.close();
    }
  });

  it('replays the whole conversation on a streamUrl asked for without a watermark, as after a reload', async () => {
    const polling = await PollingClient.start(t.url);
    await polling.ask('đổi bằng lái xe cần gì');
    const history = await call('GET', `${t.url}/conversations/${polling.conversationId}/activities`, { token: polling.token });
    const streaming = await StreamingClient.start(t.url, { conversationId: polling.conversationId, token: polling.token });
    try {
      await streaming.waitFor((a) => a.id === history.body.activities.at(-1).id);
      expect(streaming.received.map((a) => a.id)).toEqual(history.body.activities.map((a: { id: string }) => a.id));
    } finally {
      streaming.close();
    }
  });

  it('sends a help-desk reply delivered outside a turn, and polling sees it too', async () => {
    const client = await StreamingClient.start(t.url);
    try {
      await t.directLine.adapter.deliver(client.conversationId, { type: 'message', text: 'Cán bộ trả lời: hồ sơ đã nhận.' });
      await client.waitFor((a) => a.text === 'Cán bộ trả lời: hồ sơ đã nhận.');
      const polled = PollingClient.attach(t.url, client.conversationId, client.token);
      expect((await polled.poll()).map((a) => a.text)).toContain('Cán bộ trả lời: hồ sơ đã nhận.');
    } finally {
      client.close();
    }
  });

  it('refuses a stream without its token, with another conversation\'s, a conversation token or a forged one, and a stream token as a bearer token', async () => {
    const a = await call('POST', `${t.url}/conversations`);
    const b = await call('POST', `${t.url}/conversations`);
    const url = new URL(a.body.streamUrl);
    const withToken = (token: string | null, id = a.body.conversationId): string => {
      const u = new URL(url.toString().replace(a.body.conversationId, id));
      if (token === null) u.searchParams.delete('t');
      else u.searchParams.set('t', token);
      return u.toString();
    };
    const bStreamToken = new URL(b.body.streamUrl).searchParams.get('t');
    expect(await refused(withToken(null))).toEqual({ status: 401, error: 'UNAUTHORIZED' });
    expect(await refused(withToken(bStreamToken))).toEqual({ status: 403, error: 'FORBIDDEN' });
    expect(await refused(withToken(a.body.token))).toEqual({ status: 403, error: 'FORBIDDEN' });
    expect(await refused(withToken('forged.token'))).toEqual({ status: 403, error: 'FORBIDDEN' });
    expect(await refused(url.toString().replace('/stream', '/elsewhere'))).toEqual({ status: 404, error: 'NOT_FOUND' });
    const streamToken = url.searchParams.get('t') ?? '';
    const asBearer = await call('GET', `${t.url}/conversations/${a.body.conversationId}/activities`, { token: streamToken });
    expect(asBearer).toMatchObject({ status: 403, body: { error: 'FORBIDDEN' } });
  });
});
