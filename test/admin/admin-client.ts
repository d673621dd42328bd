import { call, postJson, type TestApp } from '../helpers/test-app.js';

/** The admin API of a test app, with its token. */
export function adminClient(t: TestApp) {
  const token = t.app.staffTokens.admin;
  return {
    get: (path: string) => call('GET', `${t.url}${path}`, { token }),
    post: (path: string, body: unknown = {}) => call('POST', `${t.url}${path}`, { token, body }),
    put: (path: string, body: unknown) => call('PUT', `${t.url}${path}`, { token, body }),
    del: (path: string) => call('DELETE', `${t.url}${path}`, { token }),
  };
}

/** One message to /api/messages, answered in the HTTP response (deliveryMode expectReplies). */
export async function askBot(url: string, text: string, conversation: string): Promise<any[]> {
  const res = await postJson(`${url}/api/messages`, {
    type: 'message', id: `m-${Math.random()}`, channelId: 'emulator', serviceUrl: 'http://127.0.0.1:1',
    deliveryMode: 'expectReplies', from: { id: 'citizen' }, recipient: { id: 'bot' }, conversation: { id: conversation }, text,
  });
  if (res.status !== 200) throw new Error(`/api/messages answered ${res.status}`);
  return (res.body.activities as any[]).filter((a) => a.type === 'message');
}

export async function parse(url: string, text: string): Promise<any> {
  const res = await postJson(`${url}/api/parse`, { text });
  if (res.status !== 200) throw new Error(`/api/parse answered ${res.status}`);
  return res.body;
}
