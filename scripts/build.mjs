import { cpSync, rmSync } from 'node:fs';
import { build } from 'esbuild';

// `npm run build`: src/ transpiled file by file to dist/ (same tree, so paths relative to a
// module stay right), for `npm start` to run plain JavaScript. Types are checked by
// `npm test` (tsc --noEmit); this only strips them, in a fraction of a second, and saves the
// server the TypeScript loader's start-up time and memory.

rmSync('dist', { recursive: true, force: true });
await build({
  entryPoints: ['src/**/*.ts'],
  outdir: 'dist',
  outbase: 'src',
  platform: 'node',
  format: 'esm',
  target: 'node20',
  logLevel: 'warning',
});
cpSync('src/portal/dossiers.seed.json', 'dist/portal/dossiers.seed.json');
