// Direct Line conversations and their activity logs: what a polling web chat reads, by
// watermark. A turn records the citizen's message and the bot's answers as they come and
// flushes them once, when the turn ends.

/** An activity as JSON, the way Direct Line clients receive it. */
export type JsonActivity = Record<string, unknown> & { id: string; type: string };
export interface Account { id: string; name?: string | undefined; role?: string | undefined }
export interface ConversationInfo { id: string; createdAt: string; user: Account }
export type NewActivity = Record<string, unknown> & { type: string };
/** What a Direct Line client receives: activities, and the watermark to ask from next. */
export interface ActivitySet { activities: JsonActivity[]; watermark: string }

export interface ActivityLog {
  /** A new conversation with an unguessable id. */
  create(user: Account): Promise<ConversationInfo>;
  /** The conversation, with its user as last seen in the log; undefined when there is none. */
  info(id: string): Promise<ConversationInfo | undefined>;
  /**
   * Appends an activity, giving it its id (`<conversation>|<7-digit sequence>`), timestamp and
   * conversation; answers the stored activity once it is kept. CONVERSATION_NOT_FOUND for an
   * unknown conversation.
   */
  append(id: string, activity: NewActivity): Promise<JsonActivity>;
  /** Like append, but answers at once: readable now, kept by `flush(id)`, which the caller must call. */
  record(id: string, activity: NewActivity): Promise<JsonActivity>;
  /** Keeps what was recorded in the conversation; resolves once it is kept. */
  flush(id: string): Promise<void>;
  /**
   * Activities from the watermark on (all that are kept, when it is older than the oldest
   * kept), and the next watermark. Only the newest activities are kept (by count and size).
   */
  since(id: string, watermark: number): Promise<ActivitySet>;
  /**
   * Sends the conversation's activities from the watermark on as they are logged, by this
   * process or another on the same store: those there now at once, then each new one (a
   * recorded one as soon as it is recorded), in order, each once. Answers a function that
   * stops it. CONVERSATION_NOT_FOUND for an unknown conversation.
   */
  watch(id: string, watermark: number, send: (set: ActivitySet) => void): Promise<() => void>;
  /** Replaces the text of a logged activity (digits the bot has checked); false when it is not there. */
  redact(id: string, activityId: string, text: string): Promise<boolean>;
  /** Waits for the writes under way, for a clean shutdown. */
  close(): Promise<void>;
}
