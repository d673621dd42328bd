import { mkdir, readFile } from 'node:fs/promises';
import path from 'node:path';
import type { z } from 'zod';
import type { Logger } from '../log/logger.js';
import { writeFileAtomic } from './write-file-atomic.js';

// A cache of derived data in DATA_DIR/cache (the knowledge, an imported catalogue): read back
// only when it parses and has the expected shape, written owner-only and whole. Derived data
// is never worth failing for: an unreadable cache is ignored, an unwritable one logged.

/** The cache file's content, or undefined when it is missing, unreadable or of another shape. */
export async function readJsonCache<T>(file: string, schema: z.ZodType<T>): Promise<T | undefined> {
  try {
    const parsed = schema.safeParse(JSON.parse(await readFile(file, 'utf8')));
    return parsed.success ? parsed.data : undefined;
  } catch {
    return undefined;
  }
}

/** Writes the cache file; a failure is logged as `warning` and otherwise ignored. */
export async function writeJsonCache(file: string, data: unknown, logger: Logger | undefined, warning: string): Promise<void> {
  try {
    await mkdir(path.dirname(file), { recursive: true, mode: 0o700 });
    await writeFileAtomic(file, JSON.stringify(data), { mode: 0o600 });
  } catch (err) {
    logger?.warn({ err: { message: (err as Error).message } }, warning);
  }
}
