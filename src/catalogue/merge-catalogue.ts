import type { Procedure } from '../knowledge/schema.js';

// The knowledge base with a catalogue: the curated entries of knowledge/ and the imported ones.
// Where a curated entry carries the catalogue code of an imported one, the curated entry is
// used, under its own id (contract section 7); codes are compared as written and by their
// national part, so "1.001193" in knowledge/ also stands for a province's
// "1.001193.000.00.00.H36".

export interface MergedKnowledge {
  procedures: Procedure[];
  /** Imported entries left out for a curated one: their code and the curated id used instead. */
  replaced: Array<{ code: string; by: string }>;
}

/** The national part of a code: "1.001193" of "1.001193.000.00.00.H36". */
export function nationalCode(code: string): string {
  return /^\d+\.\d{6}/.exec(code.trim())?.[0] ?? code.trim();
}

export function mergeCatalogue(curated: ReadonlyArray<Procedure>, imported: ReadonlyArray<Procedure>): MergedKnowledge {
  const byCode = new Map<string, string>();
  for (const p of curated) {
    if (!p.catalogCode) continue;
    byCode.set(p.catalogCode.trim(), p.id);
    byCode.set(nationalCode(p.catalogCode), p.id);
  }
  const ids = new Set(curated.map((p) => p.id));
  const replaced: MergedKnowledge['replaced'] = [];
  const kept: Procedure[] = [];
  for (const p of imported) {
    const by = byCode.get(p.id) ?? byCode.get(nationalCode(p.id)) ?? (ids.has(p.id) ? p.id : undefined);
    if (by) replaced.push({ code: p.id, by });
    else kept.push(p);
  }
  return { procedures: [...curated, ...kept], replaced };
}
