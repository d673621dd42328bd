import { importCatalogue } from '../catalogue/import-catalogue.js';
import { CatalogueFileError } from '../catalogue/read-table.js';
import { writeEntries } from '../catalogue/write-entries.js';

const USAGE = 'usage: npm run -s dvc -- import-catalogue FILE [--out DIR]';
/** Rows between two progress lines on large files. */
const PROGRESS_EVERY = 500;

/**
 * `import-catalogue FILE [--out DIR]`: checks a catalogue (CSV or XLSX) and, with --out, writes
 * one knowledge entry per good row into DIR. Prints what it read, imported and skipped (each
 * skipped row with its row, column and reason). Exit 1 when the file cannot be read or lacks a
 * required column, 2 on wrong arguments; skipped rows alone do not fail it.
 */
export async function runImportCatalogue(args: string[], out: NodeJS.WritableStream = process.stdout, err: NodeJS.WritableStream = process.stderr): Promise<number> {
  let file: string | undefined;
  let dir: string | undefined;
  for (let i = 0; i < args.length; i++) {
    const arg = args[i] ?? '';
    if (arg === '--out') {
      dir = args[++i];
      if (!dir) {
        err.write(`--out needs a folder\n${USAGE}\n`);
        return 2;
      }
    } else if (!file && !arg.startsWith('--')) {
      file = arg;
    } else {
      err.write(`unexpected argument "${arg}"\n${USAGE}\n`);
      return 2;
    }
  }
  if (!file) {
    err.write(`${USAGE}\n`);
    return 2;
  }
  const started = performance.now();
  try {
    const result = await importCatalogue(file, {
      progressEvery: PROGRESS_EVERY,
      onProgress: (done, total) => err.write(`… ${done} / ${total} rows\n`),
    });
    if (dir) writeEntries(dir, result.entries);
    const seconds = (performance.now() - started) / 1000;
    for (const s of result.skipped) out.write(`skipped row ${s.row}, column "${s.column}": ${s.reason}\n`);
    const blank = result.blank ? `, ${result.blank} blank row(s) ignored` : '';
    out.write(`${file}: read ${result.read} row(s), imported ${result.entries.length}, skipped ${result.skipped.length}${blank} (${seconds.toFixed(2)} s)\n`);
    out.write(dir ? `wrote ${result.entries.length} entries to ${dir}; load them with CATALOGUE_FILE=${file}, or KNOWLEDGE_DIR=${dir}\n` : 'nothing written: add --out DIR to write the entries as YAML\n');
    return 0;
  } catch (e) {
    if (e instanceof CatalogueFileError) {
      err.write(`${e.message}\n`);
      return 1;
    }
    if (e instanceof Error && dir && /already holds/.test(e.message)) {
      err.write(`${e.message}.\n`);
      return 1;
    }
    throw e;
  }
}
