import { rename } from 'node:fs/promises';
import { JSONFile } from 'lowdb/node';
import type { z } from 'zod';
import type { Logger } from '../../log/logger.js';

/**
 * Reads a lowdb JSON file and checks it against its schema; null when there is no file.
 * A file that is not JSON or not the expected shape is renamed `<file>.corrupt-<timestamp>`
 * and logged, never silently replaced, so that someone can still recover what it held.
 * (lowdb's writer, steno, writes a temp file and renames it, so a crash mid-write leaves the
 * previous version; a corrupt file means someone or something else wrote it.)
 */
export async function readJsonFile<T>(file: string, schema: z.ZodType<T, z.ZodTypeDef, unknown>, logger: Logger): Promise<T | null> {
  let problem: string;
  try {
    const raw = await new JSONFile<unknown>(file).read();
    if (raw === null) return null;
    const parsed = schema.safeParse(raw);
    if (parsed.success) return parsed.data;
    problem = parsed.error.issues.slice(0, 3).map((i) => `${i.path.join('.') || '(root)'}: ${i.message}`).join('; ');
  } catch (err) {
    if (!(err instanceof SyntaxError)) throw err;
    problem = `not valid JSON (${err.message})`;
  }
  await moveAside(file, problem, logger);
  return null;
}

/** Renames an unreadable data file `<file>.corrupt-<timestamp>` and logs why. */
export async function moveAside(file: string, problem: string, logger: Logger): Promise<void> {
  const aside = `${file}.corrupt-${new Date().toISOString().replace(/[:.]/g, '-')}`;
  await rename(file, aside);
  logger.error({ file, movedTo: aside, problem }, `data file ${file} is unreadable (${problem}); moved it to ${aside} and started without it`);
}
