import { copyFileSync, existsSync, readdirSync, realpathSync, rmSync } from 'node:fs';
import path from 'node:path';
import { isDeepStrictEqual } from 'node:util';
import type { Config } from '../config.js';
import { writeEntries } from '../catalogue/write-entries.js';
import { loadKnowledgeBase, PROCEDURES_FOLDER } from '../knowledge/knowledge-base.js';
import { isImported } from '../knowledge/schema.js';
import { SUPERSEDED_FILE } from '../knowledge/superseded.js';
import { servedKnowledge } from './served-knowledge.js';

const USAGE = 'usage: npm run -s dvc -- export-knowledge DIR [--replace]';

/**
 * `export-knowledge DIR [--replace]`: writes the knowledge the server serves — knowledge/ with
 * the staff edits of DATA_DIR, and the imported entries too when CATALOGUE_FILE is set — as a
 * knowledge folder: DIR/procedures/<id>.yaml and DIR/superseded.yaml, for KNOWLEDGE_DIR=DIR and
 * for version control. It then loads DIR back and checks it holds exactly what was served.
 * A DIR whose procedures/ holds YAML files is refused unless --replace (those files are removed
 * first). Exit 1 when it cannot write or the check fails, 2 on wrong arguments.
 */
export async function runExportKnowledge(
  config: Pick<Config, 'KNOWLEDGE_DIR' | 'DATA_DIR' | 'CATALOGUE_FILE' | 'INTENTS_DIR'>,
  args: string[],
  out: NodeJS.WritableStream = process.stdout,
  err: NodeJS.WritableStream = process.stderr,
): Promise<number> {
  const replace = args.includes('--replace');
  const rest = args.filter((a) => a !== '--replace');
  const [dir, ...extra] = rest;
  if (!dir || extra.length || dir.startsWith('--')) {
    err.write(`${USAGE}\n`);
    return 2;
  }
  const { knowledge, edited } = await servedKnowledge(config);
  const procedures = [...knowledge.procedures];
  try {
    if (replace) removeProcedureFiles(dir);
    writeEntries(dir, procedures);
    const superseded = path.join(config.KNOWLEDGE_DIR, SUPERSEDED_FILE);
    const target = path.join(dir, SUPERSEDED_FILE);
    if (existsSync(superseded) && !(existsSync(target) && realpathSync(target) === realpathSync(superseded))) copyFileSync(superseded, target);
  } catch (e) {
    err.write(`dvc: export-knowledge: ${e instanceof Error ? e.message : String(e)}\n`);
    return 1;
  }
  // What was written must load back as what was served.
  const written = new Map(loadKnowledgeBase(dir).procedures.map((p) => [p.id, p]));
  const differ = procedures.filter((p) => !isDeepStrictEqual(written.get(p.id), p)).map((p) => p.id);
  if (differ.length || written.size !== procedures.length) {
    err.write(`dvc: export-knowledge: ${dir} does not load back as served (${differ.slice(0, 5).join(', ') || `${written.size} files for ${procedures.length} procedures`})\n`);
    return 1;
  }
  const imported = procedures.filter(isImported).length;
  out.write(`wrote ${procedures.length} procedures to ${path.join(dir, PROCEDURES_FOLDER)} (${edited} changed by staff edits, ${imported} from the catalogue)` +
    `${existsSync(path.join(dir, SUPERSEDED_FILE)) ? ` and ${SUPERSEDED_FILE}` : ''}; checked: it loads back as served. Use it with KNOWLEDGE_DIR=${dir}\n`);
  return 0;
}

/** The YAML files under DIR/procedures (only those: the rest of the folder is left as it is). */
function removeProcedureFiles(dir: string): void {
  const folder = path.join(dir, PROCEDURES_FOLDER);
  if (!existsSync(folder)) return;
  for (const f of readdirSync(folder, { recursive: true }) as string[]) {
    if (/\.ya?ml$/.test(f)) rmSync(path.join(folder, f));
  }
}
