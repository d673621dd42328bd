import { PollingClient } from '../directline/client.js';

// A citizen in the web chat, as a test sees them: every bot message in answer to each line.

export interface BotMessage {
  text: string;
  channelData: { intent: string; procedure: string | null; ticket?: string };
  buttons: string[];
}

export class Citizen {
  private constructor(readonly client: PollingClient) {}

  static async start(baseUrl: string): Promise<Citizen> {
    const client = await PollingClient.start(`${baseUrl}/v3/directline`);
    await client.poll();
    return new Citizen(client);
  }

  get conversationId(): string {
    return this.client.conversationId;
  }

  /** Says `text`; answers the bot's messages in reply. */
  async say(text: string): Promise<BotMessage[]> {
    const replies = await this.client.ask(text);
    return replies.map((a) => ({ text: String(a.text ?? ''), channelData: a.channelData, buttons: (a.suggestedActions?.actions ?? []).map((b: { title: string }) => b.title) }));
  }

  /** Messages that arrived outside a reply (an officer's). */
  async pushed(): Promise<BotMessage[]> {
    const activities = await this.client.poll();
    return activities.filter((a) => a.type === 'message' && a.from?.role === 'bot' && !a.replyToId)
      .map((a) => ({ text: String(a.text ?? ''), channelData: a.channelData, buttons: [] }));
  }
}

export const textOf = (messages: BotMessage[]): string => messages.map((m) => m.text).join('\n---\n');
