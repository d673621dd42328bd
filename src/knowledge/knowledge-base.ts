import { readdirSync } from 'node:fs';
import path from 'node:path';
import { DataFileError } from '../errors.js';
import { readDataFile } from '../data/read-data-file.js';
import { internStrings } from '../data/intern-strings.js';
import { procedureSchema, type Procedure } from './schema.js';

/**
 * The procedures the assistant knows, keyed by id. One object shared by every part (answers,
 * dialogs, understanding, training): it changes only through `replace`, which staff edits use
 * (src/knowledge/knowledge-service.ts). A change swaps in a new list and index at once, so a
 * reader holding `procedures` keeps a consistent list, and the next `get` sees the new facts.
 */
export class KnowledgeBase {
  private list: ReadonlyArray<Procedure>;
  private byId: ReadonlyMap<string, Procedure>;

  constructor(procedures: ReadonlyArray<Procedure>) {
    this.list = internStrings(procedures);
    this.byId = new Map(procedures.map((p) => [p.id, p]));
  }

  /** Every procedure, in knowledge order; a new array after each change, never changed in place. */
  get procedures(): ReadonlyArray<Procedure> {
    return this.list;
  }

  get(id: string): Procedure | undefined {
    return this.byId.get(id);
  }

  has(id: string): boolean {
    return this.byId.has(id);
  }

  /** Puts each of `changed` in place of the procedure with its id (unknown ids are ignored). */
  replace(changed: ReadonlyArray<Procedure>): void {
    const next = new Map(changed.filter((p) => this.byId.has(p.id)).map((p) => [p.id, p]));
    if (!next.size) return;
    const list = this.list.map((p) => next.get(p.id) ?? p);
    this.list = list;
    this.byId = new Map(list.map((p) => [p.id, p]));
  }

  /** Distinct fields (lĩnh vực) in catalogue order. */
  fields(): string[] {
    return [...new Set(this.procedures.map((p) => p.field))];
  }

  inField(field: string): Procedure[] {
    return this.procedures.filter((p) => p.field === field);
  }
}

/**
 * Loads every procedure file of the knowledge folder `dir` (see listYamlFiles). All files are
 * checked before failing, so one run reports every problem: each names the file, the field and
 * what is wrong.
 */
export function loadKnowledgeBase(dir: string): KnowledgeBase {
  const files = listYamlFiles(dir);
  const procedures: Procedure[] = [];
  const errors: DataFileError[] = [];
  const seen = new Map<string, string>();
  for (const file of files) {
    try {
      const procedure = readDataFile(file, procedureSchema);
      const expectedId = path.basename(file).replace(/\.ya?ml$/, '');
      if (procedure.id !== expectedId) {
        throw new DataFileError(file, [`id: "${procedure.id}" must match the file name "${expectedId}"`]);
      }
      const other = seen.get(procedure.id);
      if (other) throw new DataFileError(file, [`id: "${procedure.id}" is already used by ${other}`]);
      seen.set(procedure.id, file);
      procedures.push(procedure);
    } catch (err) {
      if (err instanceof DataFileError) errors.push(err);
      else throw err;
    }
  }
  for (const procedure of procedures) {
    for (const [ci, c] of procedure.cases.entries()) {
      for (const [di, doc] of c.documents.entries()) {
        if (doc.procedure && !seen.has(doc.procedure)) {
          errors.push(new DataFileError(seen.get(procedure.id) ?? procedure.id, [
            `cases.${ci}.documents.${di}.procedure: unknown procedure id "${doc.procedure}"`,
          ]));
        }
      }
    }
  }
  if (errors.length) throw new KnowledgeLoadError(errors);
  if (!procedures.length) throw new KnowledgeLoadError([new DataFileError(path.join(dir, PROCEDURES_FOLDER), ['holds no procedure files (*.yaml)'])]);
  return new KnowledgeBase(procedures);
}

export class KnowledgeLoadError extends Error {
  readonly errors: DataFileError[];
  constructor(errors: DataFileError[]) {
    super(`knowledge base has ${errors.length} problem(s):\n${errors.map((e) => `  - ${e.message}`).join('\n')}`);
    this.name = 'KnowledgeLoadError';
    this.errors = errors;
  }
}

/**
 * The folder of a knowledge folder that holds the procedures, one `<id>.yaml` each, at any depth.
 * Other data of the knowledge folder (superseded.yaml, reviews/) lives beside it.
 */
export const PROCEDURES_FOLDER = 'procedures';

/** The procedure files of the knowledge folder `dir`, sorted; throws KnowledgeLoadError when they cannot be read. */
export function listYamlFiles(dir: string): string[] {
  const folder = path.join(dir, PROCEDURES_FOLDER);
  let entries: string[];
  try {
    entries = readdirSync(folder, { recursive: true }) as string[];
  } catch (err) {
    throw new KnowledgeLoadError([new DataFileError(folder, [`cannot be read: ${(err as NodeJS.ErrnoException).code ?? String(err)}`])]);
  }
  return entries.filter((f) => /\.ya?ml$/.test(f)).sort().map((f) => path.join(folder, f));
}
