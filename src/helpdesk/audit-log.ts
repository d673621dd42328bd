import { open, readFile, type FileHandle } from 'node:fs/promises';
import { mkdirSync } from 'node:fs';
import path from 'node:path';
import { z } from 'zod';
import type { Logger } from '../log/logger.js';
import { maskPersonalData } from '../log/mask.js';
import { canonicalDossierCode, isDossierCode } from '../nlu/dossier-code.js';
import { isTicketCode } from './ticket-code.js';

// Who looked at which dossier or ticket, and when: one JSON object per line in
// DATA_DIR/audit.jsonl. The file is opened for appending only (O_APPEND) and never rewritten,
// so an entry, once written, stays as it was; it is readable by its owner only.
// No entry holds a citizen's name, phone or id number: free text is masked before it is
// written (the officer's own name is kept: it says who did what), and what an officer typed
// in a reply is recorded by its length, not its words.

export const AUDIT_FILE = 'audit.jsonl';

export const AUDIT_ACTIONS = [
  'dossier.view', 'dossier.overdue', 'ticket.list', 'ticket.view', 'ticket.reply', 'ticket.close',
  'ticket.claim', 'ticket.release', 'ticket.handback', 'ticket.stream',
  'citizen.lookup', 'citizen.verify', 'citizen.ticket', 'citizen.handoff',
] as const;
export type AuditAction = (typeof AUDIT_ACTIONS)[number];

export const auditEntrySchema = z.object({
  at: z.string(),
  action: z.enum(AUDIT_ACTIONS),
  /** `helpdesk` for an officer through the API, `citizen` for the chat. */
  actor: z.enum(['helpdesk', 'citizen']),
  /** The officer's name as sent in X-Officer, when they gave one. */
  officer: z.string().optional(),
  /** The staff client's address (never a citizen's). */
  ip: z.string().optional(),
  /** The chat conversation, for a citizen's action. */
  conversation: z.string().optional(),
  /** A dossier code (canonical) or a ticket code; masked when it was not a valid code. */
  target: z.string().optional(),
  /** ok, not_found, bad_code, portal_down, wrong, locked, limited… */
  outcome: z.string(),
  count: z.number().int().nonnegative().optional(),
});
export type AuditEntry = z.infer<typeof auditEntrySchema>;

const MAX_FIELD = 120;

export class AuditLog {
  private chain: Promise<unknown> = Promise.resolve();
  private closed = false;

  private constructor(private readonly file: string, private readonly handle: FileHandle, private readonly logger: Logger) {}

  static async open(dataDir: string, logger: Logger): Promise<AuditLog> {
    mkdirSync(dataDir, { recursive: true });
    const file = path.join(dataDir, AUDIT_FILE);
    return new AuditLog(file, await open(file, 'a', 0o600), logger);
  }

  /**
   * Appends one entry (time added here). Entries are written one at a time, in order, and
   * each reaches the disk before the promise settles. A failed write is logged, not thrown:
   * the officer's answer does not depend on it.
   */
  record(entry: Omit<AuditEntry, 'at'>): Promise<void> {
    const line = `${JSON.stringify(sanitise({ at: new Date().toISOString(), ...entry }))}\n`;
    const write = this.chain.then(async () => {
      if (this.closed) throw new Error('the audit log is closed');
      await this.handle.appendFile(line, 'utf8');
      await this.handle.datasync();
    });
    this.chain = write.catch((err: unknown) => {
      this.logger.error({ err: { name: (err as Error)?.name }, file: this.file, action: entry.action }, 'audit entry not written');
    });
    return this.chain.then(() => undefined);
  }

  /** Every entry so far, oldest first (for tests and tools; lines that do not parse are skipped). */
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

/** Short, masked free-text fields: nothing a caller passes can put personal data in the file. */
function sanitise(entry: AuditEntry): AuditEntry {
  const { officer, target, outcome, ip, ...rest } = entry;
  return {
    ...rest,
    outcome: clean(outcome),
    // The officer's own name is what the entry is for; numbers and e-mails in it are still masked.
    ...(officer === undefined ? {} : { officer: clean(officer, { keepNames: true }) }),
    ...(target === undefined ? {} : { target: cleanTarget(target) }),
    ...(ip === undefined ? {} : { ip: ip.slice(0, 64) }),
  };
}

function clean(value: string, options: { keepNames?: boolean } = {}): string {
  return maskPersonalData(value, { keepDossierCodes: true, shortNumbers: true, ...options }).slice(0, MAX_FIELD);
}

/** A valid code is kept as the record of what was opened; anything else typed is masked. */
function cleanTarget(target: string): string {
  if (isTicketCode(target)) return target;
  if (isDossierCode(target)) return canonicalDossierCode(target);
  return clean(target);
}
