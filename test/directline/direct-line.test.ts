import { randomBytes } from 'node:crypto';
import { startDirectLineApp, type DirectLineTestApp } from './direct-line-app.js';
import { call } from '../helpers/test-app.js';
import { PollingClient } from './client.js';

let t: DirectLineTestApp;
beforeAll(async () => { t = await startDirectLineApp(); });
afterAll(async () => { await t.close(); });

describe('Direct Line over real HTTP', () => {
  it('starts a conversation with an unguessable id, a token for it and the WebSocket to follow it', async () => {
    const res = await call('POST', `${t.url}/conversations`);
    expect(res.status).toBe(201);
    expect(res.body.conversationId).toMatch(/^[A-Za-z0-9_-]{24}$/);
    expect(typeof res.body.token).toBe('string');
    expect(res.body.expires_in).toBe(3600);
    const host = new URL(t.url).host;
    expect(res.body.streamUrl).toMatch(new RegExp(`^ws://${host.replace(/\./g, '\\.')}/v3/directline/conversations/${res.body.conversationId}/stream\\?watermark=&t=[\\w-]+\\.[\\w-]+$`));
  });

  it('greets a citizen who opens the chat, before any message', async () => {
    const client = await PollingClient.start(t.url);
    const [welcome] = await client.poll();
    expect(welcome).toMatchObject({ type: 'message', from: { role: 'bot' }, channelData: { intent: 'greeting' } });
  });

  it('logs the citizen\'s message and the bot\'s greeting, then moves the watermark on', async () => {
    const client = await PollingClient.start(t.url);
    await client.poll();
    const posted = await client.post({ text: 'xin chào', channelData: { clientActivityID: 'c-1' } });
    expect(posted.status).toBe(200);
    expect(posted.body.id).toMatch(new RegExp(`^${client.conversationId}\\|\\d{7}$`));

    const activities = await client.poll();
    const own = activities.find((a) => a.id === posted.body.id);
    expect(own).toMatchObject({
      type: 'message', text: 'xin chào', from: { id: 'u1', role: 'user' }, channelId: 'directline',
      conversation: { id: client.conversationId }, recipient: { role: 'bot' }, channelData: { clientActivityID: 'c-1' },
    });
    expect(typeof own.timestamp).toBe('string');
    expect(typeof own.serviceUrl).toBe('string');
    expect(activities.some((a) => a.type === 'typing' && a.replyToId === posted.body.id)).toBe(true);
    const reply = activities.find((a) => a.type === 'message' && a.replyToId === posted.body.id);
    expect(reply).toMatchObject({ from: { role: 'bot' }, channelData: { intent: 'greeting' } });
    expect(reply.text).toMatch(/Xin chào/);
    expect(await client.poll()).toEqual([]);
  });

  it('answers a follow-up question about the procedure in play', async () => {
    const client = await PollingClient.start(t.url);
    const [first] = await client.ask('đăng ký tạm trú cần giấy tờ gì');
    expect(first.channelData).toEqual({ intent: 'procedure.documents', procedure: 'dang-ky-tam-tru' });
    const [reply] = await client.ask('nộp ở đâu?');
    expect(reply.channelData).toEqual({ intent: 'procedure.location', procedure: 'dang-ky-tam-tru' });
  });

  it.each([
    ['an empty message', { text: '   ' }, /chưa nhập nội dung/],
    ['an attachment without text', { attachments: [{ contentType: 'image/png', contentUrl: 'https://example.org/a.png' }] }, /tệp đính kèm/],
    ['a 5,000-character message', { text: 'thủ tục '.repeat(625) }, /quá dài/],
  ])('answers %s politely', async (_kind, activity, expected) => {
    const client = await PollingClient.start(t.url);
    const posted = await client.post(activity);
    expect(posted.status).toBe(200);
    const [reply] = (await client.poll()).filter((a) => a.replyToId === posted.body.id && a.type === 'message');
    expect(reply.text).toMatch(expected);
  });

  it('refuses a 100,000-character message with a JSON 413 and logs nothing', async () => {
    const client = await PollingClient.start(t.url);
    await client.poll();
    const res = await client.post({ text: 'a'.repeat(100_000) });
    expect(res.status).toBe(413);
    expect(res.body.error).toBe('PAYLOAD_TOO_LARGE');
    expect(await client.poll()).toEqual([]);
  });

  it('keeps serving after every kind of bad input: /healthz answers and the conversation goes on', async () => {
    const client = await PollingClient.start(t.url);
    await client.poll();
    const activities = `${t.url}/conversations/${client.conversationId}/activities`;
    const unknown = randomBytes(18).toString('base64url');
    const refused = [
      await client.post({ text: 'a'.repeat(100_000) }),
      await call('POST', activities, { token: client.token, body: `{"text": "${'ệ'.repeat(300_000)}"}` }),
      await call('POST', activities, { token: client.token, body: '{"type": "message", ' }),
      await call('POST', `${t.url}/conversations/${unknown}/activities`, { token: t.directLine.tokens.issue(unknown).token, body: { type: 'message', text: 'xin chào' } }),
    ];
    expect(refused.map((res) => [res.status, res.body.error])).toEqual([
      [413, 'PAYLOAD_TOO_LARGE'], [413, 'PAYLOAD_TOO_LARGE'], [400, 'INVALID_JSON'], [404, 'CONVERSATION_NOT_FOUND'],
    ]);
    const [empty] = await client.ask('');
    const attachment = await client.post({ attachments: [{ contentType: 'image/png', contentUrl: 'https://example.org/a.png' }] });
    const [attachmentReply] = (await client.poll()).filter((a) => a.type === 'message' && a.replyToId === attachment.body.id);
    expect([empty?.text, attachmentReply?.text]).toEqual([expect.stringMatching(/chưa nhập nội dung/), expect.stringMatching(/tệp đính kèm/)]);

    const health = await fetch(new URL('/healthz', t.url));
    expect(health.status).toBe(200);
    const [reply] = await client.ask('xin chào');
    expect(reply.channelData.intent).toBe('greeting');
  });

  it.each([
    ['malformed JSON', '{"type": "message", ', 'INVALID_JSON'],
    ['a body that is not an object', '[1]', 'VALIDATION_FAILED'],
    ['an activity type a client may not send', { type: 'conversationUpdate' }, 'VALIDATION_FAILED'],
    ['text that is not a string', { type: 'message', text: 42 }, 'VALIDATION_FAILED'],
  ])('answers %s with a JSON 400', async (_kind, body, code) => {
    const client = await PollingClient.start(t.url);
    const res = await call('POST', `${t.url}/conversations/${client.conversationId}/activities`, { token: client.token, body });
    expect(res.status).toBe(400);
    expect(res.body.error).toBe(code);
  });

  it('rejects a bad watermark with a JSON 400', async () => {
    const client = await PollingClient.start(t.url);
    const res = await call('GET', `${t.url}/conversations/${client.conversationId}/activities?watermark=abc`, { token: client.token });
    expect(res.status).toBe(400);
  });

  it('keeps each token to its own conversation', async () => {
    const a = await PollingClient.start(t.url);
    const b = await PollingClient.start(t.url);
    const read = await call('GET', `${t.url}/conversations/${b.conversationId}/activities`, { token: a.token });
    const post = await call('POST', `${t.url}/conversations/${b.conversationId}/activities`, { token: a.token, body: { type: 'message', text: 'xin chào' } });
    const reconnect = await call('GET', `${t.url}/conversations/${b.conversationId}`, { token: a.token });
    for (const res of [read, post, reconnect]) {
      expect(res.status).toBe(403);
      expect(res.body.error).toBe('FORBIDDEN');
    }
  });

  it.each([
    ['no token', undefined, 401, 'UNAUTHORIZED'],
    ['a malformed token', 'not a token', 401, 'UNAUTHORIZED'],
    ['a forged signature', 'eyJjIjoiYSJ9.AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA', 403, 'FORBIDDEN'],
  ])('refuses %s', async (_kind, token, status, code) => {
    const client = await PollingClient.start(t.url);
    const res = await call('GET', `${t.url}/conversations/${client.conversationId}/activities`, token ? { token } : {});
    expect(res.status).toBe(status);
    expect(res.body.error).toBe(code);
  });

  it.each([
    ['an unknown conversation', randomBytes(18).toString('base64url')],
    ['an id that is not a conversation id', '..%2F..%2Fetc'],
  ])('answers %s with 404 CONVERSATION_NOT_FOUND', async (_kind, id) => {
    const { token } = t.directLine.tokens.issue(decodeURIComponent(id));
    const res = await call('GET', `${t.url}/conversations/${id}/activities`, { token });
    expect(res.status).toBe(404);
    expect(res.body.error).toBe('CONVERSATION_NOT_FOUND');
  });

  it('hands an embedding page a token that opens, refreshes and reconnects one conversation', async () => {
    const generated = await call('POST', `${t.url}/tokens/generate`, { body: { user: { id: 'dl_page-user', name: 'Lan' } } });
    expect(generated.status).toBe(200);
    const started = await call('POST', `${t.url}/conversations`, { token: generated.body.token });
    expect(started.status).toBe(201);
    expect(started.body.conversationId).toBe(generated.body.conversationId);

    const refreshed = await call('POST', `${t.url}/tokens/refresh`, { token: started.body.token });
    expect(refreshed.status).toBe(200);
    expect(refreshed.body).toMatchObject({ conversationId: generated.body.conversationId, expires_in: 3600 });
    const reconnected = await call('GET', `${t.url}/conversations/${generated.body.conversationId}`, { token: refreshed.body.token });
    expect(reconnected.status).toBe(200);
    expect(reconnected.body).toMatchObject({ conversationId: generated.body.conversationId });

    const client = PollingClient.attach(t.url, generated.body.conversationId, reconnected.body.token);
    const [welcome] = await client.poll();
    expect(welcome).toMatchObject({ recipient: { id: 'dl_page-user', name: 'Lan' } });
  });

  it('delivers a later message (a help-desk reply) to a polling client', async () => {
    const client = await PollingClient.start(t.url);
    await client.poll();
    const id = await t.directLine.adapter.deliver(client.conversationId, { type: 'message', text: 'Cán bộ: hồ sơ của bạn đã được tiếp nhận.' });
    const [delivered] = await client.poll();
    expect(delivered).toMatchObject({ id, type: 'message', from: { role: 'bot' }, text: expect.stringMatching(/Cán bộ/) });
    await expect(t.directLine.adapter.deliver(randomBytes(18).toString('base64url'), { type: 'message', text: 'x' }))
      .rejects.toMatchObject({ code: 'CONVERSATION_NOT_FOUND' });
  });

  it('answers a browser\'s CORS preflight for an embedding page', async () => {
    const res = await fetch(`${t.url}/conversations`, {
      method: 'OPTIONS',
      headers: { origin: 'https://example.org', 'access-control-request-method': 'POST', 'access-control-request-headers': 'authorization' },
    });
    expect(res.status).toBe(204);
    expect(res.headers.get('access-control-allow-origin')).toBe('*');
    expect(res.headers.get('access-control-allow-headers')).toMatch(/Authorization/);
  });

  it('answers two quick messages in order, each to its own question', async () => {
    const client = await PollingClient.start(t.url);
    await client.poll();
    const [first, second] = await Promise.all([client.post({ text: 'xin chào' }), client.post({ text: 'cảm ơn nhiều' })]);
    const messages = (await client.poll()).filter((a) => a.type === 'message' && a.from.role === 'bot');
    expect(messages.map((a) => [a.replyToId, a.channelData.intent])).toEqual([
      [first?.body.id, 'greeting'],
      [second?.body.id, 'thanks'],
    ]);
  });
});
