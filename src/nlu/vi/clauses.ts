// A message cut into clauses at sentence ends and commas, before tokenising (the tokenizer drops
// punctuation): "Bà nội tôi mất được 3 tháng. Việc đó làm ở đâu?" is two clauses, the second
// asked. A full stop cuts only before a space or the end ("TP.HCM", "59A-123.45" stay whole),
// a comma only outside a number ("1,5 triệu").

/** One clause of a normalised question: its words are words[start, end). */
export interface Clause {
  start: number;
  end: number;
  /** It ends with a question mark. */
  asked: boolean;
}

const BOUNDARY = /[?!;…\n]+|\.+(?=\s|$)|,(?!\d)|(?<!\d),/gu;

/** The message's clauses as text, in order, each with whether it ends with "?". */
export function splitClauses(text: string): Array<{ text: string; asked: boolean }> {
  const out: Array<{ text: string; asked: boolean }> = [];
  let at = 0;
  for (const m of text.matchAll(BOUNDARY)) {
    const piece = text.slice(at, m.index);
    if (piece.trim()) out.push({ text: piece, asked: m[0].includes('?') });
    else if (m[0].includes('?') && out.length) out[out.length - 1]!.asked = true;
    at = m.index + m[0].length;
  }
  const rest = text.slice(at);
  if (rest.trim()) out.push({ text: rest, asked: false });
  return out;
}
