import { randomUUID } from 'node:crypto';
import type { Logger } from '../log/logger.js';
import { maskPersonalData } from '../privacy/mask.js';
import type { ParseResult } from '../nlu/recognizer.js';
import type { InboxItem, InboxResolution, InboxStatus, InboxStore } from '../store/inbox-store.js';
import { isStaffParse } from '../training/staff-recognizer.js';
import { groupNearIdentical } from './near-identical.js';
import type { DownVote, DownVoteSink } from '../bot/feedback-handler.js';

export type { InboxItem, InboxStatus } from '../store/inbox-store.js';

// The inbox of misunderstood questions: every chat message the assistant answered with
// `none`, or with a confidence under REVIEW_THRESHOLD, kept (InboxStore) with its time,
// conversation and the assistant's best guesses, personal data masked. Staff label, alias
// or dismiss them from the staff page.

/** Under this confidence an understood question is still shown to staff. */
export const REVIEW_THRESHOLD = 0.5;
/** Messages arriving together are written in one go. */
const FLUSH_DELAY_MS = 50;
/** A thumbs down waits this long for its optional reason before it is written (a staff list writes it at once). */
export const VOTE_REASON_WAIT_MS = 30_000;
/** Answers whose thumbs down was written lately: a second vote on one is not a second question. */
const WRITTEN_VOTES = 2000;
/** Thumbs down waiting at most: past it they are written without waiting for a reason. */
const WAITING_VOTES = 1000;

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

export class Inbox implements DownVoteSink {
  private pending: InboxItem[] = [];
  private timer: NodeJS.Timeout | null = null;
  private flushing: Promise<void> = Promise.resolve();
  /** Thumbs down waiting for their reason, by answer. */
  private readonly votes = new Map<string, { item: InboxItem; due: number }>();
  private voteTimer: NodeJS.Timeout | null = null;
  private readonly written = new Set<string>();

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
    this.timer ??= setTimeout(() => { void this.flush(false); }, FLUSH_DELAY_MS);
  }

  /**
   * A citizen's thumbs down on an answer: the question and the answer go to staff. It waits a
   * little for the citizen's reason (a second call with the same key), then is written once.
   */
  recordDownVote(vote: DownVote): void {
    if (this.written.has(vote.key)) return;
    const waiting = this.votes.get(vote.key);
    if (waiting) {
      if (vote.reason) waiting.item.feedback = { ...waiting.item.feedback!, reason: vote.reason };
      return;
    }
    this.votes.set(vote.key, {
      due: Date.now() + VOTE_REASON_WAIT_MS,
      item: {
        id: randomUUID(),
        text: vote.question || '—',
        at: vote.at,
        conversationId: vote.conversationId,
        intent: vote.intent,
        confidence: 1,
        guesses: { intents: [], procedures: [{ id: vote.procedure, score: 1 }] },
        status: 'open',
        feedback: { answer: vote.answer, procedure: vote.procedure, ...(vote.reason ? { reason: vote.reason } : {}) },
      },
    });
    if (this.votes.size >= WAITING_VOTES) void this.flush();
    else this.scheduleVotes();
  }

  withdrawDownVote(key: string): void {
    this.votes.delete(key);
  }

  private scheduleVotes(): void {
    if (this.voteTimer || !this.votes.size) return;
    this.voteTimer = setTimeout(() => { this.voteTimer = null; void this.flush(false); }, VOTE_REASON_WAIT_MS);
    this.voteTimer.unref();
  }

  /** Keeps what was recorded and not yet kept; thumbs down too (only those past their wait when `all` is false). */
  flush(all = true): Promise<void> {
    if (this.timer) clearTimeout(this.timer);
    this.timer = null;
    const batch = this.pending;
    this.pending = [];
    batch.push(...this.dueVotes(all));
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

  private dueVotes(all: boolean): InboxItem[] {
    const now = Date.now();
    const due: InboxItem[] = [];
    for (const [key, { item, due: at }] of this.votes) {
      if (!all && at > now) continue;
      this.votes.delete(key);
      this.written.add(key);
      due.push(item);
    }
    for (const key of this.written) {
      if (this.written.size <= WRITTEN_VOTES) break;
      this.written.delete(key);
    }
    this.scheduleVotes();
    return due.sort((a, b) => a.at.localeCompare(b.at));
  }

  /** Keeps what is pending (the store itself is closed with the others). */
  async close(): Promise<void> {
    if (this.voteTimer) clearTimeout(this.voteTimer);
    this.voteTimer = null;
    await this.flush();
  }
}
