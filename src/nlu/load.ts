import path from 'node:path';
import { loadKnowledgeBase, type KnowledgeBase } from '../knowledge/knowledge-base.js';
import { loadTrainingFiles, type TrainingExample } from './training-data.js';
import { loadLexicon, type Lexicon } from './vi/lexicon.js';
import { loadSituationReader, type SituationReader } from './situation/situation-reader.js';

export interface NluData {
  knowledge: KnowledgeBase;
  examples: TrainingExample[];
  lexicon: Lexicon;
  situation: SituationReader;
}

/** Loads knowledge, training utterances and the lexicon from their folders. */
export function loadNluData(knowledgeDir: string, intentsDir: string): NluData {
  return withTrainingData(loadKnowledgeBase(knowledgeDir), intentsDir);
}

/** A knowledge base loaded elsewhere (the server's, from its cache) with the training utterances and lexicon. */
export function withTrainingData(knowledge: KnowledgeBase, intentsDir: string): NluData {
  const lexicon = loadLexicon(path.join(intentsDir, 'lexicon', 'abbreviations.yaml'));
  return { knowledge, examples: loadTrainingFiles(intentsDir).examples, lexicon, situation: loadSituationReader(intentsDir, lexicon) };
}
