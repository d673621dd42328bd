import {
  ActivityTypes,
  BotAdapter,
  TurnContext,
  type Activity,
  type ChannelAccount,
  type ConversationReference,
  type ResourceResponse,
} from 'botbuilder';
import { AppError } from '../errors.js';
import type { ActivityLog, ConversationInfo, JsonActivity } from '../store/activity-log.js';
import type { IncomingActivity } from '../directline/incoming-activity.js';
import type { ConversationTurns } from '../store/state-storage.js';
import { setTurnMeta, type TurnMeta } from './turn-meta.js';

// The bot behind our own Direct Line endpoint, in process: a turn runs straight through the
// bot, and what the bot sends is appended to the conversation's log, where polling clients
// read it. No HTTP round trip to /api/messages and no Bot Framework credentials.

export const DIRECT_LINE_CHANNEL = 'directline';
/** The bot's account in its Direct Line conversations; its name is the reply `botName`. */
export const DIRECT_LINE_BOT_ID = 'dvc-assistant';
/** A bot's "delay" activity waits at most this long: it holds up the citizen's HTTP request. */
const MAX_DELAY_MS = 3000;

export interface DirectLineAdapterDeps {
  conversations: ActivityLog;
  /** One turn at a time per conversation. */
  turns: ConversationTurns;
  bot: { run(context: TurnContext): Promise<void> };
  /** The bot's name as citizens see it (reply `botName`). */
  botName: string;
  /** Only identifies the channel to the bot: nothing calls it back. */
  serviceUrl?: string;
}

export class DirectLineAdapter extends BotAdapter {
  /** Conversations in a turn: what the bot sends there is recorded, and written when the turn ends. */
  private readonly inTurn = new Set<string>();
  private readonly serviceUrl: string;
  private readonly botAccount: ChannelAccount;

  constructor(private readonly deps: DirectLineAdapterDeps) {
    super();
    this.serviceUrl = deps.serviceUrl ?? 'urn:dvc-assistant:directline';
    this.botAccount = { id: DIRECT_LINE_BOT_ID, name: deps.botName, role: 'bot' };
  }

  /** A new conversation: the bot sees the citizen join (and may greet); nothing is logged for it. */
  start(conversation: ConversationInfo): Promise<void> {
    const user = account(conversation.user, 'user');
    return this.turn(conversation.id, () => this.runTurn({
      type: ActivityTypes.ConversationUpdate,
      id: `${conversation.id}|start`,
      timestamp: new Date().toISOString(),
      membersAdded: [this.botAccount, user],
      from: user,
      ...this.addressing(conversation.id),
    }));
  }

  /** Logs what the citizen posted, then runs the bot's turn on it; answers the logged activity. */
  receive(conversationId: string, incoming: IncomingActivity, meta: TurnMeta = {}): Promise<JsonActivity> {
    return this.turn(conversationId, async () => {
      const stored = await this.deps.conversations.record(conversationId, { ...incoming, ...this.addressing(conversationId) });
      await this.runTurn(stored, meta);
      return stored;
    });
  }

  /**
   * Sends an activity into a conversation outside a turn (a help-desk officer's reply);
   * answers its id. Do not await it from inside a turn of the same conversation.
   */
  async deliver(conversationId: string, activity: Partial<Activity>): Promise<string> {
    const conversation = await this.deps.conversations.info(conversationId);
    if (!conversation) throw new AppError('CONVERSATION_NOT_FOUND');
    const reference: Partial<ConversationReference> = {
      ...this.addressing(conversationId),
      bot: this.botAccount,
      user: account(conversation.user, 'user'),
    };
    let sent: ResourceResponse | undefined;
    await this.turn(conversationId, () => this.continueConversation(reference, async (context) => {
      sent = await context.sendActivity(activity);
    }));
    if (!sent?.id) throw new AppError('INTERNAL', 'The activity could not be delivered.');
    return sent.id;
  }

  /** Resolves once the turns under way have finished (for a clean shutdown). */
  idle(): Promise<void> {
    return this.deps.turns.idle();
  }

  override async continueConversation(reference: Partial<ConversationReference>, logic: (context: TurnContext) => Promise<void>): Promise<void> {
    const activity = TurnContext.applyConversationReference({ type: ActivityTypes.Event, name: 'continueConversation' }, reference, true);
    await this.runMiddleware(new TurnContext(this, activity), logic);
  }

  override async sendActivities(context: TurnContext, activities: Partial<Activity>[]): Promise<ResourceResponse[]> {
    const responses: ResourceResponse[] = [];
    for (const activity of activities) {
      if (activity.type === 'delay') {
        await new Promise((resolve) => setTimeout(resolve, Math.min(Number(activity.value) || 0, MAX_DELAY_MS)));
        responses.push({ id: '' });
      } else if (activity.type === ActivityTypes.Trace || activity.type === ActivityTypes.InvokeResponse) {
        responses.push({ id: '' }); // for the Emulator and invoke callers only; a citizen never sees them
      } else {
        // Typing indicators are logged too: polling clients show them like any activity.
        const conversationId = activity.conversation?.id ?? context.activity.conversation.id;
        const json = JSON.parse(JSON.stringify(activity)) as Record<string, unknown>;
        const log = this.inTurn.has(conversationId) ? this.deps.conversations.record : this.deps.conversations.append;
        const stored = await log.call(this.deps.conversations, conversationId, { ...json, type: activity.type ?? ActivityTypes.Message });
        responses.push({ id: stored.id });
      }
    }
    return responses;
  }

  override async updateActivity(): Promise<void> {
    throw new Error('Direct Line here does not support updating an activity.');
  }

  override async deleteActivity(): Promise<void> {
    throw new Error('Direct Line here does not support deleting an activity.');
  }

  /**
   * Runs one turn of a conversation, after the turns before it. Everything the turn logs is
   * written once, when it ends, and the turn is done only when that is on disk: one file write
   * per message instead of one per activity.
   */
  private turn<T>(conversationId: string, work: () => Promise<T>): Promise<T> {
    // Turns of one conversation run one at a time, so that two quick messages do not race on
    // the conversation state (an eTag conflict would otherwise reset the dialog).
    return this.deps.turns.run(conversationId, async () => {
      this.inTurn.add(conversationId);
      try {
        return await work();
      } finally {
        this.inTurn.delete(conversationId);
        await this.deps.conversations.flush(conversationId);
      }
    }, { stateKeys: [conversationStateKey(conversationId)] });
  }

  private async runTurn(json: Record<string, unknown>, meta: TurnMeta = {}): Promise<void> {
    // The bot gets its own copy: nothing it does to the activity can change the log.
    const activity = JSON.parse(JSON.stringify(json)) as Activity;
    activity.timestamp = new Date(String(json.timestamp));
    const context = new TurnContext(this, activity);
    setTurnMeta(context, meta);
    await this.runMiddleware(context, (turn) => this.deps.bot.run(turn));
  }

  private addressing(conversationId: string) {
    return {
      channelId: DIRECT_LINE_CHANNEL,
      serviceUrl: this.serviceUrl,
      recipient: this.botAccount,
      conversation: { id: conversationId, isGroup: false, conversationType: 'personal', name: '' },
    };
  }
}

/** The key botbuilder's ConversationState keeps a Direct Line conversation's state under (BotState's default namespace). */
function conversationStateKey(conversationId: string): string {
  return `${DIRECT_LINE_CHANNEL}/conversations/${conversationId}/`;
}

function account(a: { id: string; name?: string | undefined }, role: 'user' | 'bot'): ChannelAccount {
  return { id: a.id, name: a.name ?? '', role };
}
