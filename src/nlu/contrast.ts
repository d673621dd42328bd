import type { Cues } from './cues.js';
import type { ProcedureMatch } from './procedure-matcher.js';
import type { NormalizedText } from './vi/normalize.js';

// What a citizen rules out: "thẻ bị mất chứ không phải hết hạn", "nhận trợ cấp thất nghiệp,
// không phải rút BHXH một lần", "không muốn làm căn cước lần đầu, muốn đổi thẻ cũ". A rule-out
// cue (data: intents/cues/vi.yaml) opens a scope that runs to the end of its clause, a stop
// word, a question word or a few words. A procedure is ruled out when the scope holds a word
// that names it and none of the procedures named outside the scope: the scope's own words
// ("hết hạn", "rút … một lần", "lần đầu"), not the words the procedures share ("căn cước",
// "bảo hiểm"), which the scope may carry for both.

export interface RuleOut {
  /** Positions of the cue words ("chứ không phải"). */
  cue: number[];
  /** Positions of the words ruled out. */
  scope: number[];
}

/** The stretches of the question that the citizen rules out. */
export function ruleOutScopes(norm: NormalizedText, cues: Cues): RuleOut[] {
  if (!cues.ruleOut.size) return [];
  // Cues next to each other are one ("chứ chưa muốn", "không phải, không muốn").
  const cueAt = cues.ruleOut.covered(norm);
  if (!cueAt.size) return [];
  const asking = cues.question.covered(norm);
  const stops = cues.stops.covered(norm);
  const alternatives = cues.alternatives.covered(norm);
  const out: RuleOut[] = [];
  const n = norm.folded.length;
  for (let i = 0; i < n; i++) {
    if (!cueAt.has(i)) continue;
    const cue: number[] = [];
    while (i < n && cueAt.has(i)) cue.push(i++);
    // A cue's closing stop word ("mà" of "không … mà") ends the scope before it and opens none.
    if (cue.every((k) => stops.has(k))) {
      i--;
      continue;
    }
    const clauseEnd = norm.clauses?.find((c) => c.start <= cue[0]! && cue[0]! < c.end)?.end ?? n;
    const limit = Math.min(clauseEnd, i + cues.maxRuleOutWords);
    const scope: number[] = [];
    for (let k = i; k < limit && !cueAt.has(k) && !asking.has(k) && !stops.has(k); k++) {
      // "đổi hay làm lại": two things ruled out, each its own scope.
      if (alternatives.has(k)) {
        if (scope.length) out.push({ cue, scope: scope.splice(0) });
        continue;
      }
      scope.push(k);
    }
    if (scope.length) out.push({ cue, scope });
    i--;
  }
  return out;
}

/**
 * The candidates without those the scopes rule out: the ones that name the most of a scope
 * ("không muốn làm căn cước lần đầu" names the first card most); when several name it,
 * all but the one that alone names best what is said outside the scopes ("không phải đăng ký
 * mà là xóa thường trú cho người đã mất": xóa thường trú). Words are weighed by how distinctive they are, so "căn
 * cước" in the scope counts for every card. When nothing else is named, nothing is ruled out
 * ("không muốn lên phường làm căn cước, làm online được không").
 */
export function withoutRuledOut(
  candidates: readonly ProcedureMatch[],
  scopes: readonly RuleOut[],
  weightAt: (position: number) => number,
  distinctive: (position: number) => boolean,
): ProcedureMatch[] {
  if (!scopes.length) return [...candidates];
  const inScopes = new Set(scopes.flatMap((s) => s.scope));
  const outsideWeight = (c: ProcedureMatch): number => c.matched.reduce((sum, i) => (inScopes.has(i) ? sum : sum + weightAt(i)), 0);
  const byOutside = candidates.map((c) => ({ c, outside: outsideWeight(c) })).sort((a, b) => b.outside - a.outside);
  // Those naming most outside the scopes stand, ties included: "không phải đăng ký tạm trú mà là
  // thường trú" leaves both thường trú procedures to the match, which names "đăng ký" too.
  const most = byOutside[0]?.outside ?? 0;
  const standing = new Set(most > 0 ? byOutside.filter((b) => b.outside >= most - EPSILON).map((b) => b.c) : []);
  let kept = [...candidates];
  // Each scope rules out its own: "không phải đổi hay làm lại" rules out both.
  for (const { scope } of scopes) {
    const inScope = new Set(scope);
    const weigh = (c: ProcedureMatch): number => c.matched.reduce((sum, i) => (inScope.has(i) ? sum + weightAt(i) : sum), 0);
    const most = Math.max(0, ...kept.map(weigh));
    if (!(most > 0)) continue;
    const named = kept.filter((c) => weigh(c) >= NAMED_SHARE * most - EPSILON);
    // One procedure the scope names is ruled out, whatever else it names; of several, the one
    // naming best what is said outside stands ("không phải đăng ký mà là xóa thường trú").
    const ruledOut = named.some((c) => !standing.has(c));
    // Of several standing ones, the one the scope names by a telling word of its own is ruled
    // out ("đăng ký thường trú chứ không phải xóa thường trú": "xóa"); the others stand.
    const both = named.filter((c) => standing.has(c));
    const own = both.length > 1 ? both.filter((c) => c.matched.some((i) => inScope.has(i) && distinctive(i) && !both.some((o) => o !== c && o.matched.includes(i)))) : [];
    if (own.length === 1) {
      kept = kept.filter((c) => c !== own[0] && (!named.includes(c) || standing.has(c)));
      continue;
    }
    kept = kept.filter((c) => !named.includes(c) || (named.length > 1 && ruledOut && standing.has(c)));
  }
  // Nothing else named: the scope is the question after all.
  if (!kept.some((c) => c.matched.some((i) => !inScopes.has(i) && distinctive(i)))) return [...candidates];
  return kept;
}

const EPSILON = 1e-9;
/** A procedure naming at least this share of what the scope names best is named by the scope too ("bị mất": every lost card). */
const NAMED_SHARE = 0.5;
