import { z } from 'zod';
import { readDataFile } from '../data/read-data-file.js';
import { CueCorrector } from './cue-corrector.js';
import { PatternSet } from './cue-patterns.js';
import { normalizeText, type NormalizedText } from './vi/normalize.js';
import { foldText } from './vi/fold.js';
import type { Lexicon } from './vi/lexicon.js';

// The cue words of intents/cues/vi.yaml, compiled: which clause of a message is the question,
// what a citizen rules out ("chứ không phải"), intent words whose misspellings are put right,
// legal-basis questions, manipulation attempts, what the citizen means to do and prices of goods.

export const CUES_FORMAT_VERSION = 1;

const patterns = z.array(z.string().trim().min(1, 'a pattern must not be empty')).default([]);
const words = z.array(z.union([z.string(), z.number()]).transform(String).pipe(z.string().trim().min(1))).default([]);

export const cuesFileSchema = z.object({
  version: z.literal(CUES_FORMAT_VERSION),
  /** Words allowed between two parts of a pattern ("…"). */
  gap: z.number().int().min(0).max(6).default(3),
  question: z.object({ patterns, what: patterns, copula: words, units: z.record(z.string(), words).default({}), endings: words, particles: words, topic: words }).strict(),
  ruleOut: z.object({ cues: patterns, stops: words, alternatives: words, maxWords: z.number().int().min(1).max(12).default(6) }).strict(),
  intentWords: patterns,
  legalBasis: patterns,
  manipulation: patterns,
  dossierWords: patterns,
  aim: patterns,
  refer: patterns,
  howTo: patterns,
  howToOpening: words,
  goodsPrice: z.object({ price: patterns, notPrice: patterns, fee: patterns, goods: patterns, trade: patterns }).strict(),
}).strict();

export type CuesFile = z.infer<typeof cuesFileSchema>;

export interface Cues {
  /** The file's data, for fingerprints. */
  readonly source: CuesFile;
  readonly question: PatternSet;
  /** Question words asking what, where, how much, how long, how ("ở đâu", "mấy ngày", "cần gì"), not yes or no. */
  readonly what: PatternSet;
  /** "là": a name followed by it and a question word asks what the procedure is ("… là như thế nào"). */
  readonly copula: PatternSet;
  /** By a folded unit word said after a question word ("tháng", "tiền"): its kind ("@time", "@money"). */
  readonly units: ReadonlyMap<string, string>;
  readonly endings: PatternSet;
  readonly particles: PatternSet;
  /** "thì": what comes before it is the topic, what follows the question asked about it. */
  readonly topic: PatternSet;
  readonly ruleOut: PatternSet;
  readonly stops: PatternSet;
  /** "hay", "hoặc": what follows is another thing ruled out. */
  readonly alternatives: PatternSet;
  readonly maxRuleOutWords: number;
  /** Puts right misspelt words of intent phrases. */
  readonly corrector: CueCorrector;
  readonly legalBasis: PatternSet;
  readonly manipulation: PatternSet;
  readonly dossierWords: PatternSet;
  /** Words saying what the citizen means to do ("muốn", "định"): that clause names the procedure. */
  readonly aim: PatternSet;
  /** Words pointing back at something said before ("giấy này", "việc đó"): the clause before says what. */
  readonly refer: PatternSet;
  /** "làm sao để", "cách": a how-to question, answered only when a procedure is surely named. */
  readonly howTo: PatternSet;
  /** "cách", "mẹo" opening a message: a how-to question ("cách học tiếng Anh"), not "có cách nào nộp qua mạng". */
  readonly howToOpening: PatternSet;
  readonly price: PatternSet;
  readonly notPrice: PatternSet;
  readonly fee: PatternSet;
  readonly goods: PatternSet;
  /** Trades and services on goods ("bán", "sửa"): "sửa xe máy ở đâu" asks for a shop. */
  readonly trade: PatternSet;
}

export const EMPTY_CUES_FILE: CuesFile = cuesFileSchema.parse({ version: CUES_FORMAT_VERSION, question: {}, ruleOut: {}, goodsPrice: {} });

/** Compiles the cue data with the normalisation questions get (abbreviations expanded). */
export function compileCues(data: CuesFile, normalize: (text: string) => NormalizedText): Cues {
  const set = (list: readonly string[], strictMarks = false): PatternSet => new PatternSet(list, normalize, data.gap, strictMarks);
  // One word or phrase per pattern: "|" and "…" are literal nowhere in these lists.
  const each = (list: readonly string[]): PatternSet => set(list.map((w) => w.replace(/[|…]/g, ' ')));
  return {
    source: data,
    question: set(data.question.patterns),
    what: set(data.question.what),
    copula: each(data.question.copula),
    units: new Map(Object.entries(data.question.units).flatMap(([kind, list]) => list.map((w) => [foldText(w), `@${kind}`] as const))),
    endings: each(data.question.endings),
    particles: each(data.question.particles),
    topic: each(data.question.topic),
    ruleOut: set(data.ruleOut.cues),
    stops: each(data.ruleOut.stops),
    alternatives: each(data.ruleOut.alternatives),
    maxRuleOutWords: data.ruleOut.maxWords,
    corrector: new CueCorrector(data.intentWords.flatMap((p) => p.split('|')).map((p) => normalize(p.trim()))),
    legalBasis: set(data.legalBasis),
    // A refused message is costly: in a message typed with marks, a bare word is not a marked cue word.
    manipulation: set(data.manipulation, true),
    dossierWords: set(data.dossierWords),
    aim: set(data.aim),
    refer: set(data.refer),
    howTo: set(data.howTo),
    howToOpening: each(data.howToOpening),
    price: set(data.goodsPrice.price),
    notPrice: set(data.goodsPrice.notPrice),
    fee: set(data.goodsPrice.fee),
    goods: set(data.goodsPrice.goods),
    trade: set(data.goodsPrice.trade),
  };
}

export function readCuesFile(file: string): CuesFile {
  return readDataFile(file, cuesFileSchema);
}

const compiled = new WeakMap<Lexicon, Cues>();

/**
 * A lexicon's cue words, compiled once with its normalisation. The lexicon keeps them as data
 * so that it can be sent to the training process; each process compiles them for itself.
 */
export function cuesOf(lexicon: Lexicon): Cues {
  let cues = compiled.get(lexicon);
  if (!cues) compiled.set(lexicon, (cues = compileCues(lexicon.cues ?? EMPTY_CUES_FILE, (text) => normalizeText(text, lexicon))));
  return cues;
}
