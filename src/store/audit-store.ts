import { z } from 'zod';

// The audit log: who looked at which dossier or ticket, and when. Append-only: an entry,
// once kept, stays as it was. Entries hold no citizen's name, phone or id number (the help desk's
// AuditLog masks what it is given before it appends).

export const AUDIT_ACTIONS = [
  'dossier.view', 'dossier.overdue', 'ticket.list', 'ticket.view', 'ticket.reply', 'ticket.close',
  'ticket.claim', 'ticket.release', 'ticket.handback', 'ticket.stream',
  'citizen.lookup', 'citizen.verify', 'citizen.ticket', 'citizen.handoff',
  'procedure.edit', 'procedure.revert',
] as const;
export type AuditAction = (typeof AUDIT_ACTIONS)[number];

export const auditEntrySchema = z.object({
  at: z.string(),
  action: z.enum(AUDIT_ACTIONS),
  /** `helpdesk` for an officer through the API, `citizen` for the chat, `admin` for the staff page's API. */
  actor: z.enum(['helpdesk', 'citizen', 'admin']),
  /** The officer's name as sent in X-Officer, when they gave one. */
  officer: z.string().optional(),
  /** The staff client's address (never a citizen's). */
  ip: z.string().optional(),
  /** The chat conversation, for a citizen's action. */
  conversation: z.string().optional(),
  /** A dossier code (canonical) or a ticket code; masked when it was not a valid code. */
  target: z.string().optional(),
  /** The procedure staff edited (its id in the knowledge base). */
  procedure: z.string().optional(),
  /** The top-level fields of the procedure that an edit changed. */
  fields: z.array(z.string()).optional(),
  /** ok, not_found, bad_code, portal_down, wrong, locked, limited… */
  outcome: z.string(),
  count: z.number().int().nonnegative().optional(),
});
export type AuditEntry = z.infer<typeof auditEntrySchema>;

export interface AuditStore {
  /** Appends one entry; appends run one at a time, in order, and each is kept before it settles. */
  append(entry: AuditEntry): Promise<void>;
  /** Every entry so far, oldest first. */
  entries(): Promise<AuditEntry[]>;
  close(): Promise<void>;
}
