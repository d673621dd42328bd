import { z } from 'zod';

// One procedure (thủ tục hành chính) as staff edit it in knowledge/procedures/<id>.yaml.
// The schema is the single source of truth for the format; knowledge/README.md shows an example.

export const KNOWLEDGE_FORMAT_VERSION = 1;

const text = z.string().trim().min(1, 'must not be empty');
const kebabId = z.string().regex(/^[a-z0-9]+(-[a-z0-9]+)*$/, 'must be lower-case kebab-case, e.g. "dang-ky-khai-sinh"');
const isoDate = z.string().regex(/^\d{4}-\d{2}-\d{2}$/, 'must be a date YYYY-MM-DD');

/**
 * When a case (or a fee line, or a procedure of a family) applies, in the slots of the
 * citizen's situation (intents/situation/vi.yaml): slot → the values that select it; for the
 * age, whole years ([14, 25]) or bounds ({ max: 13 }). Every slot named must hold; a list of
 * such objects selects when any one of them does. `dvc validate` checks names and values.
 */
const slotCondition = z.union([
  z.array(z.union([z.string().trim().min(1), z.number().int().min(0)])).min(1, 'list at least one value'),
  z.object({ min: z.number().int().min(0).optional(), max: z.number().int().min(0).optional() }).strict()
    .refine((b) => b.min !== undefined || b.max !== undefined, 'give min, max or both')
    .refine((b) => b.min === undefined || b.max === undefined || b.min <= b.max, 'min must not be above max'),
]);
const selectAll = z.record(z.string().regex(/^[a-z][a-zA-Z0-9]*$/, 'must be a slot name of intents/situation/vi.yaml'), slotCondition)
  .refine((o) => Object.keys(o).length > 0, 'name at least one slot');
export const selectSchema = z.union([selectAll, z.array(selectAll).min(1)]);

/** A procedure's place among procedures citizens mistake for one another, and when it is the one. */
export const familySchema = z.object({ id: kebabId, select: selectSchema }).strict();

export const documentSchema = z.object({
  name: text,
  /** What the paper is and where to get it, for "Giấy này là gì?". */
  explain: text.optional(),
  /** How many copies / original or certified copy. */
  form: text.optional(),
  optional: z.boolean().default(false),
  /** When this paper is itself the result of another procedure of the knowledge base. */
  procedure: kebabId.optional(),
}).strict();

export const feeSchema = z.object({
  label: text,
  /** Amount in đồng; null where no figure could be verified (say so in `note`). */
  amount: z.number().int().nonnegative().nullable(),
  /** Amount when submitted online, where a discount applies. */
  onlineAmount: z.number().int().nonnegative().nullable().optional(),
  note: text.optional(),
  /** Only in some situations (an area, a vehicle): the answer then shows only the lines that apply. */
  select: selectSchema.optional(),
}).strict();

export const caseSchema = z.object({
  id: kebabId,
  /** The situation that selects this case (see selectSchema). */
  select: selectSchema.optional(),
  name: text,
  /** Who this case applies to, as a question-friendly sentence. */
  when: text.optional(),
  documents: z.array(documentSchema).min(1, 'a case needs at least one document'),
  fees: z.array(feeSchema).min(1, 'a case needs at least one fee line (amount 0 when free)'),
  /** Who is exempt from the fee. */
  exemptions: z.array(text).default([]),
  duration: text,
}).strict();

export const onlineSchema = z.object({
  availability: z.enum(['full', 'partial', 'none']),
  url: z.string().url().nullable(),
  note: text.optional(),
}).strict();

export const procedureSchema = z.object({
  version: z.literal(KNOWLEDGE_FORMAT_VERSION),
  id: kebabId,
  /** Procedures citizens mistake for one another ("cấp đổi" / "cấp lại" căn cước): a situation picks the member. */
  family: z.union([familySchema, z.array(familySchema).min(1)]).optional(),
  name: text,
  /** Names citizens use instead of the official one. */
  aliases: z.array(text).min(1, 'add at least one alias citizens use'),
  field: text,
  /** Code in the national catalogue of procedures, null where unknown. */
  catalogCode: z.string().trim().min(1).nullable(),
  agency: text,
  level: z.enum(['commune', 'province', 'central']),
  submitAt: z.array(text).min(1),
  online: onlineSchema,
  cases: z.array(caseSchema).min(1),
  steps: z.array(text).min(1),
  legalBasis: z.array(text).min(1, 'cite at least one legal document'),
  sources: z.array(z.string().url()).default([]),
  /** Figures that could not be verified, said openly. */
  caveats: z.array(text).default([]),
  reviewedAt: isoDate,
}).strict();

export type Select = z.infer<typeof selectSchema>;
export type SlotCondition = z.infer<typeof slotCondition>;
export type Family = z.infer<typeof familySchema>;
export type ProcedureDocument = z.infer<typeof documentSchema>;
export type ProcedureFee = z.infer<typeof feeSchema>;
export type ProcedureCase = z.infer<typeof caseSchema>;
export type Procedure = z.infer<typeof procedureSchema>;
