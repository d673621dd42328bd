import { AppError } from '../errors.js';

// Who may act on a ticket an officer holds: that officer only. Officers are told apart by the
// name they gave (X-Officer), so the comparison forgives case, spacing and Unicode form.

/** The same officer, whatever the case, spacing or Unicode form of the name. */
export function sameOfficer(a: string | null | undefined, b: string | null | undefined): boolean {
  const key = (name: string | null | undefined) => (name ?? '').normalize('NFC').trim().replace(/\s+/g, ' ').toLocaleLowerCase('vi');
  return key(a) !== '' && key(a) === key(b);
}

/**
 * A claim whose holder has neither claimed nor replied for `lapseMs` has lapsed: the officer
 * went away (closed the page, ended the shift), and the ticket must not stay held for ever.
 */
export function claimLapsed(ticket: { claim?: { officer: string; at: string } | null | undefined; replies: Array<{ at: string; officer: string | null }> }, now: Date, lapseMs: number): boolean {
  const claim = ticket.claim;
  if (!claim) return false;
  const holderReplies = ticket.replies.filter((r) => sameOfficer(r.officer, claim.officer)).map((r) => r.at);
  const lastSign = [claim.at, ...holderReplies].sort().at(-1)!;
  return now.getTime() - Date.parse(lastSign) >= lapseMs;
}

/** Refuses a change by anyone but the officer holding the ticket (a free ticket takes anyone). */
export function assertHolder(ticket: { claim?: { officer: string; at: string } | null | undefined }, officer: string | null): void {
  const holder = ticket.claim?.officer;
  if (holder && !sameOfficer(holder, officer)) {
    throw new AppError('TICKET_HELD', `Officer ${holder} holds this ticket since ${ticket.claim?.at}.`, { details: { holder, since: ticket.claim?.at } });
  }
}
