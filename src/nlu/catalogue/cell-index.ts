import type { Procedure } from '../../knowledge/schema.js';
import type { NormalizedText } from '../vi/normalize.js';

// The imported procedures' cells as bags of words (BM25): the weaker evidence of
// catalogue-evidence.ts. Built on first use, so that a start never waits for it.

const BM25_K1 = 1.2;
const BM25_B = 0.5;
/** The name's words count this many times the cells' words. */
const NAME_BOOST = 3;

export type CellProcedure = Pick<Procedure, 'id' | 'name' | 'field' | 'applicants' | 'conditions' | 'results' | 'cases'>;

export interface CellScore {
  id: string;
  score: number;
  /** Positions of the question's words found (an official word read for a citizen's phrase counts at the phrase). */
  matched: Set<number>;
}

export class CellIndex {
  private readonly ids: string[] = [];
  private readonly lengths: number[] = [];
  /** word → the documents holding it and how often. */
  private readonly postings = new Map<string, Array<[number, number]>>();
  private readonly averageLength: number;

  constructor(procedures: ReadonlyArray<CellProcedure>, normalize: (text: string) => NormalizedText) {
    for (const p of procedures) {
      const terms = new Map<string, number>();
      const add = (folded: readonly string[], times: number): void => {
        for (const t of folded) terms.set(t, (terms.get(t) ?? 0) + times);
      };
      add(normalize(p.name).folded, NAME_BOOST);
      add(normalize(p.field).folded, 1);
      const cells = [...(p.applicants ?? []), ...(p.conditions ?? []), ...(p.results ?? []), ...p.cases.flatMap((c) => c.documents.map((d) => d.name))];
      add(normalize(cells.join(' . ')).folded, 1);
      let length = 0;
      for (const [t, tf] of terms) {
        length += tf;
        const list = this.postings.get(t);
        if (list) list.push([this.ids.length, tf]);
        else this.postings.set(t, [[this.ids.length, tf]]);
      }
      this.ids.push(p.id);
      this.lengths.push(length);
    }
    this.averageLength = this.lengths.reduce((a, b) => a + b, 0) / Math.max(1, this.lengths.length);
  }

  /** `query`: folded word → its position in the question. Documents holding none are not scored. Best first. */
  score(query: ReadonlyMap<string, number>): CellScore[] {
    const n = this.ids.length;
    const found = new Map<number, CellScore>();
    for (const [t, at] of query) {
      const postings = this.postings.get(t);
      if (!postings) continue;
      const idf = Math.log(1 + (n - postings.length + 0.5) / (postings.length + 0.5));
      for (const [doc, tf] of postings) {
        let entry = found.get(doc);
        if (!entry) found.set(doc, (entry = { id: this.ids[doc]!, score: 0, matched: new Set() }));
        entry.score += idf * ((tf * (BM25_K1 + 1)) / (tf + BM25_K1 * (1 - BM25_B + (BM25_B * this.lengths[doc]!) / this.averageLength)));
        entry.matched.add(at);
      }
    }
    return [...found.values()].sort((a, b) => b.score - a.score);
  }
}
