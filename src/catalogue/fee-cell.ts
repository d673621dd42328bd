import type { ProcedureFee } from '../knowledge/schema.js';
import { foldText } from '../text/fold.js';

// Reads the "Phí, lệ phí" cell into fee lines. Amounts are read only where the cell says they
// are money: "50.000 đồng", "50.000đ", "1.500.000 VNĐ", "50 nghìn", "1,5 triệu"; "Không",
// "Không thu", "Miễn phí" read as free. Several amounts become several lines, each labelled by
// the words before it ("Cấp mới 100.000 đồng, cấp lại 50.000 đồng"); "miễn cho …" after an
// amount is an exemption. Anything else stays as written (amount null), never guessed.

export interface FeeCell {
  fees: ProcedureFee[];
  exemptions: string[];
}

/** A number, then a word that makes it money. Vietnamese groups thousands with "." (or " "), decimals with ",". */
const AMOUNT = /(\d{1,3}(?:[.\s]\d{3})+|\d+)(?:,(\d+))?\s*(triệu đồng|triệu|tr|nghìn đồng|ngàn đồng|nghìn|ngàn|k|đồng|đ|vnđ|vnd)(?![\p{L}\d])/giu;
const MULTIPLIER: Record<string, number> = { triệu: 1_000_000, tr: 1_000_000, nghìn: 1000, ngàn: 1000, k: 1000 };

/** Whole segments that say there is nothing to pay. */
const FREE = new Set(['khong', 'khong thu', 'khong co', 'khong thu phi', 'khong thu le phi', 'khong mat phi', 'mien', 'mien phi', 'mien le phi', 'mien phi le phi', 'khong quy dinh', '0', 'khong dong']);
const FREE_LABELS = /^(phi|le phi|phi le phi|muc thu|muc phi)$/;

interface Amount {
  start: number;
  end: number;
  amount: number;
}

function amountsIn(segment: string): Amount[] {
  const out: Amount[] = [];
  for (const m of segment.matchAll(AMOUNT)) {
    const whole = Number((m[1] ?? '').replace(/[.\s]/g, ''));
    const fraction = m[2] ? Number(`0.${m[2]}`) : 0;
    const unit = (m[3] ?? '').toLowerCase().split(' ')[0] ?? '';
    const multiplier = MULTIPLIER[unit] ?? 1;
    // "50.000,5 đồng" is not money anyone charges; a fraction needs a multiplier ("1,5 triệu").
    if (fraction && multiplier === 1) continue;
    const amount = Math.round((whole + fraction) * multiplier);
    if (!Number.isSafeInteger(amount)) continue;
    out.push({ start: m.index, end: m.index + m[0].length, amount });
  }
  return out;
}

/** Words before an amount, as its label: without separators and "là", "mức thu". */
function labelOf(text: string): string {
  return text.replace(/^[\s,;:.–—-]+|[\s,;:=.–—-]+$/gu, '').replace(/\s+(là|mức thu|mức|thu)$/iu, '').replace(/[\s:]+$/u, '').trim();
}

function segmentsOf(cell: string): string[] {
  return cell.split(/\r?\n|;|(?:^|\s)[-+•]\s/u).map((s) => s.replace(/^\s*(?:\d{1,2}|[a-z])[.)]\s+/iu, '').trim()).filter(Boolean);
}

function upperFirst(text: string): string {
  return text ? text[0]!.toUpperCase() + text.slice(1) : text;
}

/** `defaultLabel`: the column's header as the file writes it, for amounts the cell does not label. */
export function readFeeCell(cell: string | undefined, defaultLabel: string): FeeCell {
  const fees: ProcedureFee[] = [];
  const exemptions: string[] = [];
  const segments = segmentsOf(cell ?? '');
  const unread: string[] = [];
  for (const segment of segments) {
    const folded = foldText(segment).replace(/[.!]+$/, '');
    const amounts = amountsIn(segment);
    if (!amounts.length) {
      // "Lệ phí: Không", "Không thu", "Miễn phí"
      const [label, value] = folded.includes(':') ? folded.split(/:\s*/, 2) : ['', folded];
      if (FREE.has((value ?? '').trim()) && (!label || FREE_LABELS.test(label) || /phi/.test(label))) {
        fees.push({ label: label ? upperFirst(labelOf(segment.split(':')[0] ?? '')) : defaultLabel, amount: 0 });
      } else if (/^mien\b/.test(folded) && folded !== 'mien') {
        exemptions.push(upperFirst(segment.replace(/[.;]+$/u, '')));
      } else {
        unread.push(segment);
      }
      continue;
    }
    let from = 0;
    amounts.forEach((a, i) => {
      const label = labelOf(segment.slice(from, a.start)) || (i > 0 ? fees[fees.length - 1]?.label : undefined) || defaultLabel;
      const trailing = i === amounts.length - 1 ? segment.slice(a.end).trim() : '';
      const fee: ProcedureFee = { label: upperFirst(label), amount: a.amount };
      if (trailing && !/^[.,;]*$/.test(trailing)) fee.note = segment;
      fees.push(fee);
      from = a.end;
    });
  }
  // What could not be read stays as written: one line, amount unknown.
  if (unread.length) fees.push({ label: unread.join('; '), amount: null });
  return { fees, exemptions };
}
