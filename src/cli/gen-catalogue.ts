import { writeCatalogue } from '../synthetic/write-catalogue.js';
import { generateCatalogue, NATIONAL_CATALOGUE_SIZE } from '../synthetic/generate.js';
import { writeCatalogueTable } from '../catalogue/write-table.js';
import { procedureToRow } from '../catalogue/synthetic-rows.js';

const USAGE = 'usage: npm run -s dvc -- gen-catalogue <dir> [--size N] [--seed N]\n       npm run -s dvc -- gen-catalogue --table FILE.csv|FILE.xlsx [--size N] [--seed N]';

/** `gen-catalogue --table FILE`: N synthetic procedures as a province's catalogue spreadsheet, for CATALOGUE_FILE. */
export async function writeSyntheticTable(file: string, size: number, seed = 1): Promise<number> {
  const rows = generateCatalogue([], { size, seed }).map(procedureToRow);
  await writeCatalogueTable(file, rows);
  return rows.length;
}

/**
 * `gen-catalogue <dir> [--size 6842] [--seed 1]`: writes the bundled procedures and synthetic
 * ones up to the size of the national catalogue into <dir>, for KNOWLEDGE_DIR=<dir>.
 */
export async function runGenCatalogue(bundledDir: string, args: string[]): Promise<number> {
  const options = { size: NATIONAL_CATALOGUE_SIZE, seed: 1 };
  let dir: string | undefined;
  let table: string | undefined;
  for (let i = 0; i < args.length; i++) {
    const arg = args[i] ?? '';
    if (arg === '--table') {
      table = args[++i];
    } else if (arg === '--size' || arg === '--seed') {
      const value = Number(args[++i]);
      if (!Number.isInteger(value) || value < 1) {
        process.stderr.write(`${arg} must be a whole number of at least 1\n${USAGE}\n`);
        return 2;
      }
      options[arg === '--size' ? 'size' : 'seed'] = value;
    } else if (!dir && !arg.startsWith('--')) {
      dir = arg;
    } else {
      process.stderr.write(`unexpected argument "${arg}"\n${USAGE}\n`);
      return 2;
    }
  }
  if (table) {
    const n = await writeSyntheticTable(table, options.size, options.seed);
    process.stdout.write(`wrote ${n} synthetic procedures as a catalogue to ${table}; use CATALOGUE_FILE=${table}\n`);
    return 0;
  }
  if (!dir) {
    process.stderr.write(`${USAGE}\n`);
    return 2;
  }
  const written = writeCatalogue(dir, bundledDir, options);
  process.stdout.write(`wrote ${written.bundled + written.synthetic} procedures (${written.bundled} bundled, ${written.synthetic} synthetic) to ${dir}; use KNOWLEDGE_DIR=${dir}\n`);
  return 0;
}
