import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { PROJECT_ROOT } from '../../src/config.js';
import { parseGold, type EvalCase } from '../../src/training/evaluation.js';
import { seededRandom } from '../../src/synthetic/generate.js';
import type { TrainingExample } from '../../src/nlu/training-data.js';

export const DEV_SAMPLE = path.resolve(PROJECT_ROOT, '..', 'shared', 'data', 'dev-sample.jsonl');

/** The dev questions with their gold answers; without the dev sample, every 20th training utterance. */
export function benchQuestions(examples: ReadonlyArray<TrainingExample>): { source: string; cases: EvalCase[] } {
  if (existsSync(DEV_SAMPLE)) return { source: path.relative(PROJECT_ROOT, DEV_SAMPLE), cases: parseGold(readFileSync(DEV_SAMPLE, 'utf8'), DEV_SAMPLE) };
  return {
    source: 'every 20th training utterance (dev sample not found)',
    cases: examples.filter((_, i) => i % 20 === 0).map((e) => ({ text: e.text, intents: [e.intent], procedure: e.procedure })),
  };
}

/**
 * `rounds` misspelt copies of each question: one or two longer words with a letter doubled,
 * dropped or swapped, so that each copy holds words the typo corrector has not seen yet.
 */
export function misspelt(texts: readonly string[], rounds: number, seed = 7): string[] {
  const random = seededRandom(seed);
  const out: string[] = [];
  for (let round = 0; round < rounds; round++) {
    for (const text of texts) {
      const words = text.split(' ');
      const long = words.map((w, i) => [w, i] as const).filter(([w]) => w.length >= 4);
      for (let k = 0; k < Math.min(2, long.length); k++) {
        const [, at] = long[Math.floor(random() * long.length)]!;
        const word = words[at] ?? '';
        const i = 1 + Math.floor(random() * (word.length - 2));
        const kind = Math.floor(random() * 3);
        words[at] = kind === 0 ? word.slice(0, i) + word[i] + word.slice(i)
          : kind === 1 ? word.slice(0, i) + word.slice(i + 1)
          : word.slice(0, i) + (word[i + 1] ?? '') + (word[i] ?? '') + word.slice(i + 2);
      }
      out.push(words.join(' '));
    }
  }
  return out;
}
