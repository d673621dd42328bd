import type { Answer } from '../answers/compose.js';

/** Where a citizen's conversation is: its channel and id, and for Bot Framework channels the service that carries it. */
export interface ConversationAddress {
  channelId: string;
  conversationId: string;
  serviceUrl?: string | undefined;
}

/**
 * How the help desk reaches a citizen's conversation outside a turn: through the channel the
 * conversation came in by (the channels of src/bot/channels).
 */
export interface ConversationReach {
  /** Sends the answer into the conversation; false when no channel can reach it (the help desk keeps the reply either way). */
  deliver(to: ConversationAddress, answer: Answer, channelData?: Record<string, string>): Promise<boolean>;
}
