import type { KnowledgeBase } from '../knowledge/knowledge-base.js';
import type { Family, Procedure, ProcedureCase, Select, SlotCondition } from '../knowledge/schema.js';
import { ageBounds, isAgeValue, NUMBER_SLOTS, type Situation } from '../nlu/situation/situation.js';

// Which case of a procedure (or which procedure of a family) the citizen's situation selects,
// from the `select` data of each entry: no code per procedure.
//
// A condition holds, fails, or cannot be told yet (the slot is unknown, or an age range
// straddles the bounds). An entry fits unless a condition fails; among those that fit, the
// ones with the most conditions that hold are the candidates: "tôi 20 tuổi làm hộ chiếu"
// picks the case for 14 and over, not the lost-passport case it does not contradict.

type Truth = 'yes' | 'no' | 'unknown';

export interface Fit {
  fits: boolean;
  /** Conditions that hold, in the best alternative. */
  matched: number;
}

export function conditionTruth(slot: string, condition: SlotCondition, situation: Situation): Truth {
  const value = situation[slot];
  if (value === undefined) return 'unknown';
  // { not: […] } rules the entry out; it never selects it.
  if (!Array.isArray(condition) && 'not' in condition) return condition.not.includes(String(value)) ? 'no' : 'unknown';
  if (NUMBER_SLOTS.includes(slot)) {
    if (!isAgeValue(value)) return 'unknown';
    const { min, max } = ageBounds(value);
    if (Array.isArray(condition)) {
      const years = condition.filter((x): x is number => typeof x === 'number');
      // A birth year ("sinh năm 1966") gives two ages; the older is the one reached this year.
      if (years.some((y) => y === max && (min === max || min === max - 1))) return 'yes';
      return years.some((y) => y >= min && y <= max) ? 'unknown' : 'no';
    }
    const lo = condition.min ?? 0;
    const hi = condition.max ?? Number.POSITIVE_INFINITY;
    if (min >= lo && max <= hi) return 'yes';
    return max < lo || min > hi ? 'no' : 'unknown';
  }
  if (!Array.isArray(condition)) return 'unknown';
  return condition.includes(String(value)) ? 'yes' : 'no';
}

/** How well a `select` fits the situation; an entry without one fits, matching nothing. */
export function fitOf(select: Select | undefined, situation: Situation): Fit {
  if (!select) return { fits: true, matched: 0 };
  let best: Fit = { fits: false, matched: 0 };
  for (const alternative of Array.isArray(select) ? select : [select]) {
    const truths = Object.entries(alternative).map(([slot, c]) => conditionTruth(slot, c, situation));
    if (truths.includes('no')) continue;
    const matched = truths.filter((t) => t === 'yes').length;
    if (!best.fits || matched > best.matched) best = { fits: true, matched };
  }
  return best;
}

/** The situation rules the entry out by its data's own word: every alternative holds a `{ not: […] }` that fails. */
export function ruledOut(select: Select, situation: Situation): boolean {
  return (Array.isArray(select) ? select : [select]).every((alternative) => Object.entries(alternative)
    .some(([slot, c]) => !Array.isArray(c) && 'not' in c && conditionTruth(slot, c, situation) === 'no'));
}

/** The entries the situation points to: the best fitting ones (all of them when none fits). */
export function bestFitting<T>(entries: readonly T[], selectOf: (entry: T) => Select | undefined, situation: Situation): { best: T[]; matched: number } {
  const fits = entries.map((e) => ({ e, fit: fitOf(selectOf(e), situation) })).filter((x) => x.fit.fits);
  if (!fits.length) return { best: [...entries], matched: 0 };
  const matched = Math.max(...fits.map((x) => x.fit.matched));
  return { best: fits.filter((x) => x.fit.matched === matched).map((x) => x.e), matched };
}

export interface CaseSelection {
  /** The case, when one stands out (or the procedure has only one). */
  chosen: ProcedureCase | null;
  /** The cases still possible, in the entry's order. */
  candidates: ProcedureCase[];
}

export function selectCase(p: Procedure, situation: Situation, known: string | null = null): CaseSelection {
  if (p.cases.length === 1) return { chosen: p.cases[0]!, candidates: [...p.cases] };
  const { best, matched } = bestFitting(p.cases, (c) => c.select, situation);
  // A case chosen before (a button, the guide) stands while the situation does not rule it out.
  const kept = known ? best.find((c) => c.id === known) : undefined;
  if (best.length === 1 && matched > 0) return { chosen: best[0]!, candidates: best };
  if (kept) return { chosen: kept, candidates: best };
  return { chosen: null, candidates: best };
}

export function familiesOf(p: Procedure): Family[] {
  return p.family === undefined ? [] : Array.isArray(p.family) ? p.family : [p.family];
}

interface FamilyMember { q: Procedure; f: Family }

/** Each family's members in knowledge order, built once per list of procedures (a new list after each change). */
const familyIndexes = new WeakMap<ReadonlyArray<Procedure>, Map<string, FamilyMember[]>>();

function familyIndex(procedures: ReadonlyArray<Procedure>): Map<string, FamilyMember[]> {
  let index = familyIndexes.get(procedures);
  if (!index) {
    index = new Map();
    for (const q of procedures) {
      for (const f of familiesOf(q)) {
        const members = index.get(f.id);
        if (members) members.push({ q, f });
        else index.set(f.id, [{ q, f }]);
      }
    }
    familyIndexes.set(procedures, index);
  }
  return index;
}

/**
 * The procedure of `p`'s family that the situation stated in this message points to, when it
 * is another one: "bị mất" after a question about cấp đổi căn cước is cấp lại.
 */
export function familyMember(knowledge: KnowledgeBase, p: Procedure, stated: Situation | undefined, said?: Situation): Procedure {
  if (!stated) return p;
  for (const family of familiesOf(p)) {
    const members = familyIndex(knowledge.procedures).get(family.id) ?? [];
    const { best, matched } = bestFitting(members, (m) => m.f.select, stated);
    const own = fitOf(family.select, stated);
    if (best.length !== 1 || matched === 0 || best[0]!.q.id === p.id || (own.fits && own.matched >= matched)) continue;
    // With all that was said ("bị mất", then "làm lại…"), the procedure in play may fit as well: it stays.
    const before = said ? fitOf(family.select, said) : null;
    if (before?.fits && before.matched >= fitOf(best[0]!.f.select, said!).matched) continue;
    return best[0]!.q;
  }
  return p;
}

/** How many stated facts the `select` data of a procedure's cases or family hold at best: 0 for none. */
export function situationMatch(p: Procedure, situation: Situation): number {
  const selects = [...p.cases.map((c) => c.select), ...familiesOf(p).map((f) => f.select)].filter((s): s is Select => s !== undefined);
  return Math.max(0, ...selects.map((s) => fitOf(s, situation)).filter((f) => f.fits).map((f) => f.matched));
}

/**
 * Among procedures the question may be about, the one the stated situation picks, if one
 * stands out: by its family's `select`, else by its cases' ("vợ tôi vừa sinh, tôi đi làm công ty"
 * selects a case of chế độ thai sản, none of thành lập doanh nghiệp).
 */
export function pickBySituation(procedures: Procedure[], stated: Situation | undefined): Procedure | null {
  if (!stated) return null;
  const withFamily = procedures.map((p) => ({ p, select: familiesOf(p)[0]?.select }));
  const byFamily = bestFitting(withFamily, (x) => x.select, stated);
  if (byFamily.best.length === 1 && byFamily.matched > 0) return byFamily.best[0]!.p;
  const scored = procedures.map((p) => ({ p, matched: situationMatch(p, stated) }));
  const top = Math.max(0, ...scored.map((x) => x.matched));
  const best = scored.filter((x) => x.matched === top).map((x) => x.p);
  if (top === 0) return null;
  if (best.length === 1) return best[0]!;
  // A tie: the one whose family the other options share names the paper the words are about
  // ("đổi tên, cần đổi lại căn cước": two of the options are căn cước, cải chính hộ tịch is not).
  const kin = (p: Procedure) => procedures.filter((q) => q !== p && familiesOf(q).some((f) => familiesOf(p).some((g) => g.id === f.id))).length;
  const most = Math.max(...best.map(kin));
  const kinBest = best.filter((p) => kin(p) === most);
  return most > 0 && kinBest.length === 1 ? kinBest[0]! : null;
}

/** The situation without what the procedure's own family data rules out (an earlier "bị mất" when cấp đổi is named). */
export function consistentWith(p: Procedure, situation: Situation): Situation {
  const out: Situation = { ...situation };
  for (const family of familiesOf(p)) {
    const alternatives = Array.isArray(family.select) ? family.select : [family.select];
    for (const slot of Object.keys(out)) {
      const ruledOut = alternatives.every((a) => a[slot] !== undefined && conditionTruth(slot, a[slot]!, out) === 'no');
      if (ruledOut) delete out[slot];
    }
  }
  return out;
}
