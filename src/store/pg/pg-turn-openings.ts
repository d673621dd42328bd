// What a turn's opening statement read along with its lock (pg-conversation-turns.ts): the
// conversation's sequence numbers reserved for the turn (pg-activity-log.ts takes them at the
// turn's first record), the state rows the turn said it would read (pg-state-storage.ts
// answers its first read of them from here) and the code of the conversation's open ticket
// (pg-ticket-store.ts: the officer's hold asks for it at the start of every turn). Each is taken once; what the turn did not take
// is dropped when it ends. Reading them with the lock saves two round trips per turn, and is
// as fresh as a read of its own: the turn holds the conversation's lock, and every statement
// of the opening sees what was committed when it began, after the lock was granted.

/** Sequence numbers a turn reserves at once (a turn logs three or four activities). */
export const RESERVE = 8;

export interface StateRow { etag: string; data: Record<string, unknown> }

export interface Opening {
  /** One past the numbers reserved for the turn; undefined once taken, or when the conversation has no log. */
  reservedEnd?: number | undefined;
  /** The rows asked for, null where the key has none; a key leaves once read or written. */
  state: Map<string, StateRow | null>;
  /** The code of the conversation's open ticket, null for none; undefined once taken, or after a ticket change. */
  openTicket?: string | null | undefined;
}

export class TurnOpenings {
  private readonly byConversation = new Map<string, Opening>();
  /** State key to the conversation whose opening holds it. */
  private readonly byKey = new Map<string, string>();

  set(conversationId: string, opening: Opening): void {
    this.end(conversationId);
    const { state } = opening;
    this.byConversation.set(conversationId, opening);
    for (const key of state.keys()) this.byKey.set(key, conversationId);
  }

  /** The end of the numbers reserved for this turn (RESERVE of them), once. */
  takeReserved(conversationId: string): number | undefined {
    const opening = this.byConversation.get(conversationId);
    const end = opening?.reservedEnd;
    if (opening) opening.reservedEnd = undefined;
    return end;
  }

  /** The open ticket's code as the opening read it (null: none), once; undefined when it did not, or no longer holds. */
  takeOpenTicket(conversationId: string): string | null | undefined {
    const opening = this.byConversation.get(conversationId);
    const code = opening?.openTicket;
    if (opening) opening.openTicket = undefined;
    return code;
  }

  /** A ticket of the conversation changed: what the opening read of its open ticket is out of date. */
  forgetOpenTicket(conversationId: string): void {
    const opening = this.byConversation.get(conversationId);
    if (opening) opening.openTicket = undefined;
  }

  /** The rows of `keys` when the opening read every one of them (each is then taken); undefined otherwise. */
  takeState(keys: readonly string[]): Map<string, StateRow | null> | undefined {
    if (!keys.length || !keys.every((k) => this.byKey.has(k))) return undefined;
    const rows = new Map<string, StateRow | null>();
    for (const key of keys) {
      const opening = this.byConversation.get(this.byKey.get(key)!);
      rows.set(key, opening?.state.get(key) ?? null);
      this.forget(key);
    }
    return rows;
  }

  /** A key written or deleted: what the opening read of it is out of date. */
  forget(key: string): void {
    const id = this.byKey.get(key);
    if (id === undefined) return;
    this.byKey.delete(key);
    this.byConversation.get(id)?.state.delete(key);
  }

  /** The turn is over: what it did not take goes. */
  end(conversationId: string): void {
    const opening = this.byConversation.get(conversationId);
    if (!opening) return;
    for (const key of opening.state.keys()) if (this.byKey.get(key) === conversationId) this.byKey.delete(key);
    this.byConversation.delete(conversationId);
  }
}
