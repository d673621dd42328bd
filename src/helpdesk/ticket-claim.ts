import { AppError } from '../errors.js';

// Who may act on a ticket an officer holds: that officer only. Officers are told apart by the
// name they gave (X-Officer), so the comparison forgives case, spacing and Unicode form.

/** The same officer, whatever the case, spacing or Unicode form of the name. */
export function sameOfficer(a: string | null | undefined, b: string | null | undefined): boolean {
  const key = (name: string | null | undefined) => (name ?? '').normalize('NFC').trim().replace(/\s+/g, ' ').toLocaleLowerCase('vi');
  return key(a) !== '' && key(a) === key(b);
}

/** Refuses a change by anyone but the officer holding the ticket (a free ticket takes anyone). */
export function assertHolder(ticket: { claim?: { officer: string; at: string } | null | undefined }, officer: string | null): void {
  const holder = ticket.claim?.officer;
  if (holder && !sameOfficer(holder, officer)) {
    throw new AppError('TICKET_HELD', `Officer ${holder} holds this ticket since ${ticket.claim?.at}.`, { details: { holder, since: ticket.claim?.at } });
  }
}
