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
