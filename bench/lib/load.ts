import autocannon from 'autocannon';
import { quantile } from './stats.js';

// Load through HTTP with autocannon: POST /api/parse, and whole chat turns through Direct Line.

export interface LoadFigures {
  connections: number;
  /** Messages answered per second. */
  rps: number;
  p50Ms: number;
  p99Ms: number;
  /** Connection errors, timeouts, non-2xx answers and (Direct Line) replies not delivered. */
  errors: number;
  messages: number;
  /** Server CPU time per message answered, when the caller measured it. */
  cpuMsPerMessage?: number;
}

const JSON_HEADERS = { 'content-type': 'application/json' };

/** POST /api/parse with the questions in turn, from `connections` clients at once. */
export async function loadParse(url: string, texts: readonly string[], connections: number, seconds: number): Promise<LoadFigures> {
  let next = 0;
  const result = await autocannon({
    url,
    connections,
    duration: seconds,
    requests: [{
      method: 'POST',
      path: '/api/parse',
      headers: JSON_HEADERS,
      setupRequest: (request) => ({ ...request, body: JSON.stringify({ text: texts[next++ % texts.length] }) }),
    }],
  });
  return {
    connections,
    rps: result.requests.total / result.duration,
    p50Ms: result.latency.p50,
    p99Ms: result.latency.p99,
    errors: result.errors + result.non2xx,
    messages: result.requests.total,
  };
}

interface ChatContext {
  conversationId?: string;
  token?: string;
  watermark?: string;
  activityId?: string;
  sentAt?: number;
}

/**
 * Citizens chatting through Direct Line, as the web chat does without WebSocket: each client
 * starts a conversation, then `turns` times posts a question and polls for the answer (the bot
 * answers within the POST, so one poll must find the reply). A message counts once its reply
 * is read; its latency runs from sending the question to reading the reply.
 */
export async function loadDirectLine(url: string, texts: readonly string[], connections: number, seconds: number, turns = 4): Promise<LoadFigures> {
  let next = 0;
  let delivered = 0;
  let missing = 0;
  const latencies: number[] = [];
  const base = '/v3/directline/conversations';
  const authorized = (ctx: ChatContext): Record<string, string> => ({ ...JSON_HEADERS, authorization: `Bearer ${ctx.token ?? ''}` });
  const requests: autocannon.Request[] = [{
    method: 'POST',
    path: base,
    headers: JSON_HEADERS,
    body: '{}',
    onResponse: (status, body, context) => {
      const ctx = context as ChatContext;
      if (status !== 201) return;
      const started = JSON.parse(body) as { conversationId: string; token: string };
      Object.assign(ctx, { conversationId: started.conversationId, token: started.token, watermark: '' });
    },
  }];
  for (let turn = 0; turn < turns; turn++) {
    requests.push({
      method: 'POST',
      setupRequest: (request, context) => {
        const ctx = context as ChatContext;
        ctx.sentAt = performance.now();
        ctx.activityId = undefined;
        const text = texts[next++ % texts.length];
        return { ...request, path: `${base}/${ctx.conversationId ?? 'none'}/activities`, headers: authorized(ctx), body: JSON.stringify({ type: 'message', from: { id: 'bench' }, text }) };
      },
      onResponse: (status, body, context) => {
        if (status === 200) (context as ChatContext).activityId = (JSON.parse(body) as { id: string }).id;
      },
    }, {
      method: 'GET',
      setupRequest: (request, context) => {
        const ctx = context as ChatContext;
        return { ...request, path: `${base}/${ctx.conversationId ?? 'none'}/activities?watermark=${ctx.watermark ?? ''}`, headers: authorized(ctx), body: undefined };
      },
      onResponse: (status, body, context) => {
        const ctx = context as ChatContext;
        if (status !== 200) return;
        const page = JSON.parse(body) as { activities: Array<{ type: string; replyToId?: string; from?: { role?: string } }>; watermark: string };
        ctx.watermark = page.watermark;
        if (!ctx.activityId) return; // the POST failed: already counted
        const reply = page.activities.some((a) => a.type === 'message' && a.from?.role === 'bot' && a.replyToId === ctx.activityId);
        if (reply) {
          delivered++;
          latencies.push(performance.now() - (ctx.sentAt ?? 0));
        } else {
          missing++;
        }
      },
    });
  }
  const result = await autocannon({ url, connections, duration: seconds, requests });
  return {
    connections,
    rps: delivered / result.duration,
    p50Ms: quantile(latencies, 0.5),
    p99Ms: quantile(latencies, 0.99),
    errors: result.errors + result.non2xx + missing,
    messages: delivered,
  };
}
