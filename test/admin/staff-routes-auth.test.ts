import { call, startTestApp, type Answer, type TestApp } from '../helpers/test-app.js';

// Every staff route answers 401 without the right token. The routes are read from the
// server's own route table, so a route added later cannot be forgotten here.

let t: TestApp;
beforeAll(async () => { t = await startTestApp({ ADMIN_TOKEN: 'admin-secret', HELPDESK_TOKEN: 'helpdesk-secret' }); });
afterAll(async () => { await t.close(); });

function staffRoutes(): Array<{ method: string; path: string }> {
  // restify 11 keeps its routes in an object keyed by name (typed as an array): values() reads both.
  return Object.values(t.app.server.router.getRoutes())
    .map((r) => ({ method: r.method.toUpperCase(), path: String(r.path) }))
    .filter((r) => /^\/api\/(admin|helpdesk)(\/|$)/.test(r.path));
}

/** A concrete URL for a route pattern: every parameter becomes a plausible value. */
function concrete(path: string): string {
  return path.replace(/:[A-Za-z_]+/g, 'x-1').replace(/\*/g, 'x-1');
}

function send(method: string, path: string, headers: Record<string, string>): Promise<Answer> {
  const body = method === 'GET' || method === 'DELETE' ? undefined : { intent: 'greeting', text: 'chào', procedure: null };
  return call(method, `${t.url}${concrete(path)}`, { headers, ...(body === undefined ? {} : { body }) });
}

describe('staff routes without the right token', () => {
  it('finds the training routes of the contract in the route table', () => {
    const routes = staffRoutes().map((r) => `${r.method} ${r.path}`);
    expect(routes).toEqual(expect.arrayContaining([
      'GET /api/admin/misunderstood',
      'POST /api/admin/misunderstood/:id/label',
      'POST /api/admin/train',
    ]));
    expect(routes.length).toBeGreaterThanOrEqual(20);
  });

  const cases: Array<[string, Record<string, string>]> = [
    ['no Authorization header', {}],
    ['a wrong bearer token', { authorization: 'Bearer not-the-token' }],
    ['a token of another scheme', { authorization: 'Basic YWRtaW46YWRtaW4=' }],
    ['an empty bearer token', { authorization: 'Bearer ' }],
  ];
  it.each(cases)('answers 401 with JSON on every /api/admin and /api/helpdesk route given %s', async (_name, headers) => {
    for (const { method, path } of staffRoutes()) {
      const res = await send(method, path, headers);
      expect({ route: `${method} ${path}`, status: res.status, error: res.body?.error }).toEqual({ route: `${method} ${path}`, status: 401, error: 'UNAUTHORIZED' });
    }
  });

  it('does not take one role\'s token for the other', async () => {
    for (const { method, path } of staffRoutes()) {
      const other = path.startsWith('/api/admin') ? 'helpdesk-secret' : 'admin-secret';
      const res = await send(method, path, { authorization: `Bearer ${other}` });
      expect({ route: `${method} ${path}`, status: res.status }).toEqual({ route: `${method} ${path}`, status: 401 });
    }
  });

  it('changed nothing: the inbox is still empty and the model is the one it started with', async () => {
    const auth = { authorization: 'Bearer admin-secret' };
    const inbox = await fetch(`${t.url}/api/admin/misunderstood`, { headers: auth });
    expect(await inbox.json()).toEqual([]);
    const models = await (await fetch(`${t.url}/api/admin/models`, { headers: auth })).json();
    expect(models.models).toHaveLength(1);
  });

  it('serves the staff page itself to anyone: it holds no data', async () => {
    const page = await fetch(`${t.url}/admin`);
    expect(page.status).toBe(200);
    expect(page.headers.get('content-type')).toMatch(/text\/html/);
    expect(page.headers.get('content-security-policy')).toMatch(/script-src 'self'/);
    expect(await page.text()).toContain('Huấn luyện lại');
    const script = await fetch(`${t.url}/admin/js/app.js`);
    expect(script.headers.get('content-type')).toMatch(/javascript/);
    expect((await fetch(`${t.url}/admin/..%2F..%2Fpackage.json`)).status).toBe(404);
    expect((await fetch(`${t.url}/admin/nope.js`)).status).toBe(404);
  });
});
