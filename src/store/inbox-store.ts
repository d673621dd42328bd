import { z } from 'zod';

// The inbox of misunderstood questions (src/inbox/inbox.ts): each question kept with its
// time, conversation and the assistant's best guesses, personal data already masked; staff
// label, alias or dismiss them.

export const inboxItemSchema = z.object({
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
  /** A thumbs down: the answer the citizen did not like (masked), its procedure, and why, when they said. */
  feedback: z.object({ answer: z.string(), procedure: z.string(), reason: z.string().optional() }).optional(),
});
export type InboxItem = z.infer<typeof inboxItemSchema>;
export type InboxStatus = InboxItem['status'];

/** How staff handled questions. */
export interface InboxResolution {
  status: Exclude<InboxStatus, 'open'>;
  resolvedAt: string;
  resolution?: InboxItem['resolution'];
}

/** Questions kept; beyond it the oldest handled ones go first, then the oldest open ones. */
export const INBOX_CAPACITY = 5000;

export interface InboxStore {
  /** Keeps new questions (in the order given, after those kept), then drops the oldest beyond INBOX_CAPACITY. */
  add(items: InboxItem[]): Promise<void>;
  /** The questions kept, oldest first; `status` filters. Callers must not change them. */
  list(status: InboxStatus | 'all'): Promise<InboxItem[]>;
  /** One question; undefined when there is none (or no longer). */
  get(id: string): Promise<InboxItem | undefined>;
  /** Marks questions handled; ids no longer kept are passed over. */
  resolve(ids: readonly string[], resolution: InboxResolution): Promise<void>;
  /** Waits for the writes under way. */
  close(): Promise<void>;
}
