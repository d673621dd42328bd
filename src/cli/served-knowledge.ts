import path from 'node:path';
import type { Config } from '../config.js';
import { selectCheck } from '../answers/select-problems.js';
import { loadSituationReader } from '../nlu/situation/situation-reader.js';
import { loadLexicon } from '../nlu/vi/lexicon.js';
import { loadKnowledge } from '../catalogue/load-knowledge.js';
import type { KnowledgeBase } from '../knowledge/knowledge-base.js';
import { KnowledgeService } from '../knowledge/knowledge-service.js';
import { createLogger } from '../log/logger.js';
import type { KnowledgeEditStore } from '../store/knowledge-edit-store.js';
import { readKnowledgeEdits, storeLocation } from '../store/open-stores.js';

/**
 * The knowledge the server serves, for the commands: knowledge/ (and CATALOGUE_FILE) with the
 * staff edits kept in DATA_DIR over them, applied by the server's own code. The edits are read
 * without opening the stores (nothing is written or moved); what cannot be served is said on
 * stderr. Also the count of procedures a staff edit changed.
 */
export async function servedKnowledge(config: Pick<Config, 'KNOWLEDGE_DIR' | 'DATA_DIR' | 'CATALOGUE_FILE' | 'INTENTS_DIR'>): Promise<{ knowledge: KnowledgeBase; edited: number }> {
  const logger = createLogger('warn');
  const knowledge = await loadKnowledge(config, logger);
  const latest = await readKnowledgeEdits(storeLocation(config));
  const readOnly: KnowledgeEditStore = {
    latest: async () => latest,
    history: async () => [],
    append: () => Promise.reject(new Error('the commands do not edit knowledge')),
    close: async () => {},
  };
  const before = new Map(knowledge.procedures.map((p) => [p.id, p]));
  const slots = loadSituationReader(config.INTENTS_DIR, loadLexicon(path.join(config.INTENTS_DIR, 'lexicon', 'abbreviations.yaml'))).slots;
  await KnowledgeService.open(knowledge, readOnly, logger, { check: selectCheck(slots) });
  return { knowledge, edited: knowledge.procedures.filter((p) => before.get(p.id) !== p).length };
}
