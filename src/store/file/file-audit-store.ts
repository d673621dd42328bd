import { mkdir, open, readFile, type FileHandle } from 'node:fs/promises';
import path from 'node:path';
import { auditEntrySchema, type AuditEntry, type AuditStore } from '../audit-store.js';

// The audit log as one JSON object per line in DATA_DIR/audit.jsonl. The file is opened for
// appending only (O_APPEND) and never rewritten; it is readable by its owner only. Each line
// reaches the disk (fdatasync) before its append settles.

export const AUDIT_FILE = 'audit.jsonl';

export class FileAuditStore implements AuditStore {
  private chain: Promise<unknown> = Promise.resolve();
  private closed = false;

  private constructor(private readonly file: string, private readonly handle: FileHandle) {}

  static async open(dataDir: string): Promise<FileAuditStore> {
    await mkdir(dataDir, { recursive: true });
    const file = path.join(dataDir, AUDIT_FILE);
    return new FileAuditStore(file, await open(file, 'a', 0o600));
  }

  append(entry: AuditEntry): Promise<void> {
    const line = `${JSON.stringify(entry)}\n`;
    const write = this.chain.then(async () => {
      if (this.closed) throw new Error('the audit log is closed');
      await this.handle.appendFile(line, 'utf8');
      await this.handle.datasync();
    });
    this.chain = write.catch(() => undefined);
    return write;
  }

  /** Lines that do not parse (written by something else) are skipped. */
  async entries(): Promise<AuditEntry[]> {
    await this.chain;
    const text = await readFile(this.file, 'utf8');
    return text.split('\n').filter(Boolean).flatMap((line) => {
      try {
        const parsed = auditEntrySchema.safeParse(JSON.parse(line));
        return parsed.success ? [parsed.data] : [];
      } catch {
        return [];
      }
    });
  }

  async close(): Promise<void> {
    if (this.closed) return;
    await this.chain;
    this.closed = true;
    await this.handle.close();
  }
}
