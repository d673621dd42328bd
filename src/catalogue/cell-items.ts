// Splits a free-text cell of a catalogue into items, keeping the words as written: numbered
// or bulleted lists ("1.", "2)", "a)", "-", "+", "•"), one item per line otherwise. Lines under
// a marker of another kind (the "a)" under a "1.") stay in their item. A single line holding
// a numbered list ("1. Tờ khai 2. Bản sao") is split at its numbers when they count up.

type Marker = 'number' | 'letter' | 'bullet';

const LINE_MARKER = /^\s*(?:(\d{1,2})\s*[.):]|([a-zđ])\s*[).]|([-+•*–—·▪◦●]))\s+/iu;

function markerOf(line: string): { kind: Marker; rest: string } | null {
  const m = LINE_MARKER.exec(line);
  if (!m) return null;
  // "a." only as a marker in a list of letters: "A. Nguyễn" is rare in a catalogue, but a
  // sentence opening "Đ." would not be; letters need the closing parenthesis or a following capital.
  if (m[2] && !/\)/.test(m[0]) && !/^\p{Lu}/u.test(line.slice(m[0].length))) return null;
  return { kind: m[1] ? 'number' : m[2] ? 'letter' : 'bullet', rest: line.slice(m[0].length) };
}

/** Trailing separators a list item carries in the catalogue (";", ","), and surrounding space. */
function clean(item: string): string {
  return item.replace(/\s+/g, ' ').trim().replace(/[;,]+$/u, '').trim();
}

export function splitItems(text: string | undefined): string[] {
  if (!text?.trim()) return [];
  const lines = text.replace(/\r\n?/g, '\n').split('\n').map((l) => l.trim()).filter(Boolean);
  if (lines.length === 1) {
    const inline = inlineNumbered(lines[0]!);
    if (inline.length > 1) return inline.map(clean).filter(Boolean);
  }
  let primary: Marker | undefined;
  const items: string[] = [];
  for (const line of lines) {
    const marker = markerOf(line);
    if (marker && !primary) primary = marker.kind;
    if (marker && marker.kind === primary) items.push(marker.rest);
    else if (primary && items.length) items[items.length - 1] += `\n${line}`;
    else items.push(line);
  }
  return items.map(clean).filter(Boolean);
}

/** "1. Tờ khai; 2. Bản sao" on one line: split at "2.", "3."... when they follow one another. */
function inlineNumbered(line: string): string[] {
  const starts: Array<{ at: number; length: number }> = [];
  const pattern = /(?:^|[\s;,.])(\d{1,2})\s*[.)]\s+/g;
  let expected = 1;
  for (let m = pattern.exec(line); m; m = pattern.exec(line)) {
    if (Number(m[1]) !== expected) continue;
    const at = m.index + (m[0].length - m[0].trimStart().length);
    starts.push({ at, length: m[0].trimStart().length });
    expected++;
  }
  if (starts.length < 2 || (starts[0]!.at > 0 && line.slice(0, starts[0]!.at).trim())) return [line];
  return starts.map((s, i) => line.slice(s.at + s.length, starts[i + 1]?.at ?? line.length));
}

/** A cell as one text: its lines joined, spaces collapsed. */
export function cellText(text: string | undefined): string {
  return (text ?? '').replace(/\s*\r?\n\s*/g, '; ').replace(/\s+/g, ' ').replace(/^[;\s]+|[;\s]+$/g, '').trim();
}
