import path from 'node:path';
import { loadReplies } from '../answers/replies.js';
import { PROJECT_ROOT } from '../config.js';
import { dossierCodePattern } from '../nlu/dossier-code.js';

// Personal data never goes into logs in clear: phone numbers, id numbers, dossier codes and
// people's names are masked wherever user text is logged or stored for staff. What they are
// replaced with is said in intents/responses/vi.yaml (maskNumber, maskEmail, maskName,
// maskDossierCode): staff and citizens read it in the inbox, tickets and the stored chat.

// 9–12 digit runs, possibly grouped by spaces, dots or dashes: phone and id numbers.
const LONG_NUMBER = /(?<![\d+])(?:\+?84[\s.-]?|0)?(?:\d[\s.-]?){8,11}\d(?![\d])/g;
const EMAIL = /[\w.+-]+@[\w-]+(?:\.[\w-]+)+/g;
// 4 digits or more on their own: the last digits of a phone or id number a citizen typed.
const SHORT_NUMBER = /(?<![\d])\d(?:[\s.]?\d){3,}(?![\d])/g;

// A name: a common Vietnamese family name followed by one to three capitalised words, or two to
// four capitalised words after a cue such as "tôi là", "tên là", "họ tên". Citizens type their
// own names into chat; a free-text name without either sign is not recognised.
const WORD = '\\p{Lu}[\\p{Ll}\\p{M}]*';
// Family names that also begin place names (Hà Nội, Cao Bằng, Thái Bình…) are left out.
const FAMILY_NAMES = 'Nguyễn|Trần|Lê|Phạm|Hoàng|Huỳnh|Phan|Vũ|Võ|Đặng|Bùi|Đỗ|Ngô|Dương|Lý|Trương|Đinh|Đoàn|Trịnh|Lương|Tạ|Quách|Lưu|Triệu';
const NAME_AFTER_FAMILY = new RegExp(`(?<![\\p{L}])(?:${FAMILY_NAMES})(?:\\s+${WORD}){1,3}(?![\\p{L}])`, 'gu');
const NAME_AFTER_CUE = new RegExp(`((?:[Tt]ôi|[Ee]m|[Mm]ình|[Tt]ên(?: tôi| em| mình| của tôi)?)\\s+là|[Hh]ọ(?: và)? tên\\s*:?|[Tt]ên\\s*:)\\s*${WORD}(?:\\s+${WORD}){1,3}(?![\\p{L}])`, 'gu');

export interface MaskOptions {
  /** Leave dossier codes readable (a help-desk transcript needs them; a process log does not). */
  keepDossierCodes?: boolean;
  /** Also mask runs of 4 digits or more (what a citizen types is masked this way). */
  shortNumbers?: boolean;
  /** Leave people's names (an officer's own name, which the audit log is there to record). */
  keepNames?: boolean;
}

/** The kinds of masked data, and the reply that says what each reads as. */
const PLACEHOLDER_REPLIES = { number: 'maskNumber', email: 'maskEmail', name: 'maskName', dossierCode: 'maskDossierCode' } as const;
export type MaskKind = keyof typeof PLACEHOLDER_REPLIES;
let placeholders: Map<MaskKind, string> | undefined;

/** What masked data of a kind reads as ("[số]"), from the replies (read once). */
export function maskPlaceholder(kind: MaskKind): string {
  if (!placeholders) {
    const replies = loadReplies(path.join(PROJECT_ROOT, 'intents', 'responses', 'vi.yaml'));
    placeholders = new Map(Object.entries(PLACEHOLDER_REPLIES).map(([k, id]) => [k as MaskKind, replies.say(id)]));
  }
  return placeholders.get(kind) ?? '';
}

export function maskPersonalData(text: string, options: MaskOptions = {}): string {
  const mask = maskPlaceholder;
  let masked = text;
  const codes: string[] = [];
  // Codes are set aside first so that their digits are not taken for phone numbers.
  masked = masked.replace(dossierCodePattern(), (code) => {
    codes.push(code);
    return `\u0000${codes.length - 1}\u0000`;
  });
  masked = masked.replace(EMAIL, () => mask('email')).replace(LONG_NUMBER, () => mask('number'));
  if (!options.keepNames) masked = masked.replace(NAME_AFTER_CUE, (_whole, cue: string) => `${cue} ${mask('name')}`).replace(NAME_AFTER_FAMILY, () => mask('name'));
  if (options.shortNumbers) masked = masked.replace(SHORT_NUMBER, () => mask('number'));
  return masked.replace(/\u0000(\d+)\u0000/g, (_whole, i: string) => (options.keepDossierCodes ? codes[Number(i)] ?? '' : mask('dossierCode')));
}
