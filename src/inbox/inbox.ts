import { randomUUID } from 'node:crypto';
import path from 'node:path';
import { z } from 'zod';
import type { Logger } from '../log/logger.js';
import { maskPersonalData } from '../log/mask.js';
import type { ParseResult } from '../nlu/recognizer.js';
import { JsonStore } from '../store/file/json-document.js';
import { groupNearIdentical } from './near-identical.js';
import { isStaffParse } from '../training/staff-recognizer.js';
import type { DownVote, DownVoteSink } from '../bot/feedback-handler.js';

// The inbox of misunderstood questions: every chat message the assistant answered with
// `none`, or with a confidence under REVIEW_THRESHOLD, kept in DATA_DIR with its time,
// conversation and the assistant's best guesses, personal data masked. Staff label, alias
// or dismiss them from the staff page.

export const INBOX_FILE = 'misunderstood.json';
/** Under this confidence an understood question is still shown to staff. */
export const REVIEW_THRESHOLD = 0.5;
/** Questions kept; beyond it the oldest handled ones go first, then the oldest open ones. */
export const INBOX_CAPACITY = 5000;
/** Messages arriving together are written in one go. */
const FLUSH_DELAY_MS = 50;
/** A thumbs down waits this long for its optional reason before it is written (a staff list writes it at once). */
export const VOTE_REASON_WAIT_MS = 30_000;
/** Answers whose thumbs down was written lately: a second vote on one is not a second question. */
const WRITTEN_VOTES = 2000;
/** Thumbs down waiting at most: past it they are written without waiting for a reason. */
const WAITING_VOTES = 1000;

const itemSchema = z.object({
  id: z.string(),
  text: z.string(),
  at: z.string(),
  conversationId: z.string().nullable(),
  intent: z.string(),
  confidence: z.number(),
  guesses: z.object({
    intents: z.array(z.object({ intent: z.string(), confidence: z.number() })),
    procedures: z.array(z.object({ id: z.string(), score: z.number() })),
  }),
  status: z.enum(['open', 'labelled', 'aliased', 'dismissed']),
  resolvedAt: z.string().optional(),
  resolution: z.object({ intent: z.string().optional(), procedure: z.string().nullable().optional() }).optional(),
  /** A thumbs down: the answer the citizen did not like (masked), and why, when they said. */
  feedback: z.object({ answer: z.string(), procedure: z.string(), reason: z.string().optional() }).optional(),
});
export type InboxItem = z.infer<typeof itemSchema>;
export type InboxStatus = InboxItem['status'];

const fileSchema = z.object({ version: z.literal(1), items: z.array(itemSchema) });
type InboxFile = z.infer<typeof fileSchema>;

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

  private constructor(private readonly store: JsonStore<InboxFile>, private readonly logger: Logger) {}

  static async open(dataDir: string, logger: Logger): Promise<Inbox> {
    const store = await JsonStore.open(path.join(dataDir, INBOX_FILE), fileSchema, () => ({ version: 1 as const, items: [] }), logger);
    return new Inbox(store, logger);
  }

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

  private scheduleVotes(): void {
    if (this.voteTimer || !this.votes.size) return;
    this.voteTimer = setTimeout(() => { this.voteTimer = null; void this.flush(false); }, VOTE_REASON_WAIT_MS);
    this.voteTimer.unref();
  }

  /** Writes what was recorded and not yet written; thumbs down too (only those past their wait when `all` is false). */
  flush(all = true): Promise<void> {
    if (this.timer) clearTimeout(this.timer);
    this.timer = null;
    const batch = this.pending;
    this.pending = [];
    batch.push(...this.dueVotes(all));
    if (batch.length) {
      this.flushing = this.store.update((d) => {
        d.items.push(...batch);
        d.items = trim(d.items);
      }).catch((err: unknown) => {
        this.logger.error({ err: { name: (err as Error)?.name }, lost: batch.length }, 'could not save misunderstood questions');
      });
    }
    return this.flushing;
  }

  /** Near-identical questions grouped, newest first. */
  async list(status: InboxStatus | 'all' = 'open'): Promise<InboxGroup[]> {
    await this.flush();
    const items = this.store.data.items.filter((i) => status === 'all' || i.status === status).reverse();
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
    const item = this.store.data.items.find((i) => i.id === id);
    if (!item) return [];
    if (item.status !== 'open') return [item];
    const open = this.store.data.items.filter((i) => i.status === 'open').reverse();
    return groupNearIdentical(open).find((g) => g.some((i) => i.id === id)) ?? [item];
  }

  async resolve(ids: ReadonlyArray<string>, status: Exclude<InboxStatus, 'open'>, resolution?: InboxItem['resolution']): Promise<void> {
    const set = new Set(ids);
    const at = new Date().toISOString();
    await this.store.update((d) => {
      for (const item of d.items) {
        if (!set.has(item.id)) continue;
        item.status = status;
        item.resolvedAt = at;
        if (resolution) item.resolution = resolution;
      }
    });
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

  async close(): Promise<void> {
    if (this.voteTimer) clearTimeout(this.voteTimer);
    this.voteTimer = null;
    await this.flush();
    await this.store.idle();
  }
}

function trim(items: InboxItem[]): InboxItem[] {
  if (items.length <= INBOX_CAPACITY) return items;
  let excess = items.length - INBOX_CAPACITY;
  const kept = items.filter((i) => {
    if (excess > 0 && i.status !== 'open') {
      excess--;
      return false;
    }
    return true;
  });
  return kept.slice(kept.length - INBOX_CAPACITY);
}
