import type { Server } from 'restify';
import type { Answer } from '../../answers/compose.js';
import type { ConversationAddress, ConversationReach } from '../../helpdesk/conversation-reach.js';

/**
 * A way citizens talk to the bot: its HTTP routes, and how to reach one of its conversations
 * outside a turn (a help-desk reply). The composition root (src/app.ts) keeps them as a list.
 *
 * HOW TO ADD A CHANNEL: a file here exporting an `open…Channel(deps)` that answers a Channel
 * (its adapter runs DvcBot.run for each turn and uses the one onTurnError); add it to the list
 * in src/app.ts. The routes go to the server with the channel; `reaches` says which
 * conversations (by channel id) it can send to.
 */
export interface Channel {
  readonly name: string;
  routes(server: Server): void;
  /** True when this channel carries that conversation and can send to it outside a turn. */
  reaches(to: ConversationAddress): boolean;
  deliver(to: ConversationAddress, answer: Answer, channelData?: Record<string, string>): Promise<boolean>;
  /** Waits for the turns under way (at shutdown). */
  close(): Promise<void>;
}

/** The help desk's way into conversations: the first channel that reaches the conversation sends. */
export function reachThrough(channels: readonly Channel[]): ConversationReach {
  return {
    async deliver(to, answer, channelData) {
      const channel = channels.find((c) => c.reaches(to));
      return channel ? channel.deliver(to, answer, channelData) : false;
    },
  };
}
