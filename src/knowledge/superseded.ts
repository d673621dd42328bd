import { existsSync } from 'node:fs';
import path from 'node:path';
import { z } from 'zod';
import { readDataFile } from '../data/read-data-file.js';
import { documentNumbers } from './document-number.js';

// knowledge/superseded.yaml: legal documents that were replaced, wholly or in the parts the
// knowledge cites, by what and since when. A procedure whose legal basis still cites one of them
// is due for review (see staleProcedures).

export const SUPERSEDED_FORMAT_VERSION = 1;
export const SUPERSEDED_FILE = 'superseded.yaml';

const text = z.string().trim().min(1, 'must not be empty');
const numberedDocument = text.refine((s) => documentNumbers(s).length === 1, {
  message: 'must name one document with its number, e.g. "Thông tư số 60/2023/TT-BTC"',
});

export const supersededDocumentSchema = z.object({
  document: numberedDocument,
  replacedBy: numberedDocument,
  /** The day the replacement took effect. */
  since: z.string().regex(/^\d{4}-\d{2}-\d{2}$/, 'must be a date YYYY-MM-DD'),
  /** What part was replaced, when only part of the document was. */
  scope: text.optional(),
  source: z.string().url(),
}).strict();

export const supersededSchema = z.object({
  version: z.literal(SUPERSEDED_FORMAT_VERSION),
  documents: z.array(supersededDocumentSchema),
}).strict();

export type SupersededDocument = z.infer<typeof supersededDocumentSchema>;
export type SupersededList = z.infer<typeof supersededSchema>;

/**
 * The superseded documents of the knowledge folder `dir`; none when it has no superseded.yaml
 * (a catalogue folder may not). A file that is there but wrong throws a DataFileError.
 */
export function loadSuperseded(dir: string): SupersededDocument[] {
  const file = path.join(dir, SUPERSEDED_FILE);
  if (!existsSync(file)) return [];
  return readDataFile(file, supersededSchema).documents;
}
