import Fuse from 'fuse.js';
import type { NormalizedText } from './vi/normalize.js';

// Finds which procedure a question names, from the procedures' names and aliases.
// Words are weighted by how few procedures use them (IDF), so the word that tells
// confusable procedures apart ("đổi", "lại", "mất", "tạm", "sang tên") decides, while
// "đăng ký", "cấp", "làm" count little. An inverted index narrows the candidates before
// scoring; fuse.js corrects misspelt words against the aliases' vocabulary.

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

interface IndexedPhrase {
  procedure: number;
  text: string;
  tokens: string[];
  bigrams: string[];
  weight: number;
}

const MIN_CORRECTABLE_LENGTH = 4;
const FUSE_THRESHOLD = 0.25;
/** A word in the questions of at least this share of procedures is generic. */
const GENERIC_SHARE = 0.5;

export class ProcedureMatcher {
  private readonly ids: string[];
  private readonly phrases: IndexedPhrase[] = [];
  private readonly postings = new Map<string, number[]>();
  private readonly weights = new Map<string, number>();
  private readonly vocabulary: Fuse<string>;
  private readonly corrections = new Map<string, string | null>();
  /** Words citizens' questions use: spelt right, so never "corrected" ("bước" is not "cước"). */
  private readonly knownWords = new Set<string>();

  constructor(procedures: ProcedurePhrases[]) {
    this.ids = procedures.map((p) => p.id);
    // Weight: how few procedures' names and aliases use a word. Words that most procedures'
    // questions use ("thủ tục", "làm", "cho") are generic whatever the aliases say; that is
    // judged on the words as written with diacritics, so "cần" (need) does not make "căn"
    // (of căn cước) generic.
    const aliasFrequency = new Map<string, number>();
    const aliasForms = new Map<string, Set<string>>();
    const questionFrequency = new Map<string, number>();
    let withQuestions = 0;
    for (const p of procedures) {
      for (const ph of p.phrases) {
        ph.folded.forEach((t, i) => {
          const forms = aliasForms.get(t) ?? new Set<string>();
          forms.add(ph.words[i] ?? t);
          aliasForms.set(t, forms);
        });
      }
      for (const t of new Set(p.phrases.flatMap((ph) => ph.folded))) aliasFrequency.set(t, (aliasFrequency.get(t) ?? 0) + 1);
      if (!p.questions?.length) continue;
      withQuestions++;
      for (const q of p.questions) for (const t of q.folded) this.knownWords.add(t);
      for (const w of new Set(p.questions.flatMap((q) => q.words))) questionFrequency.set(w, (questionFrequency.get(w) ?? 0) + 1);
    }
    const n = procedures.length;
    for (const [t, df] of aliasFrequency) {
      const asked = Math.max(0, ...[...(aliasForms.get(t) ?? [])].map((form) => questionFrequency.get(form) ?? 0));
      const generic = withQuestions >= 10 && asked >= GENERIC_SHARE * withQuestions;
      this.weights.set(t, generic ? Math.log((withQuestions + 1) / asked) : Math.log((n + 1) / df));
    }
    const aliasWords = aliasFrequency;
    procedures.forEach((p, procedure) => {
      for (const ph of p.phrases) {
        const tokens = [...new Set(ph.folded)];
        if (!tokens.length) continue;
        const bigrams = ph.folded.slice(1).map((t, i) => `${ph.folded[i]} ${t}`);
        const weight = tokens.reduce((sum, t) => sum + this.weight(t), 0);
        const index = this.phrases.push({ procedure, text: ph.folded.join(' '), tokens, bigrams, weight }) - 1;
        for (const t of tokens) {
          const list = this.postings.get(t);
          if (list) list.push(index);
          else this.postings.set(t, [index]);
        }
      }
    });
    this.vocabulary = new Fuse([...aliasWords.keys()].filter((t) => t.length >= MIN_CORRECTABLE_LENGTH - 1), {
      includeScore: true,
      threshold: FUSE_THRESHOLD,
      ignoreLocation: true,
    });
  }

  weight(token: string): number {
    return this.weights.get(token) ?? 0;
  }

  /** The question's folded words with misspellings corrected against the alias vocabulary. */
  correct(folded: string[]): string[] {
    return folded.map((t) => {
      if (this.weights.has(t) || this.knownWords.has(t) || t.length < MIN_CORRECTABLE_LENGTH || /[0-9]/.test(t)) return t;
      let fixed = this.corrections.get(t);
      if (fixed === undefined) {
        const [best] = this.vocabulary.search(t, { limit: 1 });
        fixed = best && (best.score ?? 1) <= FUSE_THRESHOLD ? best.item : null;
        if (this.corrections.size > 50_000) this.corrections.clear();
        this.corrections.set(t, fixed);
      }
      return fixed ?? t;
    });
  }

  /** Procedures the question may name, best first. */
  match(question: NormalizedText, limit = 5): ProcedureMatch[] {
    const words = this.correct(question.folded);
    const positions = new Map<string, number[]>();
    words.forEach((t, i) => {
      const list = positions.get(t);
      if (list) list.push(i);
      else positions.set(t, [i]);
    });
    const bigrams = new Set(words.slice(1).map((t, i) => `${words[i]} ${t}`));
    const candidates = new Set<number>();
    for (const t of positions.keys()) for (const p of this.postings.get(t) ?? []) candidates.add(p);

    const best = new Map<number, ProcedureMatch>();
    for (const index of candidates) {
      const phrase = this.phrases[index];
      if (!phrase || phrase.weight <= 0) continue;
      let matchedWeight = 0;
      const matched: number[] = [];
      for (const t of phrase.tokens) {
        const at = positions.get(t);
        if (!at) continue;
        matchedWeight += this.weight(t);
        matched.push(...at);
      }
      const coverage = matchedWeight / phrase.weight;
      const bigramShare = phrase.bigrams.length
        ? phrase.bigrams.filter((b) => bigrams.has(b)).length / phrase.bigrams.length
        : 1;
      const score = matchedWeight * coverage * (0.6 + 0.4 * bigramShare);
      const current = best.get(phrase.procedure);
      if (!current || score > current.score) {
        best.set(phrase.procedure, {
          id: this.ids[phrase.procedure] ?? '',
          score,
          coverage,
          phrase: phrase.text,
          matched: [...new Set(matched)].sort((a, b) => a - b),
        });
      }
    }
    return [...best.values()].sort((a, b) => b.score - a.score).slice(0, limit);
  }
}
