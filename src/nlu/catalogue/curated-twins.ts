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
  'cơ', 'quan', 'thẩm', 'quyền', 'tỉnh', 'huyện', 'xã', 'quận', 'thị', 'thành', 'phố', 'địa', 'bàn', 'việt', 'nam', 'trường', 'hợp',
]);
/** The least share of a curated name's content words (by weight) an imported name holds to be its twin. */
const TWIN_SHARE = 0.75;
/** A word this heavy (rare among the procedures' names) tells a twin apart... */
const DISTINGUISHING_WEIGHT = 2;
/** ...and so does any word not quite generic of the action the twin's name opens with ("Cấp đổi", "Tạm dừng", "Chuyển nơi"): its first words. */
const ACTION_WEIGHT = 0.5;
const ACTION_WORDS = 2;

export interface Twin {
  id: string;
  /** The folded words that tell it from its curated procedure, with their weights. */
  words: Map<string, number>;
}

function contentWords(name: NormalizedText): string[] {
  return name.folded.filter((t, i) => t && !FUNCTION_WORDS.has(name.words[i] ?? t));
}

function saidWeight(words: ReadonlyMap<string, number>, folded: readonly string[]): number {
  let sum = 0;
  for (const t of new Set(folded)) sum += words.get(t) ?? 0;
  return sum;
}

export class CuratedTwins {
  /** The twins of each curated procedure. */
  private readonly byCurated = new Map<string, Twin[]>();
  /** Each twin's distinguishing words: words of its name none of its curated procedures' names use. */
  private readonly byTwin = new Map<string, Twin>();

  constructor(
    curated: ReadonlyArray<{ id: string; name: NormalizedText; names: ReadonlySet<string> }>,
    imported: ReadonlyArray<{ id: string; name: NormalizedText }>,
    weights: ReadonlyMap<string, number>,
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
      // Told apart only by words none of its curated procedures' names use ("thường" is no news beside "đăng ký thường trú").
      const named = (t: string): boolean => of.some((c) => c.names.has(t));
      const action = Math.min(ACTION_WORDS, p.name.folded.findIndex((t) => of.some((c) => contents.get(c.id)?.includes(t))));
      const distinguishing = new Map<string, number>();
      p.name.folded.forEach((t, i) => {
        const w = weights.get(t) ?? 0;
        if (!named(t) && !FUNCTION_WORDS.has(p.name.words[i] ?? t) && w >= (i < action ? ACTION_WEIGHT : DISTINGUISHING_WEIGHT)) distinguishing.set(t, w);
      });
      if (!distinguishing.size) continue;
      const twin = { id: p.id, words: distinguishing };
      this.byTwin.set(p.id, twin);
      for (const c of of) this.byCurated.set(c.id, [...(this.byCurated.get(c.id) ?? []), twin]);
    }
  }

  /** True when `id` is an imported twin of a curated procedure. */
  isTwin(id: string): boolean {
    return this.byTwin.has(id);
  }

  /** The weight of the twin's distinguishing words the question says (0 for none). */
  said(id: string, folded: readonly string[]): number {
    const twin = this.byTwin.get(id);
    return twin ? saidWeight(twin.words, folded) : 0;
  }

  /** The positions of the question's words that tell the twin apart. */
  saidAt(id: string, folded: readonly string[]): number[] {
    const twin = this.byTwin.get(id);
    return twin ? folded.flatMap((t, i) => (twin.words.has(t) ? [i] : [])) : [];
  }

  /** The twins of a curated procedure the question names by their distinguishing words, the most said first. */
  namedTwins(curatedId: string, folded: readonly string[]): Array<{ id: string; said: number }> {
    const twins = this.byCurated.get(curatedId) ?? [];
    return twins
      .map((t) => ({ id: t.id, said: saidWeight(t.words, folded), unsaid: [...t.words.keys()].filter((w) => !folded.includes(w)).length }))
      .filter((t) => t.said > 0)
      .sort((a, b) => b.said - a.said || a.unsaid - b.unsaid)
      .map(({ id, said }) => ({ id, said }));
  }
}
