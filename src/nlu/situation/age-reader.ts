import type { NormalizedText } from '../vi/normalize.js';
import type { Lexicon } from '../vi/lexicon.js';
import type { SituationCuesFile } from './cues-file.js';
import { NumberWords } from './number-words.js';
import { PhraseSet } from './phrase-set.js';
import { ageValue, MAX_AGE, type AgeValue } from './situation.js';

// The age in a message: "12 tuổi", "bé mới 4 tuổi", "dưới 14", "đã 60 tuổi", "học lớp 3",
// "sinh năm 2010" (relative to today), "mới sinh", "người cao tuổi". The words are data
// (the `age` section of intents/situation/vi.yaml).

type AgeWord = 'unit' | 'months' | 'below' | 'above' | 'atLeast' | 'upward' | 'downward' | 'person' | 'otherUnit'
  | 'grade' | 'birthYear' | 'newborn' | 'elderly';

const SECTIONS: ReadonlyArray<[AgeWord, keyof SituationCuesFile['age']]> = [
  ['unit', 'units'], ['months', 'months'], ['below', 'below'], ['above', 'above'], ['atLeast', 'atLeast'],
  ['upward', 'upward'], ['downward', 'downward'], ['person', 'persons'], ['otherUnit', 'otherUnits'], ['grade', 'grade'], ['birthYear', 'birthYear'], ['newborn', 'newborn'], ['elderly', 'elderly'],
];

/** Grade N at school is N + 5 years old (grade 1 in the year one turns 6). */
const GRADE_TO_AGE = 5;
const MAX_GRADE = 12;
const EARLIEST_BIRTH_YEAR = 1900;

/** Whom a message is about. */
export type AgeSubject = 'child' | 'adult';

/** An age said in words [start, end); `at` where its number (or phrase) is; `numeric` when said with a number. */
interface Found { value: AgeValue; at: number; start: number; end: number; numeric: boolean }

export class AgeReader {
  private readonly words: PhraseSet<AgeWord>;
  /** Child words apart: a child word is also a person word. */
  private readonly children: PhraseSet<true>;
  private readonly numbers: NumberWords;

  constructor(private readonly cues: SituationCuesFile['age'], lexicon: Lexicon) {
    const entries: Array<[AgeWord, string]> = [];
    for (const [tag, key] of SECTIONS) {
      const list = cues[key];
      if (Array.isArray(list)) for (const p of list) if (typeof p === 'string') entries.push([tag, p]);
    }
    this.words = new PhraseSet(entries, lexicon);
    this.children = new PhraseSet(cues.children.map((c) => [true, c] as const), lexicon);
    this.numbers = new NumberWords(cues, lexicon);
  }

  read(text: NormalizedText, today: Date): AgeValue | undefined {
    const found = this.find(text, today);
    if (!found.length) return undefined;
    // Two ages ("tôi 35 tuổi, con 12 tuổi"): the one said of a child is the one asked about.
    const ofChild = found.find((f) => this.afterChild(text, f.at));
    return (ofChild ?? found[0]!).value;
  }

  /**
   * Whom the message is about, for the age said before: a child ("con", "bé", "cháu"), or an
   * adult ("tôi", "mẹ tôi", "vợ") when it names a person and no child; undefined when it names none.
   */
  subject(text: NormalizedText): AgeSubject | undefined {
    const children = this.children.findAll(text);
    if (children.length) return 'child';
    return this.words.findAll(text).some((h) => h.tag === 'person') ? 'adult' : undefined;
  }

  /** The words that state an age with a number ("dưới 14 tuổi", "lớp 3", "sinh năm 2010"). */
  numericAgeWords(text: NormalizedText, today: Date): number[] {
    return this.find(text, today).filter((f) => f.numeric).flatMap((f) => Array.from({ length: f.end - f.start }, (_, k) => f.start + k));
  }

  private find(text: NormalizedText, today: Date): Found[] {
    const found: Found[] = [];
    const hasPerson = this.words.findAll(text).some((h) => h.tag === 'person') || this.children.findAll(text).length > 0;
    for (let i = 0; i < text.folded.length; i++) {
      const hit = this.words.at(text, i);
      if (hit?.tag === 'newborn') found.push({ value: 0, at: i, start: i, end: hit.end, numeric: false });
      if (hit?.tag === 'elderly') found.push({ value: { min: this.cues.elderlyAge }, at: i, start: i, end: hit.end, numeric: false });
      if (hit?.tag === 'grade') {
        const n = this.numbers.at(text, hit.end)?.n;
        if (n !== undefined && n >= 1 && n <= MAX_GRADE) found.push({ value: n + GRADE_TO_AGE, at: i, start: i, end: hit.end + 1, numeric: true });
      }
      if (hit?.tag === 'birthYear') {
        const year = this.numbers.at(text, hit.end)?.n;
        const now = today.getFullYear();
        if (year !== undefined && year >= EARLIEST_BIRTH_YEAR && year <= now) {
          found.push({ value: ageValue(now - year - 1, now - year), at: i, start: i, end: hit.end + 1, numeric: true });
        }
      }
      const num = this.numbers.at(text, i);
      if (num !== undefined) {
        const age = this.numberAge(text, i, num, hasPerson);
        if (age !== undefined) found.push({ ...age, at: i, numeric: true });
        // "mười hai": the words of one number say one age.
        i = num.end - 1;
      }
    }
    return found;
  }

  /** An age from the number at word i, when the words around it make it one, with the words that say it. */
  private numberAge(text: NormalizedText, i: number, num: { n: number; end: number }, hasPerson: boolean): { value: AgeValue; start: number; end: number } | undefined {
    const { n } = num;
    const next = this.words.at(text, num.end);
    const before = this.words.endingAt(text, i);
    if (next?.tag === 'months' || (next?.tag === 'otherUnit' && text.folded[num.end] === 'thang' && this.afterChild(text, i))) return { value: 0, start: i, end: num.end + 1 };
    const isUnit = next?.tag === 'unit';
    const bound = before && ['below', 'above', 'atLeast'].includes(before.tag) ? before.tag : null;
    // A bare number is an age only after a bound, in a message about a person, with no other unit after it.
    if (!isUnit && !(bound && hasPerson && next?.tag !== 'otherUnit' && !/^\d/.test(text.folded[num.end] ?? ''))) return undefined;
    if (n > MAX_AGE) return undefined;
    const after = isUnit ? this.words.at(text, next.end) : null;
    const start = bound && before ? before.start : i;
    const end = after && (after.tag === 'upward' || after.tag === 'downward') ? after.end : isUnit ? next.end : num.end;
    const span = (value: AgeValue) => ({ value, start, end });
    if (bound === 'below') return span(ageValue(0, n - 1));
    if (bound === 'above') return span(ageValue(n + 1, MAX_AGE));
    if (bound === 'atLeast' || after?.tag === 'upward') return span(ageValue(n, MAX_AGE));
    if (after?.tag === 'downward') return span(ageValue(0, n));
    return span(n);
  }

  /** A child word in the three words before word i. */
  private afterChild(text: NormalizedText, i: number): boolean {
    return this.children.findAll(text).some((h) => h.end <= i && h.end >= i - 3);
  }

}
