import { Agent, request } from 'node:http';
import WebSocket from 'ws';
import { quantile } from './stats.js';
import type { LoadFigures } from './load.js';

// Citizens chatting through Direct Line as Web Chat does, with the WebSocket (`stream`:
// questions posted, answers read from the streamUrl) or without it (`poll`: each question
// posted, then one poll that must find the answer). Each client starts a conversation, asks
// `turns` questions one after the other, then starts another. A message counts once its
// answer is read; its latency runs from posting the question to reading the answer. Plain
// node:http and ws keep the load generator's own CPU small (it shares the machine).

export type ChatMode = 'poll' | 'stream';

interface Answer { status: number; body: string }

const JSON_HEADERS = { 'content-type': 'application/json' };
const REPLY_TIMEOUT_MS = 10_000;

class Http {
  private readonly agent: Agent;
  private readonly host: string;
  private readonly port: number;

  constructor(url: string, sockets: number) {
    const u = new URL(url);
    this.host = u.hostname;
    this.port = Number(u.port);
    this.agent = new Agent({ keepAlive: true, maxSockets: sockets });
  }

  call(method: string, path: string, body?: unknown, token?: string): Promise<Answer> {
    return new Promise((resolve, reject) => {
      const headers: Record<string, string> = body === undefined ? {} : { ...JSON_HEADERS };
      if (token) headers.authorization = `Bearer ${token}`;
      const req = request({ host: this.host, port: this.port, method, path, headers, agent: this.agent }, (res) => {
        let text = '';
        res.setEncoding('utf8');
        res.on('data', (chunk: string) => { text += chunk; });
        res.on('end', () => resolve({ status: res.statusCode ?? 0, body: text }));
      });
      req.on('error', reject);
      req.end(body === undefined ? undefined : JSON.stringify(body));
    });
  }

  close(): void {
    this.agent.destroy();
  }
}

interface Conversation { conversationId: string; token: string; streamUrl?: string }

/** A WebSocket on a streamUrl, and a way to wait for the reply to an activity. */
class Stream {
  private readonly waiting = new Map<string, () => void>();
  private readonly replied = new Set<string>();

  private constructor(private readonly socket: WebSocket) {
    socket.on('message', (data) => {
      const text = String(data);
      if (!text) return;
      for (const a of (JSON.parse(text) as { activities: Array<{ type: string; replyToId?: string; from?: { role?: string } }> }).activities) {
        if (a.type !== 'message' || a.from?.role !== 'bot' || !a.replyToId) continue;
        const waiter = this.waiting.get(a.replyToId);
        if (waiter) waiter();
        else this.replied.add(a.replyToId);
      }
    });
  }

  static open(url: string): Promise<Stream> {
    return new Promise((resolve, reject) => {
      const socket = new WebSocket(url, { perMessageDeflate: false });
      socket.once('open', () => resolve(new Stream(socket)));
      socket.once('error', reject);
    });
  }

  reply(id: string): Promise<boolean> {
    if (this.replied.delete(id)) return Promise.resolve(true);
    return new Promise((resolve) => {
      const timer = setTimeout(() => { this.waiting.delete(id); resolve(false); }, REPLY_TIMEOUT_MS);
      this.waiting.set(id, () => { clearTimeout(timer); this.waiting.delete(id); resolve(true); });
    });
  }

  /** What Web Chat sends every 20 s to keep the socket. */
  ping(): void {
    if (this.socket.readyState === WebSocket.OPEN) this.socket.send('');
  }

  close(): void {
    this.socket.close();
  }
}

const BASE = '/v3/directline/conversations';

async function start(http: Http): Promise<Conversation> {
  const res = await http.call('POST', BASE, {});
  if (res.status !== 201) throw new Error(`start: ${res.status}`);
  return JSON.parse(res.body) as Conversation;
}

/** Chat load at `clients` conversations at once for `seconds`. */
export async function chatLoad(url: string, mode: ChatMode, texts: readonly string[], clients: number, seconds: number, turns = 4): Promise<LoadFigures> {
  const http = new Http(url, clients * 2);
  const latencies: number[] = [];
  let errors = 0;
  let next = 0;
  const started = performance.now();
  const until = started + seconds * 1000;
  const client = async (): Promise<void> => {
    while (performance.now() < until) {
      let stream: Stream | undefined;
      try {
        const conversation = await start(http);
        if (mode === 'stream') stream = await Stream.open(conversation.streamUrl ?? '');
        let watermark = '';
        for (let turn = 0; turn < turns && performance.now() < until; turn++) {
          const sentAt = performance.now();
          const text = texts[next++ % texts.length];
          const posted = await http.call('POST', `${BASE}/${conversation.conversationId}/activities`, { type: 'message', from: { id: 'bench' }, text }, conversation.token);
          if (posted.status !== 200) { errors++; continue; }
          const id = (JSON.parse(posted.body) as { id: string }).id;
          let answered: boolean;
          if (stream) answered = await stream.reply(id);
          else {
            const page = await http.call('GET', `${BASE}/${conversation.conversationId}/activities?watermark=${watermark}`, undefined, conversation.token);
            const parsed = page.status === 200 ? JSON.parse(page.body) as { activities: Array<{ type: string; replyToId?: string }>; watermark: string } : null;
            watermark = parsed?.watermark ?? watermark;
            answered = Boolean(parsed?.activities.some((a) => a.type === 'message' && a.replyToId === id));
          }
          if (answered) latencies.push(performance.now() - sentAt);
          else errors++;
        }
      } catch {
        errors++;
      } finally {
        stream?.close();
      }
    }
  };
  await Promise.all(Array.from({ length: clients }, client));
  http.close();
  const duration = (performance.now() - started) / 1000;
  return {
    connections: clients,
    rps: latencies.length / duration,
    p50Ms: quantile(latencies, 0.5),
    p99Ms: quantile(latencies, 0.99),
    errors,
    messages: latencies.length,
  };
}

/**
 * `conversations` open chats doing nothing for `seconds`, as Web Chat keeps them: polling
 * once a second (`poll`, spread evenly), or holding the WebSocket and sending its empty
 * keep-alive every 20 s (`stream`). Resolves once they are all open, with a function that
 * runs the idle window and closes them.
 */
export async function openIdleChats(url: string, mode: ChatMode, conversations: number): Promise<{ idle(seconds: number): Promise<{ polls: number; errors: number }> }> {
  const http = new Http(url, 64);
  const opened: Array<Conversation & { stream?: Stream; watermark: string }> = [];
  for (let i = 0; i < conversations; i += 50) {
    const batch = await Promise.all(Array.from({ length: Math.min(50, conversations - i) }, async () => {
      const c = await start(http);
      return { ...c, watermark: '', ...(mode === 'stream' ? { stream: await Stream.open(c.streamUrl ?? '') } : {}) };
    }));
    opened.push(...batch);
  }
  return {
    async idle(seconds) {
      let polls = 0;
      let errors = 0;
      const timers: NodeJS.Timeout[] = [];
      const poll = async (c: (typeof opened)[number]): Promise<void> => {
        const page = await http.call('GET', `${BASE}/${c.conversationId}/activities?watermark=${c.watermark}`, undefined, c.token).catch(() => null);
        if (page?.status === 200) {
          polls++;
          c.watermark = (JSON.parse(page.body) as { watermark: string }).watermark;
        } else errors++;
      };
      opened.forEach((c, i) => {
        const every = mode === 'poll' ? 1000 : 20_000;
        const first = setTimeout(() => {
          const tick = (): void => { if (c.stream) c.stream.ping(); else void poll(c); };
          tick();
          timers.push(setInterval(tick, every));
        }, (i * every) / opened.length);
        timers.push(first);
      });
      await new Promise((resolve) => setTimeout(resolve, seconds * 1000));
      for (const t of timers) clearTimeout(t);
      for (const c of opened) c.stream?.close();
      http.close();
      return { polls, errors };
    },
  };
}
