import { mkdir } from 'node:fs/promises';
import path from 'node:path';
import { z } from 'zod';
import { Low } from 'lowdb';
import { JSONFile } from 'lowdb/node';
import type { Logger } from '../../log/logger.js';
import { KeyedQueue } from '../keyed-queue.js';
import type { VerificationLocks } from '../verification-locks.js';
import { readJsonFile } from './read-json-file.js';

// Wrong last-4 answers (verification-locks.ts) in one small lowdb file in DATA_DIR; a change
// is written before it is answered. Entries older than the caller's `since` are dropped when
// the file is next written.

export const LOCKS_FILE = 'dossier-verification.json';

const entrySchema = z.object({ wrong: z.number().int().nonnegative(), updatedAt: z.string() });
const fileSchema = z.object({ version: z.literal(1), entries: z.record(z.string(), entrySchema) });
type LocksFile = z.infer<typeof fileSchema>;

export class FileVerificationLocks implements VerificationLocks {
  private readonly queue = new KeyedQueue();

  private constructor(private readonly db: Low<LocksFile>) {}

  static async open(dataDir: string, logger: Logger): Promise<FileVerificationLocks> {
    await mkdir(dataDir, { recursive: true });
    const file = path.join(dataDir, LOCKS_FILE);
    const data = await readJsonFile(file, fileSchema, logger);
    return new FileVerificationLocks(new Low(new JSONFile<LocksFile>(file), data ?? { version: 1, entries: {} }));
  }

  async wrongAnswers(conversation: string, code: string, since: Date): Promise<number> {
    const entry = this.db.data.entries[key(conversation, code)];
    return entry && Date.parse(entry.updatedAt) > since.getTime() ? entry.wrong : 0;
  }

  addWrong(conversation: string, code: string, at: Date, since: Date): Promise<number> {
    return this.queue.run('file', async () => {
      const before = this.db.data;
      const entries = Object.fromEntries(Object.entries(before.entries).filter(([, e]) => Date.parse(e.updatedAt) > since.getTime()));
      const k = key(conversation, code);
      const wrong = (entries[k]?.wrong ?? 0) + 1;
      entries[k] = { wrong, updatedAt: at.toISOString() };
      this.db.data = { version: 1, entries };
      try {
        await this.db.write();
      } catch (err) {
        this.db.data = before;
        throw err;
      }
      return wrong;
    });
  }

  close(): Promise<void> {
    return this.queue.idle();
  }
}

function key(conversation: string, code: string): string {
  return `${conversation} ${code}`;
}
