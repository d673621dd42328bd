import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { call, postJson, startTestApp, type TestApp } from '../../helpers/test-app.js';

// A help-desk reply reaches a Bot Framework conversation (here the Emulator's) through the
// service the conversation came from: a real HTTP server on this machine plays the Emulator's
// connector and records what it is sent.

const TOKEN = 'helpdesk-channel-token';
let t: TestApp;
let emulator: http.Server;
let serviceUrl: string;
const received: Array<{ url: string; body: Record<string, unknown> }> = [];

beforeAll(async () => {
  t = await startTestApp({ HELPDESK_TOKEN: TOKEN });
  emulator = http.createServer((req, res) => {
    let text = '';
    req.on('data', (chunk: Buffer) => { text += chunk.toString(); });
    req.on('end', () => {
      received.push({ url: req.url ?? '', body: text ? JSON.parse(text) as Record<string, unknown> : {} });
      res.writeHead(200, { 'content-type': 'application/json' });
      res.end(JSON.stringify({ id: `sent-${received.length}` }));
    });
  });
  await new Promise<void>((resolve) => emulator.listen(0, '127.0.0.1', resolve));
  serviceUrl = `http://127.0.0.1:${(emulator.address() as AddressInfo).port}`;
});
afterAll(async () => {
  await t.close();
  await new Promise((resolve) => emulator.close(resolve));
});

/** "Cho tôi gặp cán bộ" from an Emulator conversation whose service is at `url`; answers the ticket's code. */
async function handoff(conversation: string, url: string): Promise<string> {
  const res = await postJson(`${t.url}/api/messages`, {
    type: 'message', id: `m-${conversation}`, channelId: 'emulator', serviceUrl: url, deliveryMode: 'expectReplies',
    from: { id: 'citizen-1' }, recipient: { id: 'bot' }, conversation: { id: conversation }, text: 'cho tôi gặp cán bộ',
  });
  expect(res.status).toBe(200);
  const ticket = await t.app.tickets.openFor(conversation);
  expect(ticket).toMatchObject({ channelId: 'emulator', serviceUrl: url });
  return ticket!.code;
}

const reply = (code: string, text: string) => call('POST', `${t.url}/api/helpdesk/tickets/${code}/replies`, { token: TOKEN, body: { text } });

describe('help-desk replies through the Bot Framework channel', () => {
  it('reach the citizen\'s Emulator conversation on this machine, with the ticket code', async () => {
    const code = await handoff('emulator-conv-1', serviceUrl);
    const answer = await reply(code, 'Cán bộ đã nhận hồ sơ của bạn.');
    expect(answer.status).toBe(201);
    expect(answer.body).toMatchObject({ delivered: true, reply: { delivered: true } });
    const sent = received.find((r) => r.url.startsWith('/v3/conversations/emulator-conv-1/activities'));
    expect(sent?.body).toMatchObject({ type: 'message', channelData: { intent: 'handoff', ticket: code } });
    expect(String(sent?.body.text)).toContain('Cán bộ đã nhận hồ sơ của bạn.');
  });

  it('are kept but not sent to a service elsewhere that an unauthenticated caller named', async () => {
    const before = received.length;
    const code = await handoff('emulator-conv-2', 'http://198.51.100.7:3978');
    const answer = await reply(code, 'Chào bạn');
    expect(answer.status).toBe(201);
    expect(answer.body.delivered).toBe(false);
    expect(received.length).toBe(before);
  });
});
