import fc from 'fast-check';
import { jest } from '@jest/globals';
import { startTestApp, type TestApp } from '../helpers/test-app.js';

// Property: whatever arrives at whatever route, the answer is a 2xx, 3xx or a 4xx with a JSON
// `error`, in time, never a 5xx or a stack trace; and the server still answers afterwards.
// The routes come from the server's own table, so a new route is fuzzed without edits here.
// FUZZ_RUNS=5000 npm test -- fuzz   runs the longer version.

const RUNS_PER_ROUTE = Number(process.env.FUZZ_RUNS ?? 80);
const REQUEST_TIMEOUT_MS = 5_000;
jest.setTimeout(120_000 + RUNS_PER_ROUTE * 400);

/** A URL cannot carry a lone surrogate: replace it as a browser would. */
function wellFormed(value: string): string {
  return value.replace(/[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/g, '\uFFFD');
}

interface RouteSpec { method: string; path: string }

async function firstChunk(res: Response): Promise<string> {
  const reader = res.body!.getReader();
  const { value } = await reader.read();
  await reader.cancel();
  return new TextDecoder().decode(value);
}

const nasty = fc.constantFrom(
  '', ' ', '\u0000', '\u202Eمرحبا\u202C', '👩‍👩‍👧‍👦🇻🇳', 'x'.repeat(100_000), 'làm căn cước cần gì',
  '<script>alert(1)</script>', '../../etc/passwd', '%00', '\uD800', 'null', '{}', '[]', '🙂'.repeat(20_000),
  '000.00.16.H17-261105-0007', 'g22.71 - 261105 - 0012',
);
const text = fc.oneof(nasty, fc.string({ maxLength: 300 }), fc.string({ unit: 'grapheme', maxLength: 200 }), fc.string({ unit: 'binary', maxLength: 200 }));
const json = fc.oneof(
  fc.jsonValue({ maxDepth: 4 }),
  fc.record({ text, type: fc.constantFrom('message', 'typing', 'event', 'conversationUpdate', 'x'), from: fc.oneof(fc.record({ id: text }), fc.constant(null)) }, { requiredKeys: [] }),
  fc.record({ text: fc.oneof(text, fc.integer(), fc.constant(null)), intent: text, procedure: fc.oneof(text, fc.constant(null)) }, { requiredKeys: [] }),
  fc.record({ type: fc.constant('message'), attachments: fc.array(fc.record({ contentType: text, contentUrl: text }), { maxLength: 3 }) }),
);
const body = fc.oneof(
  json.map((value) => ({ raw: JSON.stringify(value), type: 'application/json' })),
  text.map((raw) => ({ raw, type: 'application/json' })),
  fc.uint8Array({ maxLength: 2000 }).map((bytes) => ({ raw: Buffer.from(bytes), type: 'application/json' })),
  fc.integer({ min: 1, max: 200_000 }).map((depth) => ({ raw: '['.repeat(depth) + ']'.repeat(depth), type: 'application/json' })),
  fc.integer({ min: 1, max: 200_000 }).map((depth) => ({ raw: '{"text":'.repeat(depth), type: 'application/json' })),
  fc.constant({ raw: 'a'.repeat(600 * 1024), type: 'application/json' }),
  text.map((raw) => ({ raw, type: fc.sample(fc.constantFrom('text/plain', 'application/x-www-form-urlencoded', 'multipart/form-data', ''), 1)[0] ?? '' })),
);

describe('fuzzing every route', () => {
  let server: TestApp;
  let routes: RouteSpec[];
  let conversation: { id: string; token: string };
  let served = 0;

  beforeAll(async () => {
    server = await startTestApp();
    routes = (server.app.server.getDebugInfo().routes as RouteSpec[]).map((r) => ({ method: r.method.toUpperCase(), path: r.path }));
    const res = await fetch(`${server.url}/v3/directline/conversations`, { method: 'POST' });
    const created = (await res.json()) as { conversationId: string; token: string };
    conversation = { id: created.conversationId, token: created.token };
    // The first report of a model cross-validates it in the training worker (seconds of CPU);
    // have it made once here, so the fuzzed calls measure answering, not that one evaluation.
    const report = await fetch(`${server.url}/api/admin/report`, { headers: { authorization: `Bearer ${server.app.staffTokens.admin}` } });
    expect(report.status).toBe(200);
  });
  afterAll(async () => {
    process.stderr.write(`fuzz-routes: ${served} requests over ${routes.length} routes\n`);
    await server.close();
  });

  it('finds the routes to fuzz', () => {
    expect(routes.length).toBeGreaterThanOrEqual(9);
  });

  it('answers every generated request with a 2xx or a JSON 4xx, in time', async () => {
    const tokens = [undefined, 'wrong', conversation.token, server.app.staffTokens.admin, server.app.staffTokens.helpdesk];
    const param = fc.oneof(fc.constant(conversation.id), text.map((t) => encodeURIComponent(wellFormed(t.slice(0, 200)))), fc.constant('%E0%A4%A'), fc.constant('..%2F..%2Fetc'));
    for (const route of routes) {
      await fc.assert(
        fc.asyncProperty(param, body, fc.constantFrom(...tokens), fc.string({ maxLength: 40 }), async (id, payload, token, query) => {
          const path = route.path.replace(/:[A-Za-z]+|\*/g, id);
          const headers: Record<string, string> = {};
          if (payload.type) headers['content-type'] = payload.type;
          if (token) headers.authorization = `Bearer ${token}`;
          const url = `${server.url}${path}?watermark=${encodeURIComponent(query)}`;
          const res = await fetch(url, {
            method: route.method,
            headers,
            body: route.method === 'GET' || route.method === 'HEAD' ? undefined : payload.raw,
            signal: AbortSignal.timeout(REQUEST_TIMEOUT_MS),
          });
          // An event stream (the help-desk console's) never ends by itself: its first event is the answer.
          const answer = res.ok && res.headers.get('content-type')?.startsWith('text/event-stream') ? await firstChunk(res) : await res.text();
          served += 1;
          const where = `${route.method} ${path} answered ${res.status}: ${answer.slice(0, 300)}`;
          if (res.status >= 500) throw new Error(where);
          if (/\bat .+\.(ts|js):\d+/.test(answer)) throw new Error(`stack trace in ${where}`);
          // A HEAD answer has no body by definition.
          if (res.status >= 400 && route.method !== 'HEAD') {
            let parsed: unknown;
            try { parsed = JSON.parse(answer); } catch { throw new Error(`not JSON: ${where}`); }
            if (typeof (parsed as { error?: unknown } | null)?.error !== 'string') throw new Error(`no "error" field: ${where}`);
          }
        }),
        { numRuns: RUNS_PER_ROUTE, endOnFailure: true },
      );
    }
    const health = await fetch(`${server.url}/healthz`);
    expect(health.status).toBe(200);
  });
});
