import { readdirSync } from 'node:fs';
import path from 'node:path';
import { z } from 'zod';
import { DataFileError } from '../errors.js';
import { readDataFile } from '../data/read-data-file.js';
import { INTENTS, type Intent } from './intents.js';
import { procedureId } from '../knowledge/schema.js';

// Training utterances as staff edit them in intents/<intent>.yaml.

export const TRAINING_FORMAT_VERSION = 1;

export const intentFileSchema = z.object({
  version: z.literal(TRAINING_FORMAT_VERSION),
  intent: z.enum(INTENTS),
  description: z.string().trim().min(1).optional(),
  examples: z.array(z.object({
    /** The procedure the utterances name, or null when they name none. */
    procedure: procedureId.nullable(),
    texts: z.array(z.string().trim().min(1, 'an utterance must not be empty')).min(1, 'add at least one utterance'),
  }).strict()).min(1, 'an intent needs at least one example'),
}).strict();

export type IntentFile = z.infer<typeof intentFileSchema>;

export interface TrainingExample {
  text: string;
  intent: Intent;
  procedure: string | null;
  /** Where it came from: a file path, or "label:<id>" for staff labels. */
  source: string;
}

export function loadTrainingFiles(dir: string): { files: Array<{ file: string; data: IntentFile }>; examples: TrainingExample[] } {
  const names = (readdirSync(dir, { recursive: true }) as string[])
    .filter((f) => /\.ya?ml$/.test(f) && !/^(lexicon|responses|commands|helpdesk|situation)\b/.test(f)).sort();
  const files: Array<{ file: string; data: IntentFile }> = [];
  const errors: DataFileError[] = [];
  for (const name of names) {
    const file = path.join(dir, name);
    try {
      files.push({ file, data: readDataFile(file, intentFileSchema) });
    } catch (err) {
      if (err instanceof DataFileError) errors.push(err);
      else throw err;
    }
  }
  if (errors.length) throw new TrainingDataError(errors.map((e) => e.message));
  const examples = files.flatMap(({ file, data }) => data.examples.flatMap((ex) => ex.texts.map((text) => ({
    text, intent: data.intent, procedure: ex.procedure, source: file,
  }))));
  return { files, examples };
}

export class TrainingDataError extends Error {
  readonly problems: string[];
  constructor(problems: string[]) {
    super(`training data has ${problems.length} problem(s):\n${problems.map((p) => `  - ${p}`).join('\n')}`);
    this.name = 'TrainingDataError';
    this.problems = problems;
  }
}
