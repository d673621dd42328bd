import WebSocket from 'ws';
import { call, type Answer } from '../helpers/test-app.js';

/** A Direct Line client as botframework-webchat behaves with webSocket: false: post, then poll. */
export class PollingClient {
  watermark = '';

  private constructor(readonly base: string, readonly conversationId: string, public token: string) {}

  static async start(base: string): Promise<PollingClient> {
    const res = await call('POST', `${base}/conversations`);
    if (res.status !== 201) throw new Error(`could not start a conversation: ${res.status} ${JSON.stringify(res.body)}`);
    return new PollingClient(base, res.body.conversationId, res.body.token);
  }

  /** Re-attaches to a known conversation (after a restart, or with a token from tokens/generate). */
  static attach(base: string, conversationId: string, token: string): PollingClient {
    return new PollingClient(base, conversationId, token);
  }

  post(activity: Record<string, unknown>): Promise<Answer> {
    return call('POST', `${this.base}/conversations/${this.conversationId}/activities`, {
      token: this.token, body: { type: 'message', from: { id: 'u1', name: 'Citizen' }, ...activity },
    });
  }

  /** Every activity since the last poll, moving the watermark on like webchat does. */
  async poll(): Promise<any[]> {
    const res = await call('GET', `${this.base}/conversations/${this.conversationId}/activities?watermark=${this.watermark}`, { token: this.token });
    if (res.status !== 200) throw new Error(`poll failed: ${res.status} ${JSON.stringify(res.body)}`);
    this.watermark = res.body.watermark;
    return res.body.activities;
  }

  /** Sends a text and answers the bot's messages in reply to it. */
  async ask(text: string): Promise<any[]> {
    const posted = await this.post({ text });
    if (posted.status !== 200) throw new Error(`post failed: ${posted.status} ${JSON.stringify(posted.body)}`);
    const activities = await this.poll();
    return activities.filter((a) => a.type === 'message' && a.replyToId === posted.body.id);
  }
}

/** A Direct Line client as botframework-webchat behaves with webSocket: true: post, and read the streamUrl. */
export class StreamingClient {
  readonly received: any[] = [];
  watermark = '';
  private waiters: Array<() => void> = [];
  private socket: WebSocket | undefined;

  private constructor(readonly base: string, readonly conversationId: string, public token: string) {}

  /** Starts a conversation (or, given a PollingClient-like id and token, reconnects to it) and opens its WebSocket. */
  static async start(base: string, existing?: { conversationId: string; token: string; watermark?: string }): Promise<StreamingClient> {
    const res = existing
      ? await call('GET', `${base}/conversations/${existing.conversationId}?watermark=${existing.watermark ?? ''}`, { token: existing.token })
      : await call('POST', `${base}/conversations`);
    if (res.status !== 201 && res.status !== 200) throw new Error(`could not open a conversation: ${res.status} ${JSON.stringify(res.body)}`);
    const client = new StreamingClient(base, res.body.conversationId, res.body.token);
    await client.open(res.body.streamUrl);
    return client;
  }

  /** Opens a streamUrl; resolves once the socket is open. */
  open(streamUrl: string): Promise<void> {
    const socket = new WebSocket(streamUrl);
    this.socket = socket;
    socket.on('message', (data) => {
      const text = String(data);
      if (!text) return;
      const set = JSON.parse(text) as { activities: any[]; watermark: string };
      this.received.push(...set.activities);
      this.watermark = set.watermark;
      for (const w of this.waiters.splice(0)) w();
    });
    return new Promise((resolve, reject) => {
      socket.once('open', () => resolve());
      socket.once('error', reject);
      socket.once('unexpected-response', (_req, res) => reject(new Error(`stream refused: ${res.statusCode}`)));
    });
  }

  /** Resolves once the socket is closed (by the server). */
  closed(): Promise<number> {
    return new Promise((resolve) => {
      if (!this.socket || this.socket.readyState === WebSocket.CLOSED) resolve(1006);
      else this.socket.once('close', (code) => resolve(code));
    });
  }

  post(activity: Record<string, unknown>): Promise<Answer> {
    return call('POST', `${this.base}/conversations/${this.conversationId}/activities`, {
      token: this.token, body: { type: 'message', from: { id: 'u1', name: 'Citizen' }, ...activity },
    });
  }

  /** Resolves with the received activities once one matches (rejects after `ms`). */
  waitFor(match: (activity: any) => boolean, ms = 5000): Promise<any> {
    return new Promise((resolve, reject) => {
      const timer = setTimeout(() => reject(new Error(`no matching activity in ${ms} ms; received ${JSON.stringify(this.received.map((a) => a.text ?? a.type))}`)), ms);
      const check = (): void => {
        const found = this.received.find(match);
        if (found) {
          clearTimeout(timer);
          resolve(found);
        } else this.waiters.push(check);
      };
      check();
    });
  }

  /** Sends a text and answers the bot's first message in reply to it, as it arrives on the socket. */
  async ask(text: string): Promise<any> {
    const posted = await this.post({ text });
    if (posted.status !== 200) throw new Error(`post failed: ${posted.status} ${JSON.stringify(posted.body)}`);
    return this.waitFor((a) => a.type === 'message' && a.replyToId === posted.body.id);
  }

  close(): void {
    this.socket?.close();
  }
}
