import type { NormalizedText } from '../vi/normalize.js';

// Imported near-twins of the curated procedures. An imported procedure whose official name
// holds (nearly) every content word of a curated procedure's name is its twin: "Đăng ký nhận
// cha, mẹ, con có yếu tố nước ngoài" of "Đăng ký nhận cha, mẹ, con", "Tạm dừng hưởng trợ cấp
// thất nghiệp" of "Giải quyết hưởng trợ cấp thất nghiệp", "Cấp đổi chứng nhận đăng ký xe, biển
// số xe" of "Đăng ký xe, cấp biển số xe". What tells the twin apart are the rare words of its
// name that the curated procedure's names and aliases do not use ("nước ngoài", "tạm dừng",
// "đổi"): a question saying one of them means the twin, a question saying none means the
// curated procedure.

/** Words that say how a name is built, not what it is about (as written, with their marks). */
const FUNCTION_WORDS = new Set([
  'có', 'của', 'do', 'là', 'mà', 'và', 'cho', 'từ', 'trong', 'khi', 'tại', 'đối', 'với', 'hoặc', 'được', 'đã', 'thuộc', 'các',
  'những', 'về', 'theo', 'giải', 'quyết', 'thủ', 'tục', 'người', 'việc', 'nơi', 'đang', 'không', 'phải',
  // The authority and the place a name's scope states: "cơ quan có thẩm quyền", "trên địa bàn tỉnh".
  'cơ', 'quan', 'thẩm', 'quyền', 'tỉnh', 'huyện', 'xã', 'quận', 'thị', 'thành', 'phố', 'địa', 'bàn', 'việt', 'nam',
]);
/** Words that say how a name is built only together: "trường hợp" (not "hợp" of "hợp đồng", "trường" of a school). */
const FUNCTION_PAIRS = [['trường', 'hợp']];

/** True when the name's word at `i` says how the name is built, not what it is about. */
function functionAt(name: NormalizedText, i: number): boolean {
  const w = name.words[i] ?? name.folded[i] ?? '';
  if (FUNCTION_WORDS.has(w)) return true;
  return FUNCTION_PAIRS.some(([a, b]) => (w === a && name.words[i + 1] === b) || (w === b && name.words[i - 1] === a));
}
/** The least share of a curated name's content words (by weight) an imported name holds to be its twin. */
const TWIN_SHARE = 0.75;
/** The least share of the words a twin shares with its curated procedure (by weight) a question says to name it, unless it names the curated one. */
const CORE_SHARE = 0.5;
/** A word this heavy (rare among the procedures' names) tells a twin apart... */
const DISTINGUISHING_WEIGHT = 2;
/** ...and so does any word not quite generic of the action the twin's name opens with ("Cấp đổi", "Tạm dừng", "Chuyển nơi"): its first words. */
const ACTION_WEIGHT = 0.5;
const ACTION_WORDS = 2;

/** What tells a twin apart from one of its curated procedures. */
interface Apart {
  /** The folded words, each with its weight. */
  words: Map<string, number>;
  /** Runs of lighter words that together are as heavy ("tư nhân" of "doanh nghiệp tư nhân"): said only whole. */
  runs: string[][];
  /** The curated procedure's name's words the twin shares, with their weights: a question names the twin only saying some. */
  core: Map<string, number>;
}

export interface Twin {
  id: string;
  /** What tells it from each of its curated procedures, by the curated procedure's id. */
  apart: Map<string, Apart>;
}

/** The words of a name that say what it is about, folded. */
export function contentWords(name: NormalizedText): string[] {
  return name.folded.filter((t, i) => t && !functionAt(name, i));
}

function runAt(folded: readonly string[], run: readonly string[], i: number): boolean {
  return run.every((t, k) => folded[i + k] === t);
}

function runSaid(folded: readonly string[], run: readonly string[]): boolean {
  return folded.some((_, i) => runAt(folded, run, i));
}

function saidWeight(apart: Apart, folded: readonly string[], weights: ReadonlyMap<string, number>, named: boolean): number {
  let sum = 0;
  const words = new Set(folded);
  // "công chứng hợp đồng mua đất" says what tells "bản sao hợp đồng" apart, but not the "bản sao" both are about:
  // the question must name the curated procedure too, by its names or by the words of its name the twin shares.
  let core = 0;
  for (const t of words) core += apart.core.get(t) ?? 0;
  if (!named && core < CORE_SHARE * [...apart.core.values()].reduce((a, b) => a + b, 0)) return 0;
  for (const t of words) sum += apart.words.get(t) ?? 0;
  for (const run of apart.runs) if (runSaid(folded, run)) sum += run.reduce((w, t) => w + (weights.get(t) ?? 0), 0);
  return sum;
}

export class CuratedTwins {
  /** The twins of each curated procedure. */
  private readonly byCurated = new Map<string, Twin[]>();
  /** Each twin and what tells it apart from each of its curated procedures. */
  private readonly byTwin = new Map<string, Twin>();
  /** The curated procedures whose names each imported name holds, told apart by words or not ("Đăng ký lại khai sinh"). */
  private readonly kin = new Map<string, Set<string>>();

  constructor(
    curated: ReadonlyArray<{ id: string; name: NormalizedText; names: ReadonlySet<string> }>,
    imported: ReadonlyArray<{ id: string; name: NormalizedText }>,
    private readonly weights: ReadonlyMap<string, number>,
  ) {
    const weigh = (list: readonly string[]): number => list.reduce((sum, t) => sum + (weights.get(t) ?? 0), 0);
    const contents = new Map(curated.map((c) => [c.id, contentWords(c.name)]));
    for (const p of imported) {
      const words = new Set(p.name.folded);
      const of = curated.filter((c) => {
        const content = contents.get(c.id) ?? [];
        return content.length >= 2 && weigh(content.filter((t) => words.has(t))) >= TWIN_SHARE * weigh(content);
      });
      if (!of.length) continue;
      this.kin.set(p.id, new Set(of.map((c) => c.id)));
      const action = Math.min(ACTION_WORDS, p.name.folded.findIndex((t) => of.some((c) => contents.get(c.id)?.includes(t))));
      const twin: Twin = { id: p.id, apart: new Map() };
      // Told apart from each curated procedure by the words its names do not use ("thường" is no news beside
      // "đăng ký thường trú"): "khai sinh kết hợp nhận cha, mẹ, con" by "nhận cha" from "đăng ký khai sinh" and by
      // "khai sinh" from "đăng ký nhận cha, mẹ, con".
      for (const c of of) {
        const apart: Apart = { words: new Map(), runs: [], core: new Map((contents.get(c.id) ?? []).filter((t) => words.has(t)).map((t) => [t, weights.get(t) ?? 0])) };
        let run: string[] = [];
        const endRun = (): void => {
          if (run.length > 1 && weigh(run) >= DISTINGUISHING_WEIGHT && run.some((t) => !apart.words.has(t))) apart.runs.push(run);
          run = [];
        };
        const telling = (i: number): boolean => i >= 0 && i < p.name.folded.length && !c.names.has(p.name.folded[i] ?? '') && !functionAt(p.name, i);
        p.name.folded.forEach((t, i) => {
          const w = weights.get(t) ?? 0;
          if (!telling(i)) return endRun();
          run.push(t);
          if (w < (i < action ? ACTION_WEIGHT : DISTINGUISHING_WEIGHT)) return;
          // After a light word that opens the run, a heavy word tells apart only with it: "nhận cha", not "bố mẹ".
          const opener = run[0] ?? t;
          if (run.length > 1 && (weights.get(opener) ?? 0) < DISTINGUISHING_WEIGHT && !apart.words.has(opener)) {
            if (run.length === 2) apart.runs.push([...run]);
          } else if (i >= action && (telling(i - 1) || telling(i + 1))) {
            // A word of a compound tells apart only with its neighbour: "yếu tố", "nước ngoài", not the "yêu" of
            // "yêu cầu" nor the "ngoại" of "quê ngoại", "ngoài giá thú".
            const before = p.name.folded[i - 1];
            const after = p.name.folded[i + 1];
            if (telling(i - 1) && before) apart.runs.push([before, t]);
            if (telling(i + 1) && after) apart.runs.push([t, after]);
          } else apart.words.set(t, w);
        });
        endRun();
        if (apart.words.size || apart.runs.length) twin.apart.set(c.id, apart);
      }
      if (!twin.apart.size) continue;
      this.byTwin.set(p.id, twin);
      for (const c of twin.apart.keys()) this.byCurated.set(c, [...(this.byCurated.get(c) ?? []), twin]);
    }
  }

  /** True when `id` is an imported twin of a curated procedure. */
  isTwin(id: string): boolean {
    return this.byTwin.has(id);
  }

  /** True when `id` is an imported twin of the curated procedure `curatedId`, told apart by words of its name. */
  isTwinOf(id: string, curatedId: string): boolean {
    return this.byTwin.get(id)?.apart.has(curatedId) ?? false;
  }

  /** True when the imported name of `id` holds the curated name of `curatedId` (nearly) whole, whether words tell them apart or not. */
  isKinOf(id: string, curatedId: string): boolean {
    return this.kin.get(id)?.has(curatedId) ?? false;
  }

  /**
   * The least weight of the words telling the twin apart from one of its curated procedures that
   * the question says (0: it is not told apart); `named` holds the curated procedures the
   * question names.
   */
  said(id: string, folded: readonly string[], named: ReadonlySet<string> = new Set()): number {
    const twin = this.byTwin.get(id);
    if (!twin) return 0;
    return Math.min(...[...twin.apart].map(([c, a]) => saidWeight(a, folded, this.weights, named.has(c))));
  }

  /** The positions of the question's words that tell the twin apart. */
  saidAt(id: string, folded: readonly string[]): number[] {
    const twin = this.byTwin.get(id);
    if (!twin) return [];
    const at = new Set<number>();
    for (const a of twin.apart.values()) {
      folded.forEach((t, i) => {
        if (a.words.has(t)) at.add(i);
        for (const run of a.runs) if (runAt(folded, run, i)) run.forEach((_, k) => at.add(i + k));
      });
    }
    return [...at].sort((x, y) => x - y);
  }

  /** The twins of a curated procedure the question tells apart from every procedure they are twins of, the most said first. */
  namedTwins(curatedId: string, folded: readonly string[], named: ReadonlySet<string> = new Set([curatedId])): Array<{ id: string; said: number }> {
    const twins = this.byCurated.get(curatedId) ?? [];
    return twins
      .map((t) => ({ id: t.id, said: this.said(t.id, folded, named), unsaid: [...(t.apart.get(curatedId)?.words.keys() ?? [])].filter((w) => !folded.includes(w)).length }))
      .filter((t) => t.said > 0)
      .sort((a, b) => b.said - a.said || a.unsaid - b.unsaid)
      .map(({ id, said }) => ({ id, said }));
  }
}
