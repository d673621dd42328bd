import type { NormalizedText } from './vi/normalize.js';
import { PhraseIndex } from './phrase-index.js';
import { TypoCorrector } from './typo-corrector.js';
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

const MIN_CORRECTABLE_LENGTH = 4;
const FUSE_THRESHOLD = 0.25;

export class ProcedureMatcher {
  private readonly ids: string[];
  private readonly weights: Map<string, number>;
  private readonly index: PhraseIndex;
  private readonly corrector: TypoCorrector;
  /** Words citizens' questions use: spelt right, so never "corrected" ("bước" is not "cước"). */
  private readonly knownWords: Set<string>;

  constructor(procedures: ProcedurePhrases[]) {
    this.ids = procedures.map((p) => p.id);
    this.knownWords = new Set(procedures.flatMap((p) => (p.questions ?? []).flatMap((q) => q.folded)));
    this.weights = weighWords(procedures);
    this.index = new PhraseIndex(procedures.map((p) => p.phrases.map((ph) => ph.folded)), this.weights);
    const vocabulary = [...this.weights.keys()].filter((t) => t.length >= MIN_CORRECTABLE_LENGTH - 1);
    this.corrector = new TypoCorrector(vocabulary, FUSE_THRESHOLD);
  }

  /** The question's folded words with misspellings corrected against the alias vocabulary. */
  correct(folded: string[]): string[] {
    return folded.map((t) => {
      if (this.weights.has(t) || this.knownWords.has(t) || t.length < MIN_CORRECTABLE_LENGTH || /[0-9]/.test(t)) return t;
      return this.corrector.nearest(t) ?? t;
    });
  }

  /** Procedures the question may name, best first. */
  match(question: NormalizedText, limit = 5): ProcedureMatch[] {
    const words = this.correct(question.folded);
    return this.index.best(words, limit).map((m) => ({ ...m, id: this.ids[m.procedure] ?? '' }));
  }
}
