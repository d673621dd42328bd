import { createHash } from 'node:crypto';
import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { PROJECT_ROOT } from '../config.js';
import type { Procedure } from '../knowledge/schema.js';
import type { RecognizerOptions } from '../nlu/recognizer.js';
import type { Lexicon } from '../nlu/vi/lexicon.js';
import type { TrainingSetJson } from './model-codec.js';

// A saved model is reused at start-up only when it was made by the same code from the same
// data. The code version hashes the sources that decide what a model is (src/nlu and the
// model files here), so an upgrade retrains by itself; the data fingerprint hashes what the
// model learns from: the procedures' names, aliases and fields, the lexicon, the utterances
// (files and staff store merged), the staff aliases and the options.

/** The TypeScript sources, also when the server runs their build in dist/. */
const SOURCES = path.join(PROJECT_ROOT, 'src');
const MODEL_SOURCES = ['model-codec.ts', 'staff-memory.ts', 'staff-recognizer.ts'];

let cachedCodeVersion: string | undefined;

export function codeVersion(): string {
  if (cachedCodeVersion) return cachedCodeVersion;
  const hash = createHash('sha256');
  const nluDir = path.join(SOURCES, 'nlu');
  const nluFiles = (readdirSync(nluDir, { recursive: true }) as string[]).filter((f) => f.endsWith('.ts')).sort()
    .map((f) => path.join(nluDir, f));
  for (const file of [...nluFiles, ...MODEL_SOURCES.map((f) => path.join(SOURCES, 'training', f))]) {
    hash.update(path.basename(file)).update('\0').update(readFileSync(file)).update('\0');
  }
  cachedCodeVersion = hash.digest('hex').slice(0, 16);
  return cachedCodeVersion;
}

// What a model reads of the knowledge, in one place: a model learns from the procedures'
// names, aliases and fields; the serving recognizer built from it reads those too, and all of
// an imported procedure (its cells are the catalogue's evidence). A change of anything else (a
// fee, a place, a step) is answered from the knowledge base as it is, with the same model.

/** The part of one procedure a model learns from. */
const learnt = (p: Procedure): unknown[] => [p.id, p.name, p.field, p.aliases];

/** The part of the knowledge base a model depends on (a fee or an address does not change it). */
export function knowledgeFingerprint(procedures: ReadonlyArray<Procedure>): string {
  const hash = createHash('sha256');
  for (const p of procedures) hash.update(JSON.stringify(learnt(p))).update('\n');
  return hash.digest('hex');
}

/** Whether the serving recognizer must be built again when `before` became `after`. */
export function recognizerReads(before: Procedure, after: Procedure): boolean {
  const read = (p: Procedure): string => JSON.stringify(p.origin ? p : learnt(p));
  return read(before) !== read(after);
}

export function lexiconFingerprint(lexicon: Lexicon): string {
  return createHash('sha256').update(JSON.stringify([[...lexicon.plain], [...lexicon.accented], lexicon.phrases, lexicon.synonyms ?? []])).digest('hex');
}

export function dataFingerprint(parts: {
  knowledge: string;
  lexicon: string;
  options: Partial<RecognizerOptions>;
  set: TrainingSetJson;
}): string {
  const hash = createHash('sha256');
  hash.update(codeVersion()).update(parts.knowledge).update(parts.lexicon).update(JSON.stringify(parts.options));
  for (const u of parts.set.utterances) hash.update(JSON.stringify([u.text, u.intent, u.procedure, u.origin])).update('\n');
  for (const a of parts.set.aliases) hash.update(JSON.stringify([a.procedure, a.text])).update('\n');
  return hash.digest('hex').slice(0, 24);
}
