import { createHash } from 'node:crypto';
import { readdirSync, readFileSync, statSync } from 'node:fs';
import path from 'node:path';
import { z } from 'zod';
import { PROJECT_ROOT } from '../config.js';
import type { Logger } from '../log/logger.js';
import { readJsonCache, writeJsonCache } from '../store/json-cache.js';
import { importCatalogue, type ImportResult } from './import-catalogue.js';

// CATALOGUE_FILE is imported once and kept in DATA_DIR/cache/catalogue.json, like the knowledge
// cache (src/knowledge/knowledge-cache.ts): stamped by the file's path, size and modification
// time and by the importer's code, so a changed file or importer imports again. Derived data:
// an unreadable cache is ignored.

const CACHE_FILE = 'catalogue.json';
const SOURCE_DIRS = [path.join(PROJECT_ROOT, 'src', 'catalogue')];
const SOURCE_FILES = [path.join(PROJECT_ROOT, 'src', 'knowledge', 'schema.ts')];

/** The entries were checked against their schema before they were cached: here only the file's shape is. */
const cacheFileSchema = z.object({
  stamp: z.string(),
  result: z.custom<ImportResult>((v) => {
    const r = v as { entries?: unknown; skipped?: unknown } | null;
    return typeof r === 'object' && r !== null && Array.isArray(r.entries) && Array.isArray(r.skipped);
  }),
});
type CacheFile = z.infer<typeof cacheFileSchema>;

let codeHash: string | undefined;

function importerCode(): string {
  if (codeHash) return codeHash;
  const hash = createHash('sha256');
  const files = [...SOURCE_DIRS.flatMap((d) => readdirSync(d).filter((f) => f.endsWith('.ts')).sort().map((f) => path.join(d, f))), ...SOURCE_FILES];
  for (const file of files) hash.update(path.basename(file)).update('\0').update(readFileSync(file)).update('\0');
  return (codeHash = hash.digest('hex'));
}

function stampOf(file: string): string | undefined {
  try {
    const { size, mtimeMs } = statSync(file);
    return createHash('sha256').update(importerCode()).update(`${path.resolve(file)}\0${size}\0${mtimeMs}`).digest('hex');
  } catch {
    return undefined; // importCatalogue says what is wrong with the file
  }
}

/** The catalogue's import, from the cache in `cacheDir` when it is current. */
export async function importCatalogueCached(file: string, cacheDir: string, logger?: Logger): Promise<ImportResult & { cached: boolean }> {
  const stamp = stampOf(file);
  const cacheFile = path.join(cacheDir, CACHE_FILE);
  if (stamp) {
    const cached = await readJsonCache(cacheFile, cacheFileSchema);
    if (cached?.stamp === stamp) return { ...cached.result, cached: true };
  }
  const result = await importCatalogue(file);
  if (stamp) await writeJsonCache(cacheFile, { stamp, result } satisfies CacheFile, logger, 'could not write the catalogue cache; the next start imports the file again');
  return { ...result, cached: false };
}
