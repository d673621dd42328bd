import { postJson, type TestApp } from '../helpers/test-app.js';

/** The admin API of a test app, with its token. */
export function adminClient(t: TestApp) {
  const auth = { authorization: `Bearer ${t.app.staffTokens.admin}` };
  const call = async (method: string, path: string, body?: unknown): Promise<{ status: number; body: any }> => {
    if (method === 'POST' && body !== undefined) return postJson(`${t.url}${path}`, body, auth);
    const res = await fetch(`${t.url}${path}`, {
      method,
      headers: { ...auth, ...(body === undefined ? {} : { 'content-type': 'application/json' }) },
      body: body === undefined ? undefined : JSON.stringify(body),
    });
    const text = await res.text();
    return { status: res.status, body: text ? JSON.parse(text) : null };
  };
  return {
    get: (path: string) => call('GET', path),
    post: (path: string, body: unknown = {}) => call('POST', path, body),
    put: (path: string, body: unknown) => call('PUT', path, body),
    del: (path: string) => call('DELETE', path),
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
