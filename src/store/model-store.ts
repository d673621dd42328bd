import { z } from 'zod';

// Trained models and their registry. A model and its evaluation are JSON documents the
// training code writes and reads with its own schemas (src/training); the registry says
// which models exist, which serves, and in which order they served (for rollback).

export const evaluationSummarySchema = z.object({
  intentAccuracy: z.number(),
  procedureAccuracy: z.number().nullable(),
  ms: z.number(),
});
export type EvaluationSummary = z.infer<typeof evaluationSummarySchema>;

export const modelMetaSchema = z.object({
  id: z.string(),
  trainedAt: z.string(),
  codeVersion: z.string(),
  fingerprint: z.string(),
  /** `startup`: trained when the server started; `staff`: retrained from the staff page. */
  origin: z.enum(['startup', 'staff']),
  /** `candidate`: trained but not promoted (it scored clearly worse); `failed`: could not be loaded. */
  status: z.enum(['active', 'retired', 'candidate', 'failed']),
  /** Chosen by staff (rollback or promotion) although not trained on the current data: kept at restart. */
  pinned: z.boolean(),
  utterances: z.number(),
  staffUtterances: z.number(),
  aliases: z.number(),
  trainMs: z.number(),
  evaluation: evaluationSummarySchema.nullable(),
});
export type ModelMeta = z.infer<typeof modelMetaSchema>;

/** Models kept; the serving one and those rollback can reach are never dropped. */
export const KEEP_MODELS = 12;
/** The last models that served, kept for rollback. */
export const KEEP_ROLLBACK = 5;

/** The models' documents: what the training process needs (it opens its own, see open-stores.ts). */
export interface ModelFiles {
  /** Keeps a model's document (a JSON object) under its id. */
  saveModel(id: string, model: object): Promise<void>;
  /** The model's document as kept (to be checked by its schema); an error when there is none. */
  readModel(id: string): Promise<unknown>;
  saveEvaluation(id: string, report: object): Promise<void>;
  /** The evaluation's document as kept; undefined when there is none yet. */
  readEvaluation(id: string): Promise<unknown>;
  /** Forgets a model's documents that never entered the registry (a model that did not load). */
  discard(id: string): Promise<void>;
}

export interface ModelStore extends ModelFiles {
  /** The registry, newest first. */
  list(): Promise<ModelMeta[]>;
  get(id: string): Promise<ModelMeta | undefined>;
  /** The serving model's entry. */
  active(): Promise<ModelMeta | undefined>;
  /** The model that served before the current one: what a rollback returns to (never a failed one). */
  previousId(): Promise<string | null>;
  /** Adds a model to the registry, then drops the oldest beyond KEEP_MODELS (with their documents). */
  add(meta: ModelMeta): Promise<void>;
  setEvaluation(id: string, summary: EvaluationSummary): Promise<void>;
  markFailed(id: string): Promise<void>;
  /** Makes `id` the serving model. `rollback`: return to it, forgetting the one serving now. */
  activate(id: string, options: { pinned: boolean; rollback?: boolean }): Promise<void>;
  /** Runs `work` while no other process on the store runs exclusive work (one trains the first model). */
  exclusive<T>(work: () => Promise<T>): Promise<T>;
  /** Waits for the writes under way. */
  close(): Promise<void>;
}
