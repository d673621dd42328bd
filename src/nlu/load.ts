import path from 'node:path';
import { loadKnowledgeBase, type KnowledgeBase } from '../knowledge/knowledge-base.js';
import { loadKnowledgeBaseCached } from '../knowledge/knowledge-cache.js';
import type { Logger } from '../log/logger.js';
import { loadTrainingFiles, type TrainingExample } from './training-data.js';
import { loadLexicon, type Lexicon } from './vi/lexicon.js';

export interface NluData {
  knowledge: KnowledgeBase;
  examples: TrainingExample[];
  lexicon: Lexicon;
}

/**
 * Loads knowledge, training utterances and the lexicon from their folders; with a cache
 * folder (the server's DATA_DIR/cache), the knowledge comes from its cache when current.
 */
export function loadNluData(knowledgeDir: string, intentsDir: string, cache?: { dir: string; logger: Logger }): NluData {
  return {
    knowledge: cache ? loadKnowledgeBaseCached(knowledgeDir, cache.dir, cache.logger) : loadKnowledgeBase(knowledgeDir),
    examples: loadTrainingFiles(intentsDir).examples,
    lexicon: loadLexicon(path.join(intentsDir, 'lexicon', 'abbreviations.yaml')),
  };
}
