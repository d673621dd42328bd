import path from 'node:path';
import type { Config } from '../config.js';
import type { Logger } from '../log/logger.js';
import { KnowledgeBase } from '../knowledge/knowledge-base.js';
import { loadKnowledgeBaseCached } from '../knowledge/knowledge-cache.js';
import { importCatalogueCached } from './catalogue-cache.js';
import { mergeCatalogue } from './merge-catalogue.js';

/**
 * The knowledge the assistant serves: knowledge/ (KNOWLEDGE_DIR), and with CATALOGUE_FILE the
 * catalogue's procedures too, both through their caches in DATA_DIR/cache. Rows the import
 * skipped, and imported entries a curated one replaces, are logged; an unreadable catalogue
 * throws its CatalogueFileError.
 */
export async function loadKnowledge(config: Pick<Config, 'KNOWLEDGE_DIR' | 'DATA_DIR' | 'CATALOGUE_FILE'>, logger?: Logger): Promise<KnowledgeBase> {
  const cacheDir = path.join(config.DATA_DIR, 'cache');
  const curated = await loadKnowledgeBaseCached(config.KNOWLEDGE_DIR, cacheDir, logger);
  if (!config.CATALOGUE_FILE) return curated;
  const started = performance.now();
  const imported = await importCatalogueCached(config.CATALOGUE_FILE, cacheDir, logger);
  const merged = mergeCatalogue(curated.procedures, imported.entries);
  logger?.info({
    catalogue: path.basename(config.CATALOGUE_FILE), read: imported.read, imported: imported.entries.length, skipped: imported.skipped.length,
    replacedByCurated: merged.replaced.length, cached: imported.cached, ms: Math.round(performance.now() - started),
  }, 'loaded the catalogue');
  if (imported.skipped.length) logger?.warn({ skipped: imported.skipped.slice(0, 50) }, 'catalogue rows skipped (npm run -s dvc -- import-catalogue FILE lists them all)');
  return new KnowledgeBase(merged.procedures);
}
