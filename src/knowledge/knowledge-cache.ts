import { createHash } from 'node:crypto';
import { readFileSync, statSync } from 'node:fs';
import path from 'node:path';
import { z } from 'zod';
import { PROJECT_ROOT } from '../config.js';
import type { Logger } from '../log/logger.js';
import { readJsonCache, writeJsonCache } from '../store/json-cache.js';
import { KnowledgeBase, listYamlFiles, loadKnowledgeBase } from './knowledge-base.js';
import type { Procedure } from './schema.js';

// Reading and checking the 6,842 YAML files of the national catalogue takes most of a second;
// reading them back as one checked JSON file takes a twentieth of that. The cache in
// DATA_DIR/cache is used only when it was written from files of the same names, sizes and
// modification times, by the same loader and schema; anything else reads the YAML again and
// rewrites it. It is derived data: an unreadable cache is simply ignored.

const CACHE_FILE = 'knowledge.json';
const LOADER_SOURCES = ['schema.ts', 'knowledge-base.ts', 'knowledge-cache.ts'].map((f) => path.join(PROJECT_ROOT, 'src', 'knowledge', f));

/** The procedures were checked against their schema before they were cached: here only the shape of the file is. */
const cacheFileSchema = z.object({ stamp: z.string(), procedures: z.custom<ReadonlyArray<Procedure>>(Array.isArray) });
type CacheFile = z.infer<typeof cacheFileSchema>;

/** What the cached knowledge was read from: the files' names, sizes and times, and the loader's code. */
function knowledgeStamp(dir: string): string {
  const hash = createHash('sha256');
  for (const file of LOADER_SOURCES) hash.update(readFileSync(file)).update('\0');
  for (const file of listYamlFiles(dir)) {
    const { size, mtimeMs } = statSync(file);
    hash.update(`${path.relative(dir, file)}\0${size}\0${mtimeMs}\n`);
  }
  return hash.digest('hex');
}

/** The knowledge base of `dir`, from the cache in `cacheDir` when it is current. */
export async function loadKnowledgeBaseCached(dir: string, cacheDir: string, logger?: Logger): Promise<KnowledgeBase> {
  const file = path.join(cacheDir, CACHE_FILE);
  let stamp: string;
  try {
    stamp = knowledgeStamp(dir);
  } catch {
    return loadKnowledgeBase(dir); // reports what is wrong with the folder
  }
  const cached = await readJsonCache(file, cacheFileSchema);
  if (cached?.stamp === stamp) return new KnowledgeBase([...cached.procedures]);
  const knowledge = loadKnowledgeBase(dir);
  await writeJsonCache(file, { stamp, procedures: knowledge.procedures } satisfies CacheFile, logger, 'could not write the knowledge cache; the next start reads the YAML again');
  return knowledge;
}
