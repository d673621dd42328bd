import { gunzipSync } from 'node:zlib';
import { readFileSync } from 'node:fs';
import { request } from 'node:http';
import { chartBundle, webChatBundle } from '../../src/web/static-routes.js';
import { startTestApp, type TestApp } from '../helpers/test-app.js';

// The chat page, the widget and their files over real HTTP: types, caching, security headers.

let t: TestApp;
beforeAll(async () => { t = await startTestApp(); });
afterAll(async () => { await t.close(); });

const bundle = webChatBundle();

/** A raw request: fetch would decompress and hide Content-Encoding. */
function get(path: string, headers: Record<string, string> = {}, method = 'GET'): Promise<{ status: number; headers: Record<string, string | string[] | undefined>; body: Buffer }> {
  return new Promise((resolve, reject) => {
    const req = request(`${t.url}${path}`, { method, headers }, (res) => {
      const chunks: Buffer[] = [];
      res.on('data', (c: Buffer) => chunks.push(c));
      res.on('end', () => resolve({ status: res.statusCode ?? 0, headers: res.headers, body: Buffer.concat(chunks) }));
    });
    req.on('error', reject);
    req.end();
  });
}

function directives(csp: unknown): Map<string, string[]> {
  return new Map(String(csp).split(';').map((d) => d.trim().split(/\s+/)).map(([name = '', ...values]) => [name, values]));
}

describe('the chat page', () => {
  it.each([
    ['/', "'none'"],
    ['/embed', '*'],
  ])('%s is HTML with a fresh nonce, a tight policy and no caching', async (path, frameAncestors) => {
    const [first, second] = [await get(path), await get(path)];
    expect(first.status).toBe(200);
    expect(first.headers['content-type']).toBe('text/html; charset=utf-8');
    expect(first.headers['x-content-type-options']).toBe('nosniff');
    expect(first.headers['cache-control']).toBe('no-store');
    const csp = directives(first.headers['content-security-policy']);
    expect(csp.get('default-src')).toEqual(["'none'"]);
    expect(csp.get('script-src')).toEqual(["'self'"]);
    expect(csp.get('connect-src')).toEqual(["'self'"]);
    expect(csp.get('frame-ancestors')).toEqual([frameAncestors]);
    expect(String(first.headers['content-security-policy'])).not.toMatch(/unsafe-(inline|eval)/);

    const nonce = /<meta name="csp-nonce" content="([^"]+)">/.exec(first.body.toString())?.[1];
    expect(csp.get('style-src')).toContain(`'nonce-${nonce}'`);
    expect(second.headers['content-security-policy']).not.toBe(first.headers['content-security-policy']);

    const html = first.body.toString();
    expect(html).toMatch(/<html lang="vi"/);
    expect(html).toContain(`/webchat/webchat.js?v=${bundle.version}`);
    expect(html).not.toMatch(/\{\{\w+\}\}/);
    expect(html).not.toMatch(/<script>|<script [^>]*>[^<\s]/); // no inline script
  });

  it('may not be framed by another site at / (the widget frames /embed)', async () => {
    expect((await get('/')).headers['x-frame-options']).toBe('DENY');
    expect((await get('/embed')).headers['x-frame-options']).toBeUndefined();
  });

  it('answers another method on / with a JSON error', async () => {
    const res = await fetch(`${t.url}/`, { method: 'POST' });
    expect(res.status).toBe(405);
    expect((await res.json()).error).toBe('METHOD_NOT_ALLOWED');
  });
});

describe('the Web Chat bundle', () => {
  it('is served from node_modules, gzipped, and cached for good under its version', async () => {
    const res = await get(`/webchat/webchat.js?v=${bundle.version}`, { 'accept-encoding': 'gzip, br' });
    expect(res.status).toBe(200);
    expect(res.headers['content-type']).toBe('text/javascript; charset=utf-8');
    expect(res.headers['x-content-type-options']).toBe('nosniff');
    expect(res.headers['cache-control']).toBe('public, max-age=31536000, immutable');
    expect(res.headers['content-encoding']).toBe('gzip');
    expect(res.headers.vary).toBe('Accept-Encoding');
    expect(res.body.length).toBeLessThan(readFileSync(bundle.file).length / 2);
    expect(gunzipSync(res.body).equals(readFileSync(bundle.file))).toBe(true);
  });

  it('answers 304 to a browser that has it, and HEAD without a body', async () => {
    const first = await get('/webchat/webchat.js');
    expect(first.headers['cache-control']).toBe('public, max-age=3600');
    expect(first.headers['content-encoding']).toBeUndefined();
    const again = await get('/webchat/webchat.js', { 'if-none-match': String(first.headers.etag) });
    expect(again.status).toBe(304);
    expect(again.body.length).toBe(0);
    const head = await get('/webchat/webchat.js', {}, 'HEAD');
    expect(head.status).toBe(200);
    expect(head.headers['content-length']).toBe(String(first.body.length));
    expect(head.body.length).toBe(0);
  });
});

describe('the chart library of the staff statistics', () => {
  it('is Chart.js from node_modules, gzipped, cached for good under its version', async () => {
    const charts = chartBundle();
    expect(charts.file).toMatch(/node_modules\/chart\.js\/dist\/chart\.umd\.min\.js$/);
    const res = await get(`/vendor/chart.js?v=${charts.version}`, { 'accept-encoding': 'gzip' });
    expect(res.status).toBe(200);
    expect(res.headers['content-type']).toBe('text/javascript; charset=utf-8');
    expect(res.headers['cache-control']).toBe('public, max-age=31536000, immutable');
    expect(gunzipSync(res.body).equals(readFileSync(charts.file))).toBe(true);
    expect((await get('/vendor/chart.js')).headers['cache-control']).toBe('public, max-age=3600');
  });
});

describe('the widget and the assets', () => {
  it('serves /widget.js for any site to load', async () => {
    const res = await get('/widget.js');
    expect(res.status).toBe(200);
    expect(res.headers['content-type']).toBe('text/javascript; charset=utf-8');
    expect(res.headers['x-content-type-options']).toBe('nosniff');
    expect(res.headers['access-control-allow-origin']).toBe('*');
    expect(res.headers['cross-origin-resource-policy']).toBe('cross-origin');
    expect(res.headers['cache-control']).toBe('public, max-age=300');
  });

  it.each([
    ['/assets/chat.js', 'text/javascript; charset=utf-8'],
    ['/assets/conversation.js', 'text/javascript; charset=utf-8'],
    ['/assets/chat.css', 'text/css; charset=utf-8'],
    ['/assets/favicon.svg', 'image/svg+xml'],
  ])('serves %s as %s, revalidated on each use', async (path, type) => {
    const res = await get(path);
    expect(res.status).toBe(200);
    expect(res.headers['content-type']).toBe(type);
    expect(res.headers['x-content-type-options']).toBe('nosniff');
    expect(res.headers['cache-control']).toBe('no-cache');
    expect(res.headers.etag).toMatch(/^"[\w-]+"$/);
  });

  it.each([
    '/assets/..%2F..%2Fpackage.json',
    '/assets/%2e%2e/%2e%2e/package.json',
    '/assets/..%5C..%5Cpackage.json',
    '/assets/.gitignore',
    '/assets/missing.js',
    '/assets/',
    '/webchat/stats.json',
    '/webchat/webchat.js.map',
    '/index.html',
    '/public/widget.js',
  ])('answers %s with a JSON 404', async (path) => {
    const res = await get(path);
    expect(res.status).toBe(404);
    expect(res.headers['content-type']).toMatch(/^application\/json/);
    expect(JSON.parse(res.body.toString()).error).toBe('NOT_FOUND');
  });
});
