import type { NormalizedText } from './vi/normalize.js';
import { PhraseIndex } from './phrase-index.js';
import { TypoCorrector } from './typo-corrector.js';
import { slips, soundAlikes } from './vi/slips.js';
import { weighWords } from './word-weights.js';

// Finds which procedure a question names, from the procedures' names and aliases.
// Words are weighted by how few procedures use them (IDF), so the word that tells
// confusable procedures apart ("đổi", "lại", "mất", "tạm", "sang tên") decides, while
// "đăng ký", "cấp", "làm" count little. An inverted index narrows the candidates before
// scoring (phrase-index.ts); the typo corrector fixes misspelt words against the aliases'
// vocabulary.

export interface ProcedurePhrases {
  id: string;
  /** Official name and aliases, already normalised. */
  phrases: NormalizedText[];
  /**
   * Citizens' questions about it (training utterances), used only to weigh words: words
   * every procedure's questions use ("thủ tục", "làm", "giấy") then weigh little even when
   * few aliases contain them.
   */
  questions?: NormalizedText[];
}

export interface ProcedureMatch {
  id: string;
  score: number;
  /** Share of the best phrase's weight found in the question (0..1). */
  coverage: number;
  /** The phrase that matched best, folded. */
  phrase: string;
  /** Indices of the question's words that matched it. */
  matched: number[];
}

/** `seen`: the word at i is one of the language (a name's or a training question's); `fits`: the word at i may name a procedure as typed. */
interface RespellContext {
  seen: (i: number) => boolean;
  fits: (i: number) => boolean;
  /** True for a word never respelt: one the lexicon wrote on purpose ("tốn" of "mất bao nhiêu"). */
  fixed?: (i: number) => boolean;
}

const MIN_CORRECTABLE_LENGTH = 4;
/** A word of the language is respelt a letter off only into a name word this long ("hôm" → "hôn", never "ho" → "hộ"). */
const MIN_SLIP_LENGTH = 3;
const FUSE_THRESHOLD = 0.25;
/** A misspelt word this long is corrected on its own; a shorter one only beside a word of the same phrase. */
const LONG_WORD = 6;
const MAX_REMEMBERED_SPELLINGS = 50_000;
/** A neighbour says which word was meant when at most this share of procedures use it (as IDF). */
const DISTINCTIVE_SHARE = 0.5;

export class ProcedureMatcher {
  private readonly ids: string[];
  private readonly weights: Map<string, number>;
  private readonly index: PhraseIndex;
  private readonly corrector: TypoCorrector;
  /** Words citizens' questions use: spelt right, so never "corrected" ("bước" is not "cước"). */
  private readonly knownWords: Set<string>;
  /** The weight of a word only one procedure uses. */
  private readonly maxWeight: number;
  /** By word: the names' words that sound like it, and those a slip away from it (see respell). */
  private readonly soundAlikeWords = new Map<string, string[]>();
  private readonly slipWords = new Map<string, string[]>();

  constructor(procedures: ProcedurePhrases[]) {
    this.ids = procedures.map((p) => p.id);
    this.knownWords = new Set(procedures.flatMap((p) => (p.questions ?? []).flatMap((q) => q.folded)));
    this.weights = weighWords(procedures);
    this.maxWeight = Math.log(procedures.length + 1);
    this.index = new PhraseIndex(procedures.map((p) => p.phrases.map((ph) => ph.folded)), this.weights);
    const vocabulary = [...this.weights.keys()].filter((t) => t.length >= MIN_CORRECTABLE_LENGTH - 1);
    this.corrector = new TypoCorrector(vocabulary, FUSE_THRESHOLD);
  }

  /**
   * The question's folded words with misspellings corrected against the alias vocabulary: an
   * unknown word to its nearest alias word when long, or when the correction makes a phrase
   * with a word next to it ("doang" after "kinh" is "doanh", "kieu" alone is not "chieu").
   */
  correct(folded: readonly string[]): string[] {
    return folded.map((_, i) => this.corrected(folded, i));
  }

  /** The word at i, or its nearest name word when it is misspelt (see correct). */
  private corrected(folded: readonly string[], i: number): string {
    const t = folded[i] ?? '';
    if (!t || this.weights.has(t) || this.knownWords.has(t) || t.length < MIN_CORRECTABLE_LENGTH || /[0-9]/.test(t)) return t;
    const nearest = this.corrector.nearest(t);
    return nearest && (t.length >= LONG_WORD || this.pairs(folded[i - 1], nearest, folded[i + 1])) ? nearest : t;
  }

  /**
   * The question with syllables respelt where the word next to them (as typed, marks and all)
   * makes a phrase with a word a slip away: "khai sin" → "khai sinh", "đăng ký se" → "đăng ký
   * xe"; a word of the language (`seen`: in the names or a training question) only as it
   * sounds in a region and beside a distinctive word: "tạm chú" → "tạm trú", while "có nên đặt
   * cọc" stays. A respelt word stands folded, as typed without marks. Runs before the marks
   * are compared, so that the marks of a slip do not hide the word.
   */
  respell(norm: NormalizedText, context: RespellContext): NormalizedText {
    let out: { words: string[]; folded: string[] } | undefined;
    const { folded } = norm;
    for (let i = 0; i < folded.length; i++) {
      const t = folded[i]!;
      if (!t || /[0-9]/.test(t) || context.fixed?.(i)) continue;
      const fixed = this.respelling(folded, i, context) ?? this.slipOfDistinctive(folded, i, context);
      if (!fixed) continue;
      out ??= { words: [...norm.words], folded: [...folded] };
      out.words[i] = fixed;
      out.folded[i] = fixed;
    }
    return out ? { ...norm, ...out } : norm;
  }

  /** The word at i respelt where a neighbour makes a phrase with it (see respell). */
  private respelling(folded: readonly string[], i: number, context: RespellContext): string | undefined {
    const t = folded[i]!;
    const known = this.weights.has(t) || this.knownWords.has(t) || context.seen(i);
    // A long unknown word whose nearest name word makes a phrase here is put right by correct().
    if (!known && t.length >= MIN_CORRECTABLE_LENGTH && this.corrected(folded, i) !== t) return undefined;
    const options = this.spellings(t, known);
    if (!options.length || this.pairs(folded[i - 1], t, folded[i + 1])) return undefined;
    const before = this.besides(folded, i - 1, known, context) ? folded[i - 1] : undefined;
    const after = this.besides(folded, i + 1, known, context) ? folded[i + 1] : undefined;
    if (before === undefined && after === undefined) return undefined;
    const fitting = options.filter((w) => this.pairs(before, w, after));
    return fitting.length === 1 ? fitting[0] : fitting.find((w) => before !== undefined && after !== undefined && this.index.hasPair(before, w) && this.index.hasPair(w, after));
  }

  /**
   * A word of the language that no name uses, a slip away from the one distinctive name word
   * that makes a phrase with a name word next to it: "hộ chịu" → "hộ chiếu" ("chịu" is a word,
   * but no procedure's).
   */
  private slipOfDistinctive(folded: readonly string[], i: number, context: RespellContext): string | undefined {
    const t = folded[i]!;
    if (this.weights.has(t) || this.knownWords.has(t) || !context.seen(i)) return undefined;
    const near = (j: number): string | undefined => (j >= 0 && j < folded.length && context.fits(j) && this.weights.has(folded[j]!) ? folded[j] : undefined);
    const before = near(i - 1);
    const after = near(i + 1);
    if (before === undefined && after === undefined) return undefined;
    const fitting = this.spellings(t, false).filter((w) => this.distinctive(w) && this.pairs(before, w, after));
    return fitting.length === 1 ? fitting[0] : undefined;
  }

  /** True when the word at j can say which word its neighbour was meant to be. */
  private besides(folded: readonly string[], j: number, known: boolean, context: RespellContext): boolean {
    if (j < 0 || j >= folded.length || !context.fits(j)) return false;
    return known ? this.distinctive(folded[j]!) : this.weights.has(folded[j]!);
  }

  /**
   * The words of the names a slip away from `t`; for a word of the language, those that sound
   * like it and the distinctive ones with one letter changed after its first ("hôm" beside
   * "kết" is "hôn"; "cần" beside "xe" is no "cấp"): a distinctive neighbour must then ask for
   * them (see besides).
   */
  private spellings(t: string, known: boolean): readonly string[] {
    const cache = known ? this.soundAlikeWords : this.slipWords;
    let list = cache.get(t);
    if (!list) {
      const near = known ? [...soundAlikes(t), ...slips(t).filter((w) => w.length === t.length && w.length >= MIN_SLIP_LENGTH && w[0] === t[0] && this.distinctive(w))] : slips(t);
      list = [...new Set(near)].filter((w) => this.weights.has(w));
      if (cache.size >= MAX_REMEMBERED_SPELLINGS) cache.clear();
      cache.set(t, list);
    }
    return list;
  }

  /** True when the word makes a phrase pair with the word before or after it. */
  private pairs(prev: string | undefined, word: string, next: string | undefined): boolean {
    return (prev !== undefined && this.index.hasPair(prev, word)) || (next !== undefined && this.index.hasPair(word, next));
  }

  /** True when some name or alias has `second` right after `first` (folded). */
  hasPair(first: string, second: string): boolean {
    return this.index.hasPair(first, second);
  }

  /** How much the word tells which procedure is meant (0 for a word of no name). */
  weight(word: string): number {
    return this.weights.get(word) ?? 0;
  }

  /** The word's weight as a share of the weight of a word only one procedure uses (0..1). */
  weightShare(word: string): number {
    return (this.weights.get(word) ?? 0) / this.maxWeight;
  }

  /** True when few procedures' names use the word: it says which procedure is meant. */
  distinctive(word: string): boolean {
    return (this.weights.get(word) ?? 0) >= DISTINCTIVE_SHARE * this.maxWeight;
  }

  /** Procedures the question may name, best first. */
  match(question: NormalizedText, limit = 5): ProcedureMatch[] {
    const words = this.correct(question.folded);
    return this.index.best(words, limit).map((m) => ({ ...m, id: this.ids[m.procedure] ?? '' }));
  }
}
