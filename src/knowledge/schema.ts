import { z } from 'zod';

// One procedure (thủ tục hành chính): written by hand in knowledge/procedures/<id>.yaml
// (curated), or imported from a province's catalogue spreadsheet (src/catalogue/). The schema
// is the single source of truth for the format; the README's "Data formats" shows an example.
//
// One type for both, so every part of the assistant reads them alike. An imported entry carries
// `origin: {kind: catalogue, file, row}` and may leave what the catalogue did not say empty:
// an empty text ("") or list ([]), `level: null`, `online.availability: unknown`,
// `reviewedAt: null`. A curated entry (no `origin`) is held to every rule below, as before.

export const KNOWLEDGE_FORMAT_VERSION = 1;

const text = z.string().trim().min(1, 'must not be empty');
/** A text that an imported entry may leave empty (the catalogue's cell was empty). */
const cell = z.string().trim();
const kebabId = z.string().regex(/^[a-z0-9]+(-[a-z0-9]+)*$/, 'must be lower-case kebab-case, e.g. "dang-ky-khai-sinh"');
/** A catalogue code as written in `Mã thủ tục`, e.g. "1.001193" or "2.002154.000.00.00.H17". */
export const CATALOGUE_CODE = /^[0-9A-Za-z\u0110\u0111]+([._-][0-9A-Za-z\u0110\u0111]+)*$/;
const catalogueId = z.string().regex(CATALOGUE_CODE, 'must be a catalogue code of letters and digits joined by ".", "-" or "_", e.g. "1.001193"');
/** A procedure's id: kebab-case for curated entries, the catalogue code for imported ones. */
export const procedureId = z.union([kebabId, catalogueId], { errorMap: () => ({ message: 'must be a kebab-case id ("dang-ky-khai-sinh") or a catalogue code ("1.001193")' }) });
const isoDate = z.string().regex(/^\d{4}-\d{2}-\d{2}$/, 'must be a date YYYY-MM-DD');

/**
 * When a case (or a fee line, or a procedure of a family) applies, in the slots of the
 * citizen's situation (intents/situation/vi.yaml): slot → the values that select it; for the
 * age, whole years ([14, 25]) or bounds ({ max: 13 }); { not: [values] } only rules out. Every slot named must hold; a list of
 * such objects selects when any one of them does. `dvc validate` checks names and values.
 */
const slotCondition = z.union([
  z.array(z.union([z.string().trim().min(1), z.number().int().min(0)])).min(1, 'list at least one value'),
  z.object({ min: z.number().int().min(0).optional(), max: z.number().int().min(0).optional() }).strict()
    .refine((b) => b.min !== undefined || b.max !== undefined, 'give min, max or both')
    .refine((b) => b.min === undefined || b.max === undefined || b.min <= b.max, 'min must not be above max'),
  /** Values that rule the entry out, selecting nothing by themselves: a lost passport's case is not "lần đầu". */
  z.object({ not: z.array(z.string().trim().min(1)).min(1, 'list at least one value') }).strict(),
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
  procedure: procedureId.optional(),
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
  documents: z.array(documentSchema),
  fees: z.array(feeSchema),
  /** Who is exempt from the fee. */
  exemptions: z.array(text).default([]),
  duration: cell,
}).strict();

export const onlineSchema = z.object({
  /** `unknown`: an imported entry whose catalogue does not say. */
  availability: z.enum(['full', 'partial', 'none', 'unknown']),
  url: z.string().url().nullable(),
  note: text.optional(),
}).strict();

/** Where an imported entry comes from: the catalogue file and its row (the header is row 1). */
export const originSchema = z.object({
  kind: z.literal('catalogue'),
  file: text,
  row: z.number().int().positive(),
  /** Số quyết định công bố: the decision that published the procedure. */
  decision: text.optional(),
}).strict();

const procedureObject = z.object({
  version: z.literal(KNOWLEDGE_FORMAT_VERSION),
  id: procedureId,
  /** Procedures citizens mistake for one another ("cấp đổi" / "cấp lại" căn cước): a situation picks the member. */
  family: z.union([familySchema, z.array(familySchema).min(1)]).optional(),
  name: text,
  /** Names citizens use instead of the official one. */
  aliases: z.array(text),
  field: text,
  /** Code in the national catalogue of procedures, null where unknown. */
  catalogCode: z.string().trim().min(1).nullable(),
  agency: cell,
  level: z.enum(['commune', 'province', 'central']).nullable(),
  submitAt: z.array(text),
  online: onlineSchema,
  cases: z.array(caseSchema).min(1),
  steps: z.array(text),
  legalBasis: z.array(text),
  sources: z.array(z.string().url()).default([]),
  /** Figures that could not be verified, said openly. */
  caveats: z.array(text).default([]),
  /** Who may ask for it (đối tượng thực hiện). */
  applicants: z.array(text).optional(),
  /** Conditions to meet (yêu cầu, điều kiện). */
  conditions: z.array(text).optional(),
  /** What the citizen receives (kết quả thực hiện). */
  results: z.array(text).optional(),
  reviewedAt: isoDate.nullable(),
  origin: originSchema.optional(),
}).strict();

type Check = (ctx: z.RefinementCtx, path: Array<string | number>, message: string) => void;

/** The rules every curated entry keeps: what the assistant answers must be there. */
function checkCurated(p: z.infer<typeof procedureObject>, ctx: z.RefinementCtx): void {
  const fail: Check = (c, path, message) => c.addIssue({ code: z.ZodIssueCode.custom, path, message });
  if (!kebabId.safeParse(p.id).success) fail(ctx, ['id'], 'must be lower-case kebab-case, e.g. "dang-ky-khai-sinh"');
  if (!p.aliases.length) fail(ctx, ['aliases'], 'add at least one alias citizens use');
  if (!p.agency) fail(ctx, ['agency'], 'must not be empty');
  if (p.level === null) fail(ctx, ['level'], 'must be commune, province or central');
  if (!p.submitAt.length) fail(ctx, ['submitAt'], 'must list at least one place');
  if (p.online.availability === 'unknown') fail(ctx, ['online', 'availability'], 'must be full, partial or none');
  if (!p.steps.length) fail(ctx, ['steps'], 'must list at least one step');
  if (!p.legalBasis.length) fail(ctx, ['legalBasis'], 'cite at least one legal document');
  if (p.reviewedAt === null) fail(ctx, ['reviewedAt'], 'must be a date YYYY-MM-DD');
  p.cases.forEach((c, i) => {
    if (!c.documents.length) fail(ctx, ['cases', i, 'documents'], 'a case needs at least one document');
    if (!c.fees.length) fail(ctx, ['cases', i, 'fees'], 'a case needs at least one fee line (amount 0 when free)');
    if (!c.duration) fail(ctx, ['cases', i, 'duration'], 'must not be empty');
  });
}

export const procedureSchema = procedureObject.superRefine((p, ctx) => {
  if (!p.origin) checkCurated(p, ctx);
  else if (!CATALOGUE_CODE.test(p.id)) ctx.addIssue({ code: z.ZodIssueCode.custom, path: ['id'], message: 'an imported entry\'s id is its catalogue code' });
});

export type Select = z.infer<typeof selectSchema>;
export type SlotCondition = z.infer<typeof slotCondition>;
export type Family = z.infer<typeof familySchema>;

export type ProcedureDocument = z.infer<typeof documentSchema>;
export type ProcedureFee = z.infer<typeof feeSchema>;
export type ProcedureCase = z.infer<typeof caseSchema>;
export type ProcedureOrigin = z.infer<typeof originSchema>;
export type Procedure = z.infer<typeof procedureSchema>;

/** True for an entry imported from a catalogue (its empty cells mean "not in the catalogue"). */
export function isImported(p: Pick<Procedure, 'origin'>): boolean {
  return p.origin?.kind === 'catalogue';
}
