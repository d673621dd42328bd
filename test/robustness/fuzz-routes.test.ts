import fc from 'fast-check';
import { jest } from '@jest/globals';
import { startTestApp, type TestApp } from '../helpers/test-app.js';

// Property: whatever arrives at whatever route, the answer is a 2xx, 3xx or a 4xx with a JSON
// `error`, in time, never a 5xx or a stack trace; and the server still answers afterwards.
// Bodies include deep nesting (5,000 and 200,000 levels, alone or in an activity's fields),
// huge arrays and fields of the wrong type, button values included.
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
/** A JSON text nested `depth` levels: objects or arrays, alone or inside a valid activity's fields. */
const deep = fc.record({
  // The largest (200,000 levels) are posted to every route by the test above; here, any depth past the limit.
  depth: fc.integer({ min: 33, max: 20_000 }),
  open: fc.constantFrom('{"a":', '['),
  where: fc.constantFrom('top', 'value', 'channelData', 'entities', 'from', 'text', 'attachment'),
}).map(({ depth, open, where }) => {
  const nested = open.repeat(depth) + (open === '[' ? '' : '1') + (open === '[' ? ']' : '}').repeat(depth);
  const activity = (field: string): string => `{"type":"message","from":{"id":"u1"},"text":"hi",${field}}`;
  const raw = {
    top: nested,
    value: activity(`"value":${nested}`),
    channelData: activity(`"channelData":${nested}`),
    entities: activity(`"entities":[${nested}]`),
    from: `{"type":"message","from":${'{"id":'.repeat(depth)}"x"${'}'.repeat(depth)}}`,
    text: `{"text":${nested}}`,
    attachment: activity(`"attachments":[{"contentType":"x","content":${nested}}]`),
  }[where];
  return { raw, type: 'application/json' };
});
/** Huge arrays, and fields of every type where another is expected (button values included). */
const odd = fc.oneof(
  fc.integer({ min: 1_000, max: 20_000 }).map((n) => `{"type":"message","from":{"id":"u1"},"text":"hi","entities":[${Array(n).fill('{}').join(',')}]}`),
  fc.integer({ min: 1_000, max: 20_000 }).map((n) => `{"type":"message","from":{"id":"u1"},"text":"hi","value":[${Array(n).fill('1').join(',')}]}`),
  fc.jsonValue({ maxDepth: 3 }).map((v) => JSON.stringify({ type: 'message', from: { id: 'u1' }, text: 'hi', value: { intent: 'procedure.fee', procedure: v, caseId: v, facet: v } })),
  fc.jsonValue({ maxDepth: 3 }).map((v) => JSON.stringify({ type: 'message', from: { id: 'u1' }, value: { action: v, arg: v, step: v } })),
  fc.jsonValue({ maxDepth: 3 }).map((v) => JSON.stringify({ type: v, from: v, text: v, value: v, channelData: v, entities: v, attachments: v, locale: v })),
).map((raw) => ({ raw, type: 'application/json' }));
const body = fc.oneof(
  deep,
  odd,
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

  it('answers deep, huge and oddly typed bodies on every route with a 2xx or a JSON 4xx', async () => {
    const nest = (depth: number, open: string, close: string, inner: string): string => open.repeat(depth) + inner + close.repeat(depth);
    const activity = (field: string): string => `{"type":"message","from":{"id":"u1"},"text":"hi",${field}}`;
    const bodies: string[] = [];
    for (const depth of [5_000, 200_000]) {
      for (const [open, close, inner] of [['{"a":', '}', '1'], ['[', ']', '']] as const) {
        const nested = nest(depth, open, close, inner);
        bodies.push(nested, activity(`"value":${nested}`), activity(`"channelData":${nested}`), activity(`"entities":[${nested}]`),
          activity(`"attachments":[{"contentType":"x","content":${nested}}]`), `{"text":${nested}}`);
      }
      bodies.push(`{"type":"message","from":${nest(depth, '{"id":', '}', '"x"')}}`);
    }
    bodies.push(
      activity(`"entities":[${Array(100_000).fill('{}').join(',')}]`),
      activity(`"value":[${Array(100_000).fill('1').join(',')}]`),
      '{"type":5,"from":"x","text":["a"],"value":"s","channelData":7,"locale":{},"recipient":[],"conversation":1}',
      activity('"value":{"intent":"procedure.fee","procedure":{},"caseId":5,"facet":[]}'),
      activity('"value":{"intent":"procedure.fee","procedure":"cap-the-can-cuoc","caseId":"no-such-case","facet":"legalBasis"}'),
      activity('"value":{"action":"case","arg":{},"step":[]}'),
    );
    // A server of its own: what these bodies start (a retraining) does not slow the generated requests below.
    const own = await startTestApp();
    try {
      const failures = await postEverywhere(own, routes.filter((r) => r.method !== 'GET' && r.method !== 'HEAD'), bodies);
      expect(failures).toEqual([]);
      expect((await fetch(`${own.url}/healthz`)).status).toBe(200);
    } finally {
      await own.close();
    }
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

/** Posts every body to every route, each route with the token that opens it; answers the 5xx seen. */
async function postEverywhere(app: TestApp, routes: RouteSpec[], bodies: string[]): Promise<string[]> {
  const started = (await (await fetch(`${app.url}/v3/directline/conversations`, { method: 'POST' })).json()) as { conversationId: string; token: string };
  const tokenFor = (path: string): string => (path.startsWith('/api/admin') ? app.app.staffTokens.admin
    : path.startsWith('/api/helpdesk') ? app.app.staffTokens.helpdesk : started.token);
  const failures: string[] = [];
  for (const route of routes) {
    const path = route.path.replace(/:[A-Za-z]+|\*/g, started.conversationId);
    for (const raw of bodies) {
      const res = await fetch(`${app.url}${path}`, {
        method: route.method,
        headers: { 'content-type': 'application/json', authorization: `Bearer ${tokenFor(path)}` },
        body: raw,
        signal: AbortSignal.timeout(REQUEST_TIMEOUT_MS),
      });
      const answer = await res.text();
      if (res.status >= 500) failures.push(`${route.method} ${path} (${raw.slice(0, 40)}…) answered ${res.status}: ${answer.slice(0, 100)}`);
    }
  }
  return failures;
}
