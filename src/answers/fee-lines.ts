import type { ProcedureCase, ProcedureFee } from '../knowledge/schema.js';
import type { Situation } from '../nlu/situation/situation.js';
import type { Replies } from './replies.js';
import { fitOf } from './select-case.js';

// A case's fees as the citizen's situation sees them: only the lines that apply (an area, a
// vehicle), the amount online or in person when the citizen said which.

const money = new Intl.NumberFormat('vi-VN');

export function formatAmount(amount: number | null, replies: Replies): string {
  return amount === null ? replies.say('feeUnknown') : amount === 0 ? replies.say('feeFree') : replies.say('feeAmount', { amount: money.format(amount) });
}

/** "Label: **amount** (nộp trực tuyến: …) — note", as the guide's checklist shows a fee. */
export function formatFee(fee: ProcedureFee, replies: Replies): string {
  // A catalogue's fee that could not be read as an amount: its words, as written.
  if (fee.amount === null && !fee.note) return fee.label;
  const parts = [`${fee.label}: **${formatAmount(fee.amount, replies)}**`];
  if (fee.onlineAmount !== undefined && fee.onlineAmount !== null && fee.onlineAmount !== fee.amount) {
    parts.push(`(${replies.say('feeOnline', { amount: formatAmount(fee.onlineAmount, replies) })})`);
  }
  if (fee.note) parts.push(`— ${fee.note}`);
  return parts.join(' ');
}

/** The fee lines of a case that the situation does not rule out (all of them when it rules out every one). */
export function applicableFees(c: ProcedureCase, situation: Situation): ProcedureFee[] {
  const fitting = c.fees.filter((f) => fitOf(f.select, situation).fits);
  return fitting.length ? fitting : c.fees;
}

/** The amount to say for a fee line: online or in person when the citizen said which, else both. */
export function amountText(fee: ProcedureFee, situation: Situation, replies: Replies): string {
  const online = fee.onlineAmount ?? null;
  const hasOnline = fee.onlineAmount !== undefined && online !== fee.amount;
  if (hasOnline && situation.channel === 'online' && online !== null) return replies.say('feeOnlineOnly', { amount: formatAmount(online, replies) });
  const amount = `**${formatAmount(fee.amount, replies)}**`;
  if (!hasOnline || situation.channel === 'inPerson' || online === null) return amount;
  return `${amount} (${replies.say('feeOnline', { amount: formatAmount(online, replies) })})`;
}

/** The amounts of a case in a few words, for a one-line-per-case summary. */
export function amountsInShort(c: ProcedureCase, situation: Situation, replies: Replies): string {
  const known = [...new Set(applicableFees(c, situation).map((f) => f.amount).filter((a): a is number => a !== null))].sort((a, b) => a - b);
  if (!known.length) return replies.say('feeUnknown');
  if (known.length > 2) return replies.say('feeRange', { from: formatAmount(known[0]!, replies), to: formatAmount(known.at(-1)!, replies) });
  return known.map((a) => formatAmount(a, replies)).join(replies.say('orWord'));
}
