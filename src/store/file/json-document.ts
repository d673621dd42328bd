import { mkdir } from 'node:fs/promises';
import path from 'node:path';
import type { z } from 'zod';
import { Low } from 'lowdb';
import { JSONFile } from 'lowdb/node';
import type { Logger } from '../../log/logger.js';
import { readJsonFile } from './read-json-file.js';
import { readTextIfAny } from './read-text.js';

/**
 * One lowdb JSON document with serialised, all-or-nothing updates: a change is applied to a
 * copy, written (lowdb writes a temp file and renames it), and only then becomes the data
 * readers see. A failed write leaves memory as the disk is.
 */
export class JsonDocument<T> {
  private tail: Promise<unknown> = Promise.resolve();

  private constructor(private readonly db: Low<T>) {}

  static async open<T>(file: string, schema: z.ZodType<T, z.ZodTypeDef, unknown>, empty: () => T, logger: Logger): Promise<JsonDocument<T>> {
    await mkdir(path.dirname(file), { recursive: true });
    const data = await readJsonFile(file, schema, logger);
    return new JsonDocument(new Low(new JSONFile<T>(file), data ?? empty()));
  }

  /** The current data; treat as read-only (change it through `update`). */
  get data(): T {
    return this.db.data;
  }

  /** Runs `change` on a copy and commits it; what `change` returns is the result. */
  update<R>(change: (draft: T) => R): Promise<R> {
    const run = async (): Promise<R> => {
      const before = this.db.data;
      const draft = structuredClone(before);
      const result = change(draft);
      this.db.data = draft;
      try {
        await this.db.write();
      } catch (err) {
        this.db.data = before;
        throw err;
      }
      return result;
    };
    const result = this.tail.then(run, run);
    this.tail = result.catch(() => undefined);
    return result;
  }

  /** Resolves once every queued update has been written. */
  async idle(): Promise<void> {
    await this.tail;
  }
}

/** Reads a document without changing anything (for the CLI); a missing file is `empty`, a bad one an error naming the file and field. */
export async function readJsonDocument<T>(file: string, schema: z.ZodType<T, z.ZodTypeDef, unknown>, empty: () => T): Promise<T> {
  const raw = await readTextIfAny(file);
  if (raw === null) return empty();
  let json: unknown;
  try {
    json = JSON.parse(raw);
  } catch (err) {
    throw new Error(`${file}: not valid JSON (${err instanceof Error ? err.message : String(err)})`);
  }
  const parsed = schema.safeParse(json);
  if (!parsed.success) throw new Error(`${file}: ${parsed.error.issues.slice(0, 3).map((i) => `${i.path.join('.') || '(root)'}: ${i.message}`).join('; ')}`);
  return parsed.data;
}
