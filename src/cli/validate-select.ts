import type { KnowledgeBase } from '../knowledge/knowledge-base.js';
import type { Select } from '../knowledge/schema.js';
import { familiesOf } from '../answers/select-case.js';
import { AGE_SLOT } from '../nlu/situation/situation.js';

// `dvc validate` for the situation data of the knowledge: every slot and value a `select`
// names exists in intents/situation/vi.yaml; every case of a procedure with several cases
// says which situation selects it; a family has at least two procedures.

/** Slot → value names, from the situation reader. */
export type SlotValues = ReadonlyMap<string, ReadonlySet<string>>;

export function selectProblems(kb: KnowledgeBase, slots: SlotValues): string[] {
  const problems: string[] = [];
  const families = new Map<string, string[]>();
  for (const p of kb.procedures) {
    const check = (select: Select | undefined, where: string): void => {
      if (select !== undefined) problems.push(...conditionProblems(select, slots).map((x) => `${p.id}: ${where}.select: ${x}`));
    };
    for (const [i, f] of familiesOf(p).entries()) {
      check(f.select, Array.isArray(p.family) ? `family.${i}` : 'family');
      families.set(f.id, [...(families.get(f.id) ?? []), p.id]);
    }
    p.cases.forEach((c, ci) => {
      check(c.select, `cases.${ci}`);
      if (p.cases.length > 1 && c.select === undefined) {
        problems.push(`${p.id}: cases.${ci} ("${c.name}"): add \`select\`, the situation that picks this case among ${p.cases.length}`);
      }
      c.fees.forEach((fee, fi) => check(fee.select, `cases.${ci}.fees.${fi}`));
    });
  }
  for (const [id, members] of families) {
    if (members.length < 2) problems.push(`${members[0]}: family "${id}" has no other procedure: name it in the procedures citizens mistake for this one`);
  }
  return problems;
}

function conditionProblems(select: Select, slots: SlotValues): string[] {
  const problems: string[] = [];
  for (const alternative of Array.isArray(select) ? select : [select]) {
    for (const [slot, condition] of Object.entries(alternative)) {
      if (slot === AGE_SLOT) {
        if (Array.isArray(condition) && condition.some((v) => typeof v !== 'number')) problems.push(`${slot}: list whole years or give { min, max }`);
        continue;
      }
      const values = slots.get(slot);
      if (!values) {
        problems.push(`unknown slot "${slot}" (slots: ${[AGE_SLOT, ...slots.keys()].join(', ')})`);
        continue;
      }
      if (!Array.isArray(condition)) {
        problems.push(`${slot}: { min, max } is for the age only; list values`);
        continue;
      }
      for (const v of condition) {
        if (!values.has(String(v))) problems.push(`${slot}: unknown value "${String(v)}" (values: ${[...values].join(', ')})`);
      }
    }
  }
  return problems;
}
