import { z } from 'zod';
import { readDataFile } from '../../data/read-data-file.js';

// intents/lexicon/catalogue-words.yaml: the words citizens use for the official words of
// catalogue names and cells ("sổ đỏ" for "giấy chứng nhận quyền sử dụng đất").

export const CATALOGUE_WORDS_FILE = 'catalogue-words.yaml';

const phrase = z.string().trim().min(1);

export const catalogueWordsSchema = z.object({
  version: z.literal(1),
  synonyms: z.array(z.object({ official: phrase, citizen: z.array(phrase).min(1) }).strict()),
}).strict();

export interface CatalogueSynonym {
  official: string;
  citizen: string[];
}

export function loadCatalogueSynonyms(file: string): CatalogueSynonym[] {
  return readDataFile(file, catalogueWordsSchema).synonyms;
}
