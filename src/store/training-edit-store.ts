import { z } from 'zod';

// What staff change in the training data, merged with intents/ at training time (see
// src/training/training-set.ts): utterances they add or label, file utterances they remove,
// aliases they add to procedures, and their own FAQ intents with an answer each. One small
// document, changed as a whole.

/** Staff FAQ intents: `faq.<slug>`, so that they never take a contract intent's name. */
export const FAQ_INTENT = /^faq\.[a-z0-9]+(-[a-z0-9]+)*$/;

const at = z.string().min(1);

export const staffUtteranceSchema = z.object({
  id: z.string().min(1),
  text: z.string().min(1),
  intent: z.string().min(1),
  procedure: z.string().min(1).nullable(),
  at,
  /** The misunderstood question it was labelled from. */
  from: z.string().optional(),
});

export const staffAliasSchema = z.object({
  id: z.string().min(1),
  procedure: z.string().min(1),
  text: z.string().min(1),
  at,
  from: z.string().optional(),
});

export const faqIntentSchema = z.object({
  /** `faq.<slug>`: never one of the contract's intent names. */
  intent: z.string().regex(FAQ_INTENT),
  title: z.string().min(1),
  answer: z.string().min(1),
  at,
  updatedAt: at,
});

export const trainingEditsSchema = z.object({
  version: z.literal(1),
  utterances: z.array(staffUtteranceSchema),
  /** Utterances of intents/ files that staff removed (by their stable id). */
  removed: z.array(z.object({ id: z.string().min(1), text: z.string(), intent: z.string(), at })),
  aliases: z.array(staffAliasSchema),
  faqs: z.array(faqIntentSchema),
});

export type StaffUtterance = z.infer<typeof staffUtteranceSchema>;
export type StaffAlias = z.infer<typeof staffAliasSchema>;
export type FaqIntent = z.infer<typeof faqIntentSchema>;
export type TrainingEdits = z.infer<typeof trainingEditsSchema>;

export const emptyTrainingEdits = (): TrainingEdits => ({ version: 1, utterances: [], removed: [], aliases: [], faqs: [] });

export interface TrainingEditStore {
  /**
   * The edits as kept now. The store never changes an answer it gave (a change makes a new
   * one), and callers must not change it either, so an answer can be kept as a snapshot.
   */
  read(): Promise<TrainingEdits>;
  /**
   * Runs `change` on a copy of the edits and keeps what it leaves, whole, before anyone can
   * read it; nothing is kept when `change` throws (its error is the answer). Changes run one
   * at a time, each on the edits as the one before left them. Answers what `change` returned.
   */
  update<R>(change: (draft: TrainingEdits) => R): Promise<R>;
  /** Waits for the changes under way. */
  close(): Promise<void>;
}
