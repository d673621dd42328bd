import { auditEntrySchema, type AuditEntry, type AuditStore } from '../audit-store.js';
import type { PgDatabase } from './pg-database.js';

// The audit log in audit_log, append-only (the table's triggers refuse updates, deletes and
// truncation). Entries made meanwhile are written together, in the order they were made,
// by one INSERT; each append settles once its entry is committed.

interface Waiting {
  entry: AuditEntry;
  resolve: () => void;
  reject: (err: unknown) => void;
}

const INSERT = 'INSERT INTO audit_log (entry) SELECT e FROM unnest($1::json[]) WITH ORDINALITY AS t(e, n) ORDER BY n';

export class PgAuditStore implements AuditStore {
  private waiting: Waiting[] = [];
  private writing: Promise<void> | undefined;
  private closed = false;

  constructor(private readonly db: PgDatabase) {}

  append(entry: AuditEntry): Promise<void> {
    if (this.closed) return Promise.reject(new Error('the audit log is closed'));
    return new Promise<void>((resolve, reject) => {
      this.waiting.push({ entry, resolve, reject });
      if (!this.writing) this.writing = this.write();
    });
  }

  async entries(): Promise<AuditEntry[]> {
    await this.writing;
    const { rows } = await this.db.query<{ entry: unknown }>('SELECT entry FROM audit_log ORDER BY seq');
    return rows.flatMap((r) => {
      const parsed = auditEntrySchema.safeParse(r.entry);
      return parsed.success ? [parsed.data] : [];
    });
  }

  async close(): Promise<void> {
    this.closed = true;
    await this.writing;
  }

  private async write(): Promise<void> {
    while (this.waiting.length) {
      const batch = this.waiting;
      this.waiting = [];
      try {
        await this.db.query(INSERT, [batch.map((w) => JSON.stringify(w.entry))]);
        for (const w of batch) w.resolve();
      } catch (err) {
        for (const w of batch) w.reject(err);
      }
    }
    this.writing = undefined;
  }
}
