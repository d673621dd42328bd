import { z } from 'zod';

// Staff edits of knowledge: for each procedure id, the versions staff saved, numbered 1, 2, 3…
// Each version holds the whole procedure as it stands from then on, in the knowledge files'
// shape (checked by the knowledge schema where it is used, not here: the schema may grow), or
// null for "as the knowledge files (or the catalogue) have it" — a revert to version 0.
// Versions are never changed or removed: a revert is a new version.

const at = z.string().min(1);

export const knowledgeVersionSchema = z.object({
  version: z.number().int().positive(),
  at,
  /** The staff role that saved it (`admin`). */
  actor: z.string().min(1),
  /** The name the staff member gave, when they gave one. */
  officer: z.string().optional(),
  /** The top-level fields of the procedure this version changed. */
  fields: z.array(z.string()),
  /** The version this one brought back, when it is a revert (0: the knowledge files'). */
  revertOf: z.number().int().nonnegative().optional(),
  /** The whole procedure from this version on; null: as the knowledge files have it. */
  procedure: z.record(z.unknown()).nullable(),
});

export type KnowledgeVersion = z.infer<typeof knowledgeVersionSchema>;
/** What a change hands the store: a version without its number (the store gives it). */
export type NewKnowledgeVersion = Omit<KnowledgeVersion, 'version'>;

export interface KnowledgeEditStore {
  /** The newest version of every procedure staff ever edited, one per id, in no set order. */
  latest(): Promise<Array<{ id: string; newest: KnowledgeVersion }>>;
  /** One procedure's versions, newest first; [] for a procedure never edited. */
  history(id: string): Promise<KnowledgeVersion[]>;
  /**
   * Adds the next version of procedure `id`. `make` gets the newest version kept (null when
   * none) and answers the new version, or null to keep nothing; the store numbers it one more
   * than the newest and keeps it before the promise settles. Versions of one id are made one at
   * a time (across processes too, where the store is shared), each from the one before, so none
   * is lost. When `make` throws nothing is kept and its error is the answer. Answers the version
   * kept, or null.
   */
  append(id: string, make: (newest: KnowledgeVersion | null) => NewKnowledgeVersion | null): Promise<KnowledgeVersion | null>;
  /** Waits for the changes under way. */
  close(): Promise<void>;
}
