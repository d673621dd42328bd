import path from 'node:path';
import { z } from 'zod';
import type { Logger } from '../../log/logger.js';
import type { VerificationLocks } from '../verification-locks.js';
import { JsonDocument } from './json-document.js';

// Wrong last-4 answers (verification-locks.ts) in one small JSON document in DATA_DIR; a
// change is written before it is answered. Entries older than the caller's `since` are
// dropped when the document is next written.

export const LOCKS_FILE = 'dossier-verification.json';

const entrySchema = z.object({ wrong: z.number().int().nonnegative(), updatedAt: z.string() });
const fileSchema = z.object({ version: z.literal(1), entries: z.record(z.string(), entrySchema) });
type LocksFile = z.infer<typeof fileSchema>;

export class FileVerificationLocks implements VerificationLocks {
  private constructor(private readonly doc: JsonDocument<LocksFile>) {}

  static async open(dataDir: string, logger: Logger): Promise<FileVerificationLocks> {
    return new FileVerificationLocks(await JsonDocument.open(path.join(dataDir, LOCKS_FILE), fileSchema, () => ({ version: 1 as const, entries: {} }), logger));
  }

  async wrongAnswers(conversation: string, code: string, since: Date): Promise<number> {
    const entry = this.doc.data.entries[key(conversation, code)];
    return entry && Date.parse(entry.updatedAt) > since.getTime() ? entry.wrong : 0;
  }

  addWrong(conversation: string, code: string, at: Date, since: Date): Promise<number> {
    return this.doc.update((draft) => {
      draft.entries = Object.fromEntries(Object.entries(draft.entries).filter(([, e]) => Date.parse(e.updatedAt) > since.getTime()));
      const k = key(conversation, code);
      const wrong = (draft.entries[k]?.wrong ?? 0) + 1;
      draft.entries[k] = { wrong, updatedAt: at.toISOString() };
      return wrong;
    });
  }

  close(): Promise<void> {
    return this.doc.idle();
  }
}

function key(conversation: string, code: string): string {
  return `${conversation} ${code}`;
}
