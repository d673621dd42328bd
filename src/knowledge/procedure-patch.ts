import { AppError } from '../errors.js';
import { procedureSchema, type Procedure } from './schema.js';

// A staff change to one procedure, checked as `dvc validate` checks the files: the knowledge
// schema (curated entries strictly; imported catalogue entries, `origin.kind: catalogue`, may
// keep empty cells), and every document that names another procedure names one that exists.
// A change that breaks a rule is refused with the path of each field at fault.

export interface FieldProblem {
  /** The field's path in the procedure, e.g. `cases.0.fees.0.amount`; `(top level)` for the whole. */
  field: string;
  message: string;
}

/** What a body may carry besides the procedure's own fields: `"reviewed": true` sets reviewedAt to today. */
export const REVIEWED_FLAG = 'reviewed';

/** The 400 that names every field at fault; `details.field` is the first. */
export function invalidProcedure(problems: FieldProblem[]): AppError {
  return new AppError('VALIDATION_FAILED', problems.map((p) => `${p.field}: ${p.message}`).join('; '), {
    details: { field: problems[0]?.field ?? '(top level)', problems },
  });
}

/** Checks a procedure needs beyond the schema and its references (the situation data against its cue file). */
export type ProcedureCheck = (procedure: Procedure) => FieldProblem[];

/** `value` as a procedure, checked by the knowledge schema, its references and `more`; throws invalidProcedure. */
export function checkProcedure(value: unknown, exists: (id: string) => boolean, more?: ProcedureCheck): Procedure {
  const parsed = procedureSchema.safeParse(value);
  if (!parsed.success) {
    throw invalidProcedure(parsed.error.issues.map((i) => ({ field: i.path.length ? i.path.join('.') : '(top level)', message: i.message })));
  }
  const problems: FieldProblem[] = [];
  parsed.data.cases.forEach((c, ci) => c.documents.forEach((d, di) => {
    if (d.procedure && !exists(d.procedure)) problems.push({ field: `cases.${ci}.documents.${di}.procedure`, message: `no procedure has id "${d.procedure}"` });
  }));
  if (!problems.length && more) problems.push(...more(parsed.data));
  if (problems.length) throw invalidProcedure(problems);
  return parsed.data;
}

/** The top-level fields whose values differ, in the order the procedures write them. */
export function changedFields(before: Procedure, after: Procedure): string[] {
  const a: Record<string, unknown> = before;
  const b: Record<string, unknown> = after;
  return [...new Set([...Object.keys(b), ...Object.keys(a)])].filter((key) => JSON.stringify(a[key]) !== JSON.stringify(b[key]));
}

/**
 * `current` with the top-level fields of `body` put in their place (a whole procedure, or only
 * the fields that change), checked. `body.id`, when given, must be the procedure's own;
 * `reviewedAt` changes only by `"reviewed": true` (to `today`), never by hand.
 */
export function patchProcedure(
  current: Procedure,
  body: Record<string, unknown>,
  options: { today: string; exists: (id: string) => boolean; more?: ProcedureCheck },
): { procedure: Procedure; fields: string[] } {
  const { [REVIEWED_FLAG]: reviewed, ...fields } = body;
  const problems: FieldProblem[] = [];
  if (reviewed !== undefined && typeof reviewed !== 'boolean') problems.push({ field: REVIEWED_FLAG, message: 'must be true (reviewed today) or false' });
  if ('id' in fields && fields.id !== current.id) problems.push({ field: 'id', message: `is "${current.id}", as in the path; a procedure's id cannot change` });
  if ('reviewedAt' in fields && fields.reviewedAt !== current.reviewedAt) {
    problems.push({ field: 'reviewedAt', message: `is set to today by saving with "${REVIEWED_FLAG}": true after a real review, not written by hand` });
  }
  if (problems.length) throw invalidProcedure(problems);
  const merged = { ...current, ...fields, reviewedAt: reviewed === true ? options.today : current.reviewedAt };
  const procedure = checkProcedure(merged, options.exists, options.more);
  return { procedure, fields: changedFields(current, procedure) };
}
