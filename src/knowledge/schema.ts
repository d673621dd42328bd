import { z } from 'zod';

// One procedure (thủ tục hành chính) as staff edit it in knowledge/procedures/<id>.yaml.
// The schema is the single source of truth for the format; knowledge/README.md shows an example.

export const KNOWLEDGE_FORMAT_VERSION = 1;

const text = z.string().trim().min(1, 'must not be empty');
const kebabId = z.string().regex(/^[a-z0-9]+(-[a-z0-9]+)*$/, 'must be lower-case kebab-case, e.g. "dang-ky-khai-sinh"');
const isoDate = z.string().regex(/^\d{4}-\d{2}-\d{2}$/, 'must be a date YYYY-MM-DD');

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
}).strict();

export const caseSchema = z.object({
  id: kebabId,
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

export type ProcedureDocument = z.infer<typeof documentSchema>;
export type ProcedureFee = z.infer<typeof feeSchema>;
export type ProcedureCase = z.infer<typeof caseSchema>;
export type Procedure = z.infer<typeof procedureSchema>;
