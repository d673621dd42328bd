import { randomInt } from 'node:crypto';

// A handoff ticket's code, e.g. "HT-7K3M9Q": short enough to note down, random enough that
// guessing one (it opens the officer's replies) is hopeless under the lookup limits. The
// alphabet leaves out 0/O, 1/I/L so that a code read aloud or copied by hand survives.

const ALPHABET = 'ABCDEFGHJKMNPQRSTUVWXYZ23456789';
const LENGTH = 6;
const CANONICAL = new RegExp(`^HT-[${ALPHABET}]{${LENGTH}}$`);
const IN_TEXT = new RegExp(String.raw`(?<![A-Za-z0-9])HT\s*[-–—_]?\s*([A-Za-z0-9]{${LENGTH}})(?![A-Za-z0-9])`, 'iu');
const LOOSE_IN_TEXT = /(?<![A-Za-z0-9])HT\s*[-–—_]\s*[A-Za-z0-9]{1,12}(?![A-Za-z0-9])/iu;

/** The ticket code shape, for messages that tell a citizen what to type. */
export const TICKET_CODE_EXAMPLE = 'HT-7K3M9Q';

export function newTicketCode(): string {
  let code = 'HT-';
  for (let i = 0; i < LENGTH; i += 1) code += ALPHABET[randomInt(ALPHABET.length)];
  return code;
}

export function isTicketCode(code: string): boolean {
  return CANONICAL.test(code);
}

/** "ht 7k3m9q", "HT–7K3M9Q" → "HT-7K3M9Q"; null when the text holds no ticket code of the right shape. */
export function extractTicketCode(text: string): string | null {
  const match = IN_TEXT.exec(text.normalize('NFKC'));
  return match?.[1] ? `HT-${match[1].toUpperCase()}` : null;
}

/** True when the text holds something meant as a ticket code ("HT-12"), valid or not. */
export function mentionsTicketCode(text: string): boolean {
  return LOOSE_IN_TEXT.test(text.normalize('NFKC')) || extractTicketCode(text) !== null;
}
