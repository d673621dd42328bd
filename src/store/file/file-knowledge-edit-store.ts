import { mkdir, readdir } from 'node:fs/promises';
import path from 'node:path';
import { z } from 'zod';
import type { Logger } from '../../log/logger.js';
import { KeyedQueue } from '../keyed-queue.js';
import { knowledgeVersionSchema, type KnowledgeEditStore, type KnowledgeVersion, type NewKnowledgeVersion } from '../knowledge-edit-store.js';
import { writeFileAtomic } from '../write-file-atomic.js';
import { readJsonDocument } from './json-document.js';
import { readJsonFile } from './read-json-file.js';

// Staff edits of knowledge in DATA_DIR/knowledge-edits, one JSON file per procedure holding
// its versions (oldest first), owner-only. A new version rewrites that procedure's file only
// (temp file, rename), serialised per procedure. The newest version of each is held in memory;
// a history is read from its file.

export const KNOWLEDGE_EDITS_DIR = 'knowledge-edits';

const fileSchema = z.object({ version: z.literal(1), id: z.string().min(1), versions: z.array(knowledgeVersionSchema).min(1) });
type EditsFile = z.infer<typeof fileSchema>;

/** A procedure id as a file name: ids are letters, digits, ".", "-", "_" (and Đ), encoded to be safe whatever comes. */
const fileName = (id: string): string => `${encodeURIComponent(id)}.json`;

export class FileKnowledgeEditStore implements KnowledgeEditStore {
  private readonly queue = new KeyedQueue();

  private constructor(private readonly dir: string, private readonly newest: Map<string, KnowledgeVersion>, private readonly logger: Logger) {}

  static async open(dataDir: string, logger: Logger): Promise<FileKnowledgeEditStore> {
    const dir = path.join(dataDir, KNOWLEDGE_EDITS_DIR);
    await mkdir(dir, { recursive: true, mode: 0o700 });
    const newest = new Map<string, KnowledgeVersion>();
    for (const file of await editFiles(dir)) {
      const data = await readJsonFile(file, fileSchema, logger);
      if (data) newest.set(data.id, data.versions[data.versions.length - 1]!);
    }
    return new FileKnowledgeEditStore(dir, newest, logger);
  }

  /** The newest versions in DATA_DIR without opening the store (nothing is moved or written): for the CLI. */
  static async peek(dataDir: string): Promise<Array<{ id: string; newest: KnowledgeVersion }>> {
    const dir = path.join(dataDir, KNOWLEDGE_EDITS_DIR);
    const found: Array<{ id: string; newest: KnowledgeVersion }> = [];
    for (const file of await editFiles(dir)) {
      const data = await readJsonDocument(file, fileSchema.nullable(), () => null);
      if (data) found.push({ id: data.id, newest: data.versions[data.versions.length - 1]! });
    }
    return found;
  }

  async latest(): Promise<Array<{ id: string; newest: KnowledgeVersion }>> {
    return [...this.newest].map(([id, newest]) => ({ id, newest: structuredClone(newest) }));
  }

  async history(id: string): Promise<KnowledgeVersion[]> {
    if (!this.newest.has(id)) return [];
    return (await this.read(id)).reverse();
  }

  append(id: string, make: (newest: KnowledgeVersion | null) => NewKnowledgeVersion | null): Promise<KnowledgeVersion | null> {
    return this.queue.run(id, async () => {
      const before = this.newest.get(id) ?? null;
      const next = make(before ? structuredClone(before) : null);
      if (!next) return null;
      const kept = knowledgeVersionSchema.parse({ ...next, version: (before?.version ?? 0) + 1 });
      const versions = before ? await this.read(id) : [];
      versions.push(kept);
      await writeFileAtomic(path.join(this.dir, fileName(id)), JSON.stringify({ version: 1, id, versions } satisfies EditsFile), { mode: 0o600 });
      this.newest.set(id, kept);
      return structuredClone(kept);
    });
  }

  close(): Promise<void> {
    return this.queue.idle();
  }

  /** A procedure's versions, oldest first, as its file holds them. */
  private async read(id: string): Promise<KnowledgeVersion[]> {
    const data = await readJsonFile(path.join(this.dir, fileName(id)), fileSchema, this.logger);
    return data?.versions ?? [];
  }
}

async function editFiles(dir: string): Promise<string[]> {
  let names: string[];
  try {
    names = await readdir(dir);
  } catch (err) {
    if ((err as NodeJS.ErrnoException).code === 'ENOENT') return [];
    throw err;
  }
  return names.filter((n) => n.endsWith('.json')).sort().map((n) => path.join(dir, n));
}
