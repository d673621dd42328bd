import type { Procedure, ProcedureDocument } from './schema.js';

/**
 * What a document is, for "Giấy này là gì?": its own `explain`, or that of a document of the
 * same name in another case of the procedure (written once, not in every case).
 */
export function documentExplanation(p: Procedure, doc: ProcedureDocument): string | undefined {
  if (doc.explain) return doc.explain;
  return p.cases.flatMap((c) => c.documents).find((d) => d.name === doc.name && d.explain)?.explain;
}
