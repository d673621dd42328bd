import path from 'node:path';
import type { NormalizedText } from '../vi/normalize.js';
import type { Lexicon } from '../vi/lexicon.js';
import { AgeReader, type AgeSubject } from './age-reader.js';
import { ElapsedReader } from './elapsed-reader.js';
import { NumberWords } from './number-words.js';
import { readSituationCues, type SituationCuesFile } from './cues-file.js';
import { PhraseSet, type PhraseHit } from './phrase-set.js';
import { PlaceReader } from './place-reader.js';
import { AGE_SLOT, ELAPSED_SLOT, type Situation } from './situation.js';

// Reads the facts that select a case from a normalised question: the age, and every slot of
// intents/situation/vi.yaml by its cue phrases. Pure and fast: a few map lookups per word.

interface Cue { slot: string; value: string }


export class SituationReader {
  private readonly cues: PhraseSet<Cue>;
  private readonly exceptions: PhraseSet<string>;
  private readonly negations: PhraseSet<true>;
  private readonly fillers: PhraseSet<true>;
  private readonly age: AgeReader;
  private readonly elapsed: ElapsedReader;
  private readonly places: PlaceReader;
  /** Slot → its value names, for validation. */
  readonly slots: ReadonlyMap<string, ReadonlySet<string>>;

  /** `data` is kept: a training process builds its own reader from it (class instances do not cross processes). */
  constructor(readonly data: SituationCuesFile, lexicon: Lexicon) {
    const cues: Array<[Cue, string]> = [];
    const exceptions: Array<[string, string]> = [];
    const slots = new Map<string, Set<string>>();
    for (const [slot, { values, except }] of Object.entries(data.slots)) {
      slots.set(slot, new Set(Object.keys(values)));
      for (const [value, phrases] of Object.entries(values)) for (const p of phrases) cues.push([{ slot, value }, p]);
      for (const p of except) exceptions.push([slot, p]);
    }
    this.slots = slots;
    this.cues = new PhraseSet(cues, lexicon);
    this.exceptions = new PhraseSet(exceptions, lexicon);
    this.negations = new PhraseSet(data.negations.map((n) => [true, n] as const), lexicon);
    this.fillers = new PhraseSet(data.fillers.map((n) => [true, n] as const), lexicon);
    this.age = new AgeReader(data.age, lexicon);
    this.elapsed = new ElapsedReader(data.elapsed, lexicon, new NumberWords(data.age, lexicon));
    this.places = new PlaceReader(data.places, lexicon);
  }

  /** The situation the words state, or undefined when they state none. */
  read(text: NormalizedText, today: Date = new Date()): Situation | undefined {
    return this.situationOf(text, this.cueHits(text), today);
  }

  /** `read` and `statesOnly` at once, the cues found once (a parse asks both). */
  readStatement(text: NormalizedText, today: Date = new Date()): { situation: Situation; only: boolean } | undefined {
    const hits = this.cueHits(text);
    const situation = this.situationOf(text, hits, today);
    return situation && { situation, only: this.coversMost(text, hits, today) };
  }

  private situationOf(text: NormalizedText, hits: ReadonlyArray<PhraseHit<Cue>>, today: Date): Situation | undefined {
    const situation: Situation = {};
    const age = this.age.read(text, today);
    if (age !== undefined) situation[AGE_SLOT] = age;
    const elapsed = this.elapsed.read(text);
    if (elapsed !== undefined) situation[ELAPSED_SLOT] = elapsed;
    // The later statement wins within a slot ("à không, tôi làm mất thẻ"), unless the slot
    // names values that win over the others ("chuyển nhà sang tỉnh khác" is a move).
    for (const hit of [...hits].sort((a, b) => a.start - b.start)) {
      const held = situation[hit.tag.slot];
      const wins = this.data.slots[hit.tag.slot]?.wins ?? [];
      if (typeof held === 'string' && wins.includes(held) && !wins.includes(hit.tag.value)) continue;
      situation[hit.tag.slot] = hit.tag.value;
    }
    // Two places named, where no cue said how they stand: apart.
    const apart = this.places.read(text);
    if (apart && situation[apart.slot] === undefined) situation[apart.slot] = apart.value;
    // The paper named is a fact only beside another: "đổi thẻ căn cước" alone states no situation.
    if (Object.keys(situation).every((slot) => this.data.slots[slot]?.namesPaper)) return undefined;
    return Object.keys(situation).length ? situation : undefined;
  }

  /** Whom the message is about (a child, an adult), for the age said before; see AgeReader.subject. */
  subject(text: NormalizedText): AgeSubject | undefined {
    return this.age.subject(text);
  }

  /**
   * The message does little but state a situation ("ở hà nội", "cháu 12 tuổi", "còn ô tô
   * thì sao"): its cues and ages hold at least this share of its words besides fillers. Such a message asks
   * the last question again, whatever kind of question its few words look like.
   */
  statesOnly(text: NormalizedText, today: Date = new Date()): boolean {
    return this.coversMost(text, this.cueHits(text), today);
  }

  private coversMost(text: NormalizedText, hits: ReadonlyArray<PhraseHit<Cue>>, today: Date): boolean {
    const covered = new Set(this.age.numericAgeWords(text, today));
    for (const hit of hits) {
      if (this.data.slots[hit.tag.slot]?.namesPaper) continue;
      for (let i = hit.start; i < hit.end; i++) covered.add(i);
    }
    const filler = new Set<number>();
    for (const hit of this.fillers.findAll(text)) for (let i = hit.start; i < hit.end; i++) if (!covered.has(i)) filler.add(i);
    const words = text.folded.length - filler.size;
    return words > 0 && covered.size / words >= STATES_ONLY_SHARE;
  }

  /** The cues that count: longest first, not denied, not inside an exception of their slot. */
  private cueHits(text: NormalizedText): Array<PhraseHit<Cue>> {
    const exceptions = this.exceptions.findAll(text);
    const negations = this.negations.findAll(text);
    // Longest cues first; a cue overlapping a longer one of its slot already taken does not
    // count. Another slot's cue does not hide it: "mua đất" is a sale and says land too.
    const hits = this.cues.findAll(text).sort((a, b) => (b.end - b.start) - (a.end - a.start) || a.start - b.start);
    const taken: Array<PhraseHit<Cue>> = [];
    // A denied cue still holds its words: "mất" inside a denied "bị mất" says nothing either.
    const claimed: Array<PhraseHit<Cue>> = [];
    for (const hit of hits) {
      if (claimed.some((t) => t.tag.slot === hit.tag.slot && overlaps(t, hit))) continue;
      claimed.push(hit);
      if (exceptions.some((e) => e.tag === hit.tag.slot && overlaps(e, hit))) continue;
      // A negation right before a cue denies it ("không bị mất", "không phải bị mất").
      if (negations.some((n) => n.end === hit.start)) continue;
      taken.push(hit);
    }
    return taken;
  }

  /**
   * The words with every age said with a number masked, for finding the procedure: "làm căn
   * cước cho bé mới 4 tuổi" names cấp thẻ căn cước, whatever alias happens to hold "tuổi".
   * Word positions stay as they were.
   */
  withoutAges(text: NormalizedText, today: Date = new Date()): NormalizedText {
    const masked = new Set(this.age.numericAgeWords(text, today));
    if (!masked.size) return text;
    const mask = (words: readonly string[]) => words.map((w, i) => (masked.has(i) ? MASKED_WORD : w));
    return { ...text, words: mask(text.words), folded: mask(text.folded) };
  }
}

/** The share of a message's words that its situation must hold for it to state only that. */
const STATES_ONLY_SHARE = 0.6;

/** The placeholder of a word left out of procedure matching. */
export const MASKED_WORD = 'xxagexx';

function overlaps(a: { start: number; end: number }, b: { start: number; end: number }): boolean {
  return a.start < b.end && b.start < a.end;
}

export const SITUATION_FILE = path.join('situation', 'vi.yaml');

export function loadSituationReader(intentsDir: string, lexicon: Lexicon): SituationReader {
  return new SituationReader(readSituationCues(path.join(intentsDir, SITUATION_FILE)), lexicon);
}
