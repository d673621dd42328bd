import { appendFileSync } from 'node:fs';
import type { Adapter } from 'lowdb';
import type { z } from 'zod';
import type { Logger } from '../../log/logger.js';
import { writeFileAtomic } from '../write-file-atomic.js';
import { moveAside } from './read-json-file.js';
import { readTextIfAny } from './read-text.js';

// A lowdb document that changes on every turn (a conversation's state), kept as JSON lines:
// each write appends the whole document as one line, and the last whole line is the document.
// An append to the file is made at once (open, one write, close), not through the thread
// pool: a line into the page cache costs microseconds, where replacing the file costs a temp
// file, its write, its close and a rename through the thread pool on every turn. Making the
// file (the first write) goes through the thread pool, as it costs far more. The file is
// rewritten with its last line alone once it outgrows COMPACT_BYTES. A process killed in the
// middle of an append leaves a torn last line, which was never acknowledged: it is left out on
// reading, and the next write rewrites the file. The earlier format, one compact JSON
// document without a newline, reads the same and is rewritten at the next write.

/** The file is rewritten with its last line alone past this size (or four lines, if longer). */
const COMPACT_BYTES = 16 * 1024;
const LINES_BEFORE_COMPACTING = 4;
const FILE_MODE = 0o600;

export interface StateLog<T> {
  /** The document; null when there is no file, or none that could be read (then moved aside). */
  data: T | null;
  adapter: Adapter<T>;
}

/** Reads the document of `file` (checked against `schema`) and the adapter that writes it. */
export async function openStateLog<T>(file: string, schema: z.ZodType<T, z.ZodTypeDef, unknown>, logger: Logger): Promise<StateLog<T>> {
  const text = await readTextIfAny(file);
  // A new file is made through the thread pool: making one costs far more than appending.
  if (text === null) return { data: null, adapter: new StateLogFile<T>(file, 0, true) };
  const lines = text.split('\n');
  // No newline at the end: a torn line, or a document of the earlier format.
  const unended = lines.at(-1) !== '';
  if (!unended) lines.pop();
  let problem = 'the file is empty';
  for (let i = lines.length - 1; i >= 0; i--) {
    const parsed = schema.safeParse(parse(lines[i] ?? ''));
    if (parsed.success) {
      // Only a torn last line is expected; a whole line that does not read is someone else's doing.
      const skipped = lines.length - 1 - i - (unended ? 1 : 0);
      if (skipped > 0) logger.warn({ file, skipped }, `data file ${file}: ${skipped} unreadable line(s) at its end left out; read the line before them`);
      return { data: parsed.data, adapter: new StateLogFile<T>(file, Buffer.byteLength(text), unended || skipped > 0) };
    }
    if (i === lines.length - 1) problem = describe(parsed.error.issues, lines[i] ?? '');
  }
  await moveAside(file, problem, logger);
  return { data: null, adapter: new StateLogFile<T>(file, 0, true) };
}

class StateLogFile<T> implements Adapter<T> {
  constructor(private readonly file: string, private bytes: number, private rewrite: boolean) {}

  read(): Promise<T | null> {
    return Promise.reject(new Error('a state log is read once, by openStateLog'));
  }

  async write(data: T): Promise<void> {
    const line = `${JSON.stringify(data)}\n`;
    const size = Buffer.byteLength(line);
    if (this.rewrite || this.bytes + size > Math.max(COMPACT_BYTES, LINES_BEFORE_COMPACTING * size)) {
      await writeFileAtomic(this.file, line, { mode: FILE_MODE });
      this.rewrite = false;
      this.bytes = size;
      return;
    }
    try {
      appendFileSync(this.file, line, { mode: FILE_MODE });
      this.bytes += size;
    } catch (err) {
      // Part of the line may be in the file: the next write replaces it whole.
      this.rewrite = true;
      throw err;
    }
  }
}

function describe(issues: ReadonlyArray<{ path: PropertyKey[]; message: string }>, line: string): string {
  if (parse(line) === undefined) return 'not valid JSON';
  return issues.slice(0, 3).map((i) => `${i.path.map(String).join('.') || '(root)'}: ${i.message}`).join('; ');
}

function parse(line: string): unknown {
  try {
    return JSON.parse(line);
  } catch {
    return undefined;
  }
}
