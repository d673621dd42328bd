import { cpSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { build } from 'esbuild';

// `npm run build`: the server and its training worker, each bundled with its dependencies
// into one file of dist/, for `npm start`. Loading botbuilder, restify and the rest as
// thousands of separate modules (each resolved, read and wrapped) is most of a restart; one
// bundle restarts the server about 0.4 s sooner. Types are checked by `npm test`
// (tsc --noEmit); esbuild only strips them.
//
// Paths the code takes from import.meta.url then point into dist/: the worker is
// dist/train-worker.cjs, the mock portal's seed dist/dossiers.seed.json, the database's
// migrations dist/migrations/, and the project root dist/.. as from src/.

// A CommonJS bundle: dependencies written for CommonJS keep the sloppy mode they were written
// for (natural assigns an undeclared variable, which strict mode, and so an ES module
// bundle, turns into a ReferenceError). The code's import.meta.url is this file's URL.
const banner = "const __dvcImportMetaUrl = require('node:url').pathToFileURL(__filename).href;";

rmSync('dist', { recursive: true, force: true });
await build({
  entryPoints: { index: 'src/index.ts', 'train-worker': 'src/training/train-worker.ts' },
  outdir: 'dist',
  bundle: true,
  platform: 'node',
  format: 'cjs',
  outExtension: { '.js': '.cjs' },
  target: 'node20',
  banner: { js: banner },
  define: { 'import.meta.url': '__dvcImportMetaUrl' },
  // Optional native modules their users load in a try/catch: restify's DTrace probes, pg's
  // libpq binding, ws's faster masking and UTF-8 check; exceljs, loaded from node_modules only
  // when an XLSX catalogue is imported (1.5 MB the start would parse).
  external: ['dtrace-provider', 'pg-native', 'bufferutil', 'utf-8-validate', 'exceljs'],
  // An ASCII bundle (see asciiOnly) without comments; names stay readable for stack traces,
  // and the dependencies' licence notices go to dist/*.LEGAL.txt.
  minifyWhitespace: true,
  legalComments: 'external',
  charset: 'ascii',
  logLevel: 'warning',
});
for (const file of ['dist/index.cjs', 'dist/train-worker.cjs']) asciiOnly(file);
cpSync('src/portal/dossiers.seed.json', 'dist/dossiers.seed.json');
cpSync('src/store/pg/migrations', 'dist/migrations', { recursive: true });

/**
 * V8 keeps a script's source in memory, two bytes per character as soon as one character is
 * not Latin-1: for the 9 MB bundle that was 80 MB more resident memory at start. esbuild's
 * ASCII charset escapes strings and identifiers but leaves regular expression literals as
 * written, and two dependencies write Vietnamese and full-width letters there. \uXXXX means
 * the same character in a regular expression (a surrogate pair, the same code point), except
 * after a backslash, which the check refuses.
 */
function asciiOnly(file) {
  const text = readFileSync(file, 'utf8');
  const escapedByBackslash = /\\[^\x00-\x7f]/.exec(text);
  if (escapedByBackslash) throw new Error(`${file}: cannot escape "${escapedByBackslash[0]}" at ${escapedByBackslash.index}`);
  writeFileSync(file, text.replace(/[^\x00-\x7f]/g, (c) => `\\u${c.charCodeAt(0).toString(16).padStart(4, '0')}`));
}
