import path from 'node:path';
import { z } from 'zod';

// What staff change in the training data, kept in DATA_DIR and merged with intents/ at
// training time (see training-set.ts): utterances they add or label, file utterances they
// remove, aliases they add to procedures, and their own FAQ intents with an answer each.

export const TRAINING_STORE_FILE = 'training-store.json';
/** Staff FAQ intents: `faq.<slug>`, so that they never take a contract intent's name. */
export const FAQ_INTENT = /^faq\.[a-z0-9]+(-[a-z0-9]+)*$/;

export function trainingStoreFile(dataDir: string): string {
  return path.join(dataDir, TRAINING_STORE_FILE);
}

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

export const trainingStoreSchema = z.object({
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
export type TrainingStoreData = z.infer<typeof trainingStoreSchema>;

export const emptyTrainingStore = (): TrainingStoreData => ({ version: 1, utterances: [], removed: [], aliases: [], faqs: [] });
