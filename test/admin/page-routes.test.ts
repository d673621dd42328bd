import { startTestApp, type TestApp } from '../helpers/test-app.js';

let t: TestApp;
beforeAll(async () => { t = await startTestApp(); });
afterAll(async () => { await t.close(); });

describe('the staff page\'s files', () => {
  it.each([
    ['/admin', 'text/html'],
    ['/admin/js/app.js', 'text/javascript'],
    ['/admin/admin.css', 'text/css'],
  ])('serves %s with its type, the page\'s policy, and a validator', async (url, type) => {
    const res = await fetch(`${t.url}${url}`);
    expect(res.status).toBe(200);
    expect(res.headers.get('content-type')).toContain(type);
    expect(res.headers.get('content-security-policy')).toContain("script-src 'self'");
    expect(res.headers.get('x-content-type-options')).toBe('nosniff');
    const again = await fetch(`${t.url}${url}`, { headers: { 'if-none-match': res.headers.get('etag') ?? '' } });
    expect(again.status).toBe(304);
  });

  it.each(['/admin/..%2F..%2Fpackage.json', '/admin/js/nothing.js', '/admin/.hidden.js', '/admin/js/app.ts'])('answers 404 with JSON for %s', async (url) => {
    const res = await fetch(`${t.url}${url}`);
    expect(res.status).toBe(404);
    expect(await res.json()).toMatchObject({ error: 'NOT_FOUND' });
  });
});
