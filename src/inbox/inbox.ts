import { randomUUID } from 'node:crypto';
import type { Logger } from '../log/logger.js';
import { maskPersonalData } from '../privacy/mask.js';
import type { ParseResult } from '../nlu/recognizer.js';
import type { InboxItem, InboxResolution, InboxStatus, InboxStore } from '../store/inbox-store.js';
import { isStaffParse } from '../training/staff-recognizer.js';
import { groupNearIdentical } from './near-identical.js';

export type { InboxItem, InboxStatus } from '../store/inbox-store.js';

// The inbox of misunderstood questions: every chat message the assistant answered with
// `none`, or with a confidence under REVIEW_THRESHOLD, kept (InboxStore) with its time,
// conversation and the assistant's best guesses, personal data masked. Staff label, alias
// or dismiss them from the staff page.

/** Under this confidence an understood question is still shown to staff. */
export const REVIEW_THRESHOLD = 0.5;
/** Messages arriving together are written in one go. */
const FLUSH_DELAY_MS = 50;

/** One row of the inbox: near-identical questions together, represented by the newest. */
export interface InboxGroup extends InboxItem {
  count: number;
  ids: string[];
  firstAt: string;
  conversations: number;
}

export function isMisunderstood(parse: ParseResult): boolean {
  if (isStaffParse(parse) && (parse.faq || parse.staff)) return false;
  return parse.intent === 'none' || parse.confidence < REVIEW_THRESHOLD;
}

export class Inbox {
  private pending: InboxItem[] = [];
  private timer: NodeJS.Timeout | null = null;
  private flushing: Promise<void> = Promise.resolve();

  constructor(private readonly store: InboxStore, private readonly logger: Logger) {}

  /** Called by the bot after parsing a citizen's message; never throws, never waits. */
  record(parse: ParseResult, conversationId: string | null | undefined): void {
    if (!isMisunderstood(parse)) return;
    const text = maskPersonalData(parse.text).replace(/\s+/g, ' ').trim().slice(0, 500);
    if (!text) return;
    this.pending.push({
      id: randomUUID(),
      text,
      at: new Date().toISOString(),
      conversationId: conversationId ?? null,
      intent: parse.intent,
      confidence: parse.confidence,
      guesses: {
        intents: parse.intents.slice(0, 3).map((s) => ({ intent: s.intent, confidence: s.confidence })),
        procedures: parse.procedures.slice(0, 3).map((p) => ({ id: p.id, score: p.score })),
      },
      status: 'open',
    });
    this.timer ??= setTimeout(() => { void this.flush(); }, FLUSH_DELAY_MS);
  }

  /** Keeps what was recorded and not yet kept. */
  flush(): Promise<void> {
    if (this.timer) clearTimeout(this.timer);
    this.timer = null;
    const batch = this.pending;
    this.pending = [];
    if (batch.length) {
      this.flushing = this.store.add(batch).catch((err: unknown) => {
        this.logger.error({ err: { name: (err as Error)?.name }, lost: batch.length }, 'could not save misunderstood questions');
      });
    }
    return this.flushing;
  }

  /** Near-identical questions grouped, newest first. */
  async list(status: InboxStatus | 'all' = 'open'): Promise<InboxGroup[]> {
    await this.flush();
    const items = (await this.store.list(status)).reverse();
    return groupNearIdentical(items).map((group) => {
      const newest = group[0]!;
      return {
        ...newest,
        count: group.length,
        ids: group.map((i) => i.id),
        firstAt: group[group.length - 1]!.at,
        conversations: new Set(group.map((i) => i.conversationId)).size,
      };
    });
  }

  /** The open questions grouped with `id` (itself included); empty when `id` is unknown. */
  async groupOf(id: string): Promise<InboxItem[]> {
    await this.flush();
    const item = await this.store.get(id);
    if (!item) return [];
    if (item.status !== 'open') return [item];
    const open = (await this.store.list('open')).reverse();
    return groupNearIdentical(open).find((g) => g.some((i) => i.id === id)) ?? [item];
  }

  async resolve(ids: ReadonlyArray<string>, status: InboxResolution['status'], resolution?: InboxItem['resolution']): Promise<void> {
    await this.store.resolve(ids, { status, resolvedAt: new Date().toISOString(), ...(resolution ? { resolution } : {}) });
  }

  /** Keeps what is pending (the store itself is closed with the others). */
  async close(): Promise<void> {
    await this.flush();
  }
}
