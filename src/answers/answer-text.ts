// Text helpers for answers: counting words as a reader does, shortening to fit a budget.

export function withoutBrackets(lines: string[]): string[] {
  return lines.map((l) => l.replace(/\s*\([^)]*\)/g, ''));
}

/** Each line's text after its label ("- Lệ phí…: ") cut to its first sentence ("TP. Hồ Chí Minh" is no end). */
export function firstSentences(lines: string[]): string[] {
  return lines.map((line) => {
    const at = line.indexOf(': ');
    const [label, rest] = at < 0 ? ['', line] : [line.slice(0, at + 2), line.slice(at + 2)];
    return label + rest.replace(/(?<=[\p{Ll}\p{N})]{2})[.;]\s.*$/u, '.');
  });
}

/** The text up to its first "." or ";", without what is in brackets when `plain`. */
export function firstClause(text: string, plain = false): string {
  const clause = (/^[^;.]+/.exec(text)?.[0] ?? text).trim();
  return plain ? clause.replace(/\s*\([^)]*\)/g, '').trim() : clause;
}

/** Words as a reader counts them: Markdown marks are not words. */
export function words(lines: string[]): number {
  return lines.join(' ').replace(/[*_`#>]/g, ' ').split(/\s+/).filter((w) => /[\p{L}\p{N}]/u.test(w)).length;
}

export function lowerFirst(text: string): string {
  // Keep acronyms and proper names ("UBND", "Giấy…" stays when the second letter is upper case).
  return /^[A-ZÀ-Ỹ][a-zà-ỹ]/.test(text) ? text[0]!.toLowerCase() + text.slice(1) : text;
}

/** "Luật Căn cước số 26/2023/QH15 (Điều 21, 24)" → "Luật Căn cước số 26/2023/QH15". */
export function shortDocument(document: string): string {
  const plain = document.replace(/\s*\([^)]*\)/g, '').trim();
  const numbered = /^(.*?\d+\/\d{4}\/[\p{L}\p{N}-]+)/u.exec(plain);
  return (numbered?.[1] ?? plain).replace(/[,;.]\s*$/, '');
}
