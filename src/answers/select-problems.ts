import type { KnowledgeBase } from '../knowledge/knowledge-base.js';
import type { Procedure, Select } from '../knowledge/schema.js';
import { NUMBER_SLOTS } from '../nlu/situation/situation.js';
import { familiesOf } from './select-case.js';

// The situation data of the knowledge, checked against intents/situation/vi.yaml: every slot and
// value a `select` names exists; every case of a procedure with several says which situation
// selects it; a family has at least two procedures. `dvc validate` lists the problems
// (src/cli/validate-select.ts); a staff edit may not bring a new one (selectCheck).

/** Slot → value names, from the situation reader. */
export type SlotValues = ReadonlyMap<string, ReadonlySet<string>>;

export interface SelectProblem {
  procedure: string;
  /** The field at fault, e.g. `cases.0.select`. */
  field: string;
  message: string;
  /** As `dvc validate` says it. */
  text: string;
}

export function selectDataProblems(kb: Pick<KnowledgeBase, 'procedures'>, slots: SlotValues): SelectProblem[] {
  const problems = kb.procedures.flatMap((p) => procedureProblems(p, slots));
  for (const [id, members] of familyMembers(kb.procedures)) {
    if (members.length < 2) problems.push(familyAlone(members[0]!, id));
  }
  return problems;
}

/** The problems of one procedure's own situation data. */
function procedureProblems(p: Procedure, slots: SlotValues): SelectProblem[] {
  const problems: SelectProblem[] = [];
  const check = (select: Select | undefined, where: string): void => {
    if (select === undefined) return;
    for (const message of conditionProblems(select, slots)) problems.push({ procedure: p.id, field: `${where}.select`, message, text: `${p.id}: ${where}.select: ${message}` });
  };
  for (const [i, f] of familiesOf(p).entries()) check(f.select, Array.isArray(p.family) ? `family.${i}` : 'family');
  p.cases.forEach((c, ci) => {
    check(c.select, `cases.${ci}`);
    if (p.cases.length > 1 && c.select === undefined) {
      const message = `add \`select\`, the situation that picks this case among ${p.cases.length}`;
      problems.push({ procedure: p.id, field: `cases.${ci}`, message, text: `${p.id}: cases.${ci} ("${c.name}"): ${message}` });
    }
    c.fees.forEach((fee, fi) => check(fee.select, `cases.${ci}.fees.${fi}`));
  });
  return problems;
}

/** Family id → its procedures' ids. */
function familyMembers(procedures: ReadonlyArray<Procedure>): Map<string, string[]> {
  const families = new Map<string, string[]>();
  for (const p of procedures) for (const f of familiesOf(p)) families.set(f.id, [...(families.get(f.id) ?? []), p.id]);
  return families;
}

function familyAlone(procedure: string, family: string): SelectProblem {
  const message = `family "${family}" has no other procedure: name it in the procedures citizens mistake for this one`;
  return { procedure, field: 'family', message, text: `${procedure}: ${message}` };
}

/**
 * The check of a staff edit: the situation problems that putting `edited` in place of the
 * procedure of its id brings (a family it leaves or starts with one member is its `family`).
 * Problems already there are not its doing.
 */
export function selectCheck(slots: SlotValues) {
  return (edited: Procedure, knowledge: Pick<KnowledgeBase, 'procedures'>): Array<{ field: string; message: string }> => {
    const current = knowledge.procedures.find((p) => p.id === edited.id);
    const had = new Set(current ? procedureProblems(current, slots).map((p) => p.text) : []);
    const own = procedureProblems(edited, slots).filter((p) => !had.has(p.text));
    const touched = new Set([...familiesOf(edited), ...(current ? familiesOf(current) : [])].map((f) => f.id));
    if (!touched.size) return own;
    const before = familyMembers(knowledge.procedures);
    const after = familyMembers(knowledge.procedures.map((p) => (p.id === edited.id ? edited : p)));
    const alone = [...touched].filter((id) => {
      const [now, was] = [after.get(id)?.length, before.get(id)?.length];
      return now !== undefined && now < 2 && !(was !== undefined && was < 2);
    });
    return [...own, ...alone.map((id) => familyAlone(edited.id, id))].map(({ field, message }) => ({ field, message }));
  };
}

function conditionProblems(select: Select, slots: SlotValues): string[] {
  const problems: string[] = [];
  for (const alternative of Array.isArray(select) ? select : [select]) {
    for (const [slot, condition] of Object.entries(alternative)) {
      if (NUMBER_SLOTS.includes(slot)) {
        if (Array.isArray(condition) && condition.some((v) => typeof v !== 'number')) problems.push(`${slot}: list whole numbers or give { min, max }`);
        continue;
      }
      const values = slots.get(slot);
      if (!values) {
        problems.push(`unknown slot "${slot}" (slots: ${[...NUMBER_SLOTS, ...slots.keys()].join(', ')})`);
        continue;
      }
      if (!Array.isArray(condition) && !('not' in condition)) {
        problems.push(`${slot}: { min, max } is for the age and elapsed days only; list values`);
        continue;
      }
      for (const v of Array.isArray(condition) ? condition : condition.not) {
        if (!values.has(String(v))) problems.push(`${slot}: unknown value "${String(v)}" (values: ${[...values].join(', ')})`);
      }
    }
  }
  return problems;
}
