import type { NormalizedText } from '../vi/normalize.js';
import { contentWords } from './curated-twins.js';
import { nameHead } from './name-aliases.js';

// What an imported procedure's name says that the curated procedures never do. Worked out once,
// when the recognizer is built: the words of the imported procedure's names that the curated
// procedures' names and aliases and the words common to their training questions do not carry
// ("dữ liệu" of "Cung cấp thông tin, dữ liệu đất đai", "lưu động" of "Đăng ký khai sinh lưu
// động", "net" of its other name "quán net"). A question the curated procedures answer without
// the catalogue is taken by an imported procedure (CatalogueEvidence.mayTake) only when it says
// enough of them: "cung cấp thông tin khai sinh" stays with the birth registration, "hộ chiếu
// hết hạn có gia hạn được không" with the passport.
//
// A name made only of words the curated procedures carry ("Gia hạn nộp thuế") is told by the
// pairs of neighbouring words no curated name or alias holds ("nộp thuế" said together). A
// question that says most of a name names it whatever tells it apart ("tách thửa đất").

/** What tells one imported procedure's name from the curated procedures'. */
interface Telling {
  /** Words said alone, with their weights. */
  words: Map<string, number>;
  /** The weight a question must say of them: a share of the official name's heaviest. */
  needed: number;
  /** Pairs of neighbouring words said together. */
  pairs: Array<[string, string]>;
}

function pairsOf(folded: readonly string[]): string[] {
  const out: string[] = [];
  for (let i = 0; i + 1 < folded.length; i++) if (folded[i] && folded[i + 1]) out.push(`${folded[i]} ${folded[i + 1]}`);
  return out;
}

/** The least share of the heaviest telling word's weight (the official name's) a question says: "lớp" is not "phúc khảo bài thi … lớp 10". */
const TELLING_SHARE = 0.75;

/** The least share of the words its name's head is about (by weight) that names an imported procedure whatever tells it apart. */
const NAME_SHARE = 0.7;

/** A number, in figures or roman ("hạng II"), or a lone letter: it tells nothing alone. */
const NUMBER = /^(\d.*|i{1,3}|iv|ix|.)$/;

/** A word in the questions of this many curated procedures says how one asks ("cung cấp", "thông tin"), not what about. */
const GENERIC_PROCEDURES = 6;

/** One curated procedure's names (official and aliases) and training questions, folded. */
export interface CuratedTexts {
  names: ReadonlyArray<readonly string[]>;
  questions: ReadonlyArray<readonly string[]>;
}

type Position = (folded: readonly string[], i: number) => boolean;

/** A word the curated questions use this often in one pair ("tuyến" of "trực tuyến") is theirs only in that pair. */
const BOUND_SHARE = 0.8;

/**
 * Whether the curated procedures carry the word at `i` of a name: one of their names' words, or
 * a word common to their questions ("thông tin"), unless they use it only beside one neighbour
 * the name does not put beside it ("tuyến" of "trực tuyến" is not the "tuyến" of "tuyến vận tải").
 */
function carriedBy(curated: ReadonlyArray<CuratedTexts>, named: ReadonlySet<string>): { carried: Position; paired: Position } {
  const askedBy = new Map<string, number>();
  const said = new Map<string, number>();
  const beside = new Map<string, Map<string, number>>();
  const count = (w: string, pair: string): void => {
    const m = beside.get(w) ?? new Map<string, number>();
    m.set(pair, (m.get(pair) ?? 0) + 1);
    beside.set(w, m);
  };
  for (const c of curated) {
    for (const t of new Set(c.questions.flat())) askedBy.set(t, (askedBy.get(t) ?? 0) + 1);
    for (const q of c.questions) {
      q.forEach((t, i) => {
        said.set(t, (said.get(t) ?? 0) + 1);
        if (i > 0) count(t, `${q[i - 1]} ${t}`);
        if (i + 1 < q.length) count(t, `${t} ${q[i + 1]}`);
      });
    }
  }
  const generic = new Set([...askedBy].filter(([, n]) => n >= GENERIC_PROCEDURES).map(([t]) => t));
  const bound = new Map<string, string>();
  for (const t of generic) {
    const [pair, n] = [...(beside.get(t) ?? [])].sort((a, b) => b[1] - a[1])[0] ?? ['', 0];
    if (n >= BOUND_SHARE * (said.get(t) ?? 0)) bound.set(t, pair);
  }
  const paired: Position = (folded, i) => {
    const t = folded[i] ?? '';
    const pair = bound.get(t);
    return pair !== undefined && (pair === `${folded[i - 1]} ${t}` || pair === `${t} ${folded[i + 1]}`);
  };
  return {
    carried: (folded, i) => named.has(folded[i] ?? '') || (generic.has(folded[i] ?? '') && (!bound.has(folded[i] ?? '') || paired(folded, i))),
    // A question's word in the one pair the curated questions use it in ("trực tuyến") says nothing of a name.
    paired,
  };
}

export class TellingWords {
  private readonly byImported = new Map<string, Telling>();
  /** The words of each imported procedure's names (official and other). */
  private readonly nameWords = new Map<string, Set<string>>();
  private readonly weights: ReadonlyMap<string, number>;
  /** True for a question's word in the one pair the curated questions use it in. */
  private readonly paired: Position;
  /** The words each imported name's head is about, with their weights. */
  private readonly content = new Map<string, Map<string, number>>();

  constructor(
    curated: ReadonlyArray<CuratedTexts>,
    imported: ReadonlyArray<{ id: string; name: NormalizedText; aliases: readonly NormalizedText[] }>,
    weights: ReadonlyMap<string, number>,
  ) {
    this.weights = weights;
    const named = new Set<string>();
    const pairs = new Set<string>();
    for (const c of curated) {
      for (const folded of c.names) {
        for (const t of folded) named.add(t);
        for (const p of pairsOf(folded)) pairs.add(p);
      }
    }
    const { carried, paired } = carriedBy(curated, named);
    this.paired = paired;
    for (const p of imported) {
      const content = new Set(contentWords(p.name).filter((t) => !NUMBER.test(t)));
      const head = nameHead(p.name.folded);
      this.content.set(p.id, new Map([...content].filter((t) => head.includes(t)).map((t) => [t, weights.get(t) ?? 0])));
      this.nameWords.set(p.id, new Set([...p.name.folded, ...p.aliases.flatMap((a) => a.folded)]));
      // Its other names say it in citizens' words ("quán net" of "điểm cung cấp dịch vụ trò chơi điện tử công cộng").
      const tells = (name: NormalizedText): string[] => {
        const own = new Set(contentWords(name));
        return name.folded.filter((t, i) => own.has(t) && !NUMBER.test(t) && !carried(name.folded, i));
      };
      const official = tells(p.name);
      const other = p.aliases.flatMap(tells);
      const telling: Telling = {
        words: new Map([...official, ...other].map((t) => [t, weights.get(t) ?? 0])),
        needed: TELLING_SHARE * Math.max(0, ...(official.length ? official : other).map((t) => weights.get(t) ?? 0)),
        pairs: [],
      };
      if (!telling.words.size) {
        const folded = p.name.folded;
        for (let i = 0; i + 1 < folded.length; i++) {
          const a = folded[i] ?? '';
          const b = folded[i + 1] ?? '';
          if (content.has(a) && content.has(b) && !pairs.has(`${a} ${b}`)) telling.pairs.push([a, b]);
        }
      }
      this.byImported.set(p.id, telling);
    }
  }

  /** The imported procedure's telling words (for tests and reports). */
  of(id: string): { words: string[]; pairs: string[] } {
    const t = this.byImported.get(id);
    return { words: [...(t?.words.keys() ?? [])], pairs: (t?.pairs ?? []).map((p) => p.join(' ')) };
  }

  /** The weight of the heaviest of the question's words at `at` that the imported procedure's names do not hold: what a curated match explains and it does not. */
  unexplained(id: string, folded: readonly string[], at: readonly number[]): number {
    const names = this.nameWords.get(id);
    return Math.max(0, ...at.map((i) => folded[i] ?? '').filter((t) => t && !names?.has(t)).map((t) => this.weights.get(t) ?? 0));
  }

  /**
   * True when the question (folded; `also`: official words its citizen's words stand for) says
   * what tells the imported procedure apart, or most of what its name is about, with a word at
   * least as heavy as `against` (what a curated match explains that its names do not).
   */
  said(id: string, folded: readonly string[], also: ReadonlySet<string> = new Set(), against = 0): boolean {
    const t = this.byImported.get(id);
    if (!t) return true;
    const heard = new Set([...folded.filter((_, i) => !this.paired(folded, i)), ...also]);
    let said = 0;
    let heaviest = 0;
    for (const [w, weight] of t.words) {
      if (!heard.has(w)) continue;
      said += weight;
      heaviest = Math.max(heaviest, weight);
    }
    if (t.words.size && said >= t.needed && heaviest >= against) return true;
    const pair = t.pairs.find(([a, b]) => folded.some((w, i) => w === a && folded[i + 1] === b));
    if (pair && Math.max(this.weights.get(pair[0]) ?? 0, this.weights.get(pair[1]) ?? 0) >= against) return true;
    // Or most of what its name is about ("tách thửa đất" of "Tách thửa hoặc hợp thửa đất").
    let head = 0;
    let heardHead = 0;
    let heaviestHead = 0;
    for (const [w, weight] of this.content.get(id) ?? []) {
      head += weight;
      if (!heard.has(w)) continue;
      heardHead += weight;
      heaviestHead = Math.max(heaviestHead, weight);
    }
    return head > 0 && heardHead >= NAME_SHARE * head && heaviestHead >= against;
  }
}
