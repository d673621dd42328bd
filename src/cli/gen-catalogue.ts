import { writeCatalogue } from '../synthetic/write-catalogue.js';
import { NATIONAL_CATALOGUE_SIZE } from '../synthetic/generate.js';

const USAGE = 'usage: npm run -s dvc -- gen-catalogue <dir> [--size N] [--seed N]';

/**
 * `gen-catalogue <dir> [--size 6842] [--seed 1]`: writes the bundled procedures and synthetic
 * ones up to the size of the national catalogue into <dir>, for KNOWLEDGE_DIR=<dir>.
 */
export function runGenCatalogue(bundledDir: string, args: string[]): number {
  const options = { size: NATIONAL_CATALOGUE_SIZE, seed: 1 };
  let dir: string | undefined;
  for (let i = 0; i < args.length; i++) {
    const arg = args[i] ?? '';
    if (arg === '--size' || arg === '--seed') {
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
  if (!dir) {
    process.stderr.write(`${USAGE}\n`);
    return 2;
  }
  const written = writeCatalogue(dir, bundledDir, options);
  process.stdout.write(`wrote ${written.bundled + written.synthetic} procedures (${written.bundled} bundled, ${written.synthetic} synthetic) to ${dir}; use KNOWLEDGE_DIR=${dir}\n`);
  return 0;
}
