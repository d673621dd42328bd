import { mkdir } from 'node:fs/promises';
import path from 'node:path';
import { z } from 'zod';
import { Low } from 'lowdb';
import { JSONFile } from 'lowdb/node';
import type { Logger } from '../log/logger.js';
import { KeyedQueue } from '../store/keyed-queue.js';
import { readJsonFile } from '../store/file/read-json-file.js';

// Wrong answers to "the last 4 digits of the phone or id number", per conversation and
// dossier: after MAX_WRONG_TRIES the dossier's personal part stays locked for that
// conversation. Kept apart from the conversation state on purpose: "bắt đầu lại" (which
// clears that state) must not buy three more guesses. A small lowdb file in DATA_DIR, so a
// restart does not either. Holds conversation ids, dossier codes and counts, never digits.

export const GUARD_FILE = 'dossier-verification.json';
export const MAX_WRONG_TRIES = 3;
/** Entries untouched this long are forgotten (a conversation is long over by then). */
const KEEP_MS = 30 * 24 * 60 * 60 * 1000;

const entrySchema = z.object({ wrong: z.number().int().nonnegative(), updatedAt: z.string() });
const fileSchema = z.object({ version: z.literal(1), entries: z.record(z.string(), entrySchema) });
type GuardFile = z.infer<typeof fileSchema>;

export class VerificationGuard {
  private readonly queue = new KeyedQueue();

  private constructor(private readonly db: Low<GuardFile>, private readonly now: () => Date) {}

  static async open(dataDir: string, logger: Logger, now: () => Date = () => new Date()): Promise<VerificationGuard> {
    await mkdir(dataDir, { recursive: true });
    const file = path.join(dataDir, GUARD_FILE);
    const data = await readJsonFile(file, fileSchema, logger);
    const guard = new VerificationGuard(new Low(new JSONFile<GuardFile>(file), data ?? { version: 1, entries: {} }), now);
    guard.prune();
    return guard;
  }

  /** Wrong tries left for this dossier in this conversation (0: locked). */
  triesLeft(conversation: string, code: string): number {
    return Math.max(0, MAX_WRONG_TRIES - (this.db.data.entries[key(conversation, code)]?.wrong ?? 0));
  }

  isLocked(conversation: string, code: string): boolean {
    return this.triesLeft(conversation, code) === 0;
  }

  /** Counts a wrong answer; answers the tries left (0 means it is now locked). */
  recordWrong(conversation: string, code: string): Promise<number> {
    return this.queue.run('file', async () => {
      const k = key(conversation, code);
      const before = this.db.data.entries[k];
      this.db.data.entries[k] = { wrong: (before?.wrong ?? 0) + 1, updatedAt: this.now().toISOString() };
      try {
        await this.db.write();
      } catch (err) {
        if (before) this.db.data.entries[k] = before;
        else delete this.db.data.entries[k];
        throw err;
      }
      return this.triesLeft(conversation, code);
    });
  }

  idle(): Promise<void> {
    return this.queue.idle();
  }

  private prune(): void {
    const cutoff = this.now().getTime() - KEEP_MS;
    for (const [k, entry] of Object.entries(this.db.data.entries)) {
      if (Date.parse(entry.updatedAt) < cutoff) delete this.db.data.entries[k];
    }
  }
}

function key(conversation: string, code: string): string {
  return `${conversation} ${code}`;
}
