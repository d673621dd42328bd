import { copyFile, mkdir, open, rename, truncate, type FileHandle } from 'node:fs/promises';
import path from 'node:path';
import { z } from 'zod';
import type { Logger } from '../../log/logger.js';
import { INBOX_CAPACITY, inboxItemSchema, type InboxItem, type InboxResolution, type InboxStatus, type InboxStore } from '../inbox-store.js';
import { readJsonFile } from './read-json-file.js';
import { readTextIfAny } from './read-text.js';

// The inbox as an append-only log, DATA_DIR/misunderstood.jsonl: a header line, then one
// event per line — questions added (one line per batch), questions resolved. Recording a
// question appends one short line, however full the inbox is; the log is replayed at open and
// compacted (rewritten as the questions kept, in chunks, between other work) once it holds
// more than twice as many records as there are questions kept. A line cut short by a crash is
// dropped at open; a line that does not parse is logged, the file copied aside, and the log
// compacted without it.

export const INBOX_LOG = 'misunderstood.jsonl';
/** The whole-file inbox of earlier versions, imported once. */
const OLD_INBOX_FILE = 'misunderstood.json';
const HEADER = { version: 1, kind: 'inbox' } as const;
/** Records that may pile up in the log before it is compacted, on top of twice the questions kept. */
const COMPACT_SLACK = 1000;
const CHUNK = 500;

const headerSchema = z.object({ version: z.literal(1), kind: z.literal('inbox') });
const eventSchema = z.discriminatedUnion('e', [
  z.object({ e: z.literal('add'), items: z.array(inboxItemSchema) }),
  z.object({
    e: z.literal('resolve'),
    ids: z.array(z.string()),
    status: z.enum(['labelled', 'aliased', 'dismissed']),
    resolvedAt: z.string(),
    resolution: inboxItemSchema.shape.resolution,
  }),
]);
type InboxEvent = z.infer<typeof eventSchema>;
const oldFileSchema = z.object({ version: z.literal(1), items: z.array(inboxItemSchema) });

export interface FileInboxOptions {
  capacity?: number;
  /** Records beyond twice the questions kept before compacting (tests lower it). */
  compactSlack?: number;
}

export class FileInboxStore implements InboxStore {
  private items: InboxItem[] = [];
  private readonly byId = new Map<string, InboxItem>();
  /** Item records in the log (added or resolved), to know when to compact. */
  private records = 0;
  private queue: Promise<unknown> = Promise.resolve();
  private readonly capacity: number;
  private readonly slack: number;

  private constructor(private readonly file: string, private handle: FileHandle, private readonly logger: Logger, options: FileInboxOptions) {
    this.capacity = options.capacity ?? INBOX_CAPACITY;
    this.slack = options.compactSlack ?? COMPACT_SLACK;
  }

  static async open(dataDir: string, logger: Logger, options: FileInboxOptions = {}): Promise<FileInboxStore> {
    await mkdir(dataDir, { recursive: true });
    const file = path.join(dataDir, INBOX_LOG);
    const replay = await readLog(file, logger);
    const store = new FileInboxStore(file, await open(file, 'a', 0o600), logger, options);
    const imported = replay ? null : await readJsonFile(path.join(dataDir, OLD_INBOX_FILE), oldFileSchema, logger);
    if (replay) {
      for (const event of replay.events) store.apply(event);
    } else if (imported) {
      store.apply({ e: 'add', items: imported.items });
    }
    if (!replay || replay.damaged || store.needsCompaction()) await store.compact();
    if (imported) {
      await rename(path.join(dataDir, OLD_INBOX_FILE), path.join(dataDir, `${OLD_INBOX_FILE}.imported`));
      logger.info({ file, items: store.items.length }, `imported the inbox from ${OLD_INBOX_FILE}`);
    }
    return store;
  }

  add(items: InboxItem[]): Promise<void> {
    if (!items.length) return this.queue.then(() => undefined);
    return this.enqueue({ e: 'add', items });
  }

  async list(status: InboxStatus | 'all'): Promise<InboxItem[]> {
    await this.queue;
    return status === 'all' ? [...this.items] : this.items.filter((i) => i.status === status);
  }

  async get(id: string): Promise<InboxItem | undefined> {
    await this.queue;
    return this.byId.get(id);
  }

  resolve(ids: readonly string[], resolution: InboxResolution): Promise<void> {
    return this.enqueue({ e: 'resolve', ids: [...ids], ...resolution });
  }

  async close(): Promise<void> {
    await this.queue;
    await this.handle.close();
  }

  /** Appends the event, then applies it: what is seen is what is on disk. Compacts when due. */
  private enqueue(event: InboxEvent): Promise<void> {
    const line = `${JSON.stringify(event)}\n`;
    const run = this.queue.then(async () => {
      await this.handle.appendFile(line, 'utf8');
      this.apply(event);
      if (this.needsCompaction()) {
        await this.compact().catch((err: unknown) => {
          this.logger.warn({ err: { name: (err as Error)?.name }, file: this.file }, 'could not compact the inbox log; will try again');
        });
      }
    });
    this.queue = run.catch(() => undefined);
    return run;
  }

  private apply(event: InboxEvent): void {
    if (event.e === 'add') {
      for (const item of event.items) {
        const old = this.byId.get(item.id);
        if (old) this.items = this.items.filter((i) => i !== old);
        this.items.push(item);
        this.byId.set(item.id, item);
      }
      this.records += event.items.length;
      this.dropBeyondCapacity();
      return;
    }
    const { ids, e: _e, ...resolution } = event;
    for (const id of ids) {
      const item = this.byId.get(id);
      if (!item) continue;
      const resolved: InboxItem = { ...item, status: resolution.status, resolvedAt: resolution.resolvedAt, ...(resolution.resolution ? { resolution: resolution.resolution } : {}) };
      this.items[this.items.indexOf(item)] = resolved;
      this.byId.set(id, resolved);
    }
    this.records += ids.length;
  }

  /**
   * Beyond the capacity the oldest handled question goes, else the oldest open one, one at a
   * time and in place: a full inbox makes no copy of itself per question recorded.
   */
  private dropBeyondCapacity(): void {
    while (this.items.length > this.capacity) {
      const handled = this.items.findIndex((i) => i.status !== 'open');
      const [dropped] = this.items.splice(handled < 0 ? 0 : handled, 1);
      if (dropped) this.byId.delete(dropped.id);
    }
  }

  private needsCompaction(): boolean {
    return this.records > 2 * this.items.length + this.slack;
  }

  /** Rewrites the log as the questions kept: a temp file written chunk by chunk, then renamed over the log. */
  private async compact(): Promise<void> {
    const items = [...this.items];
    const tmp = `${this.file}.compacting`;
    const out = await open(tmp, 'w', 0o600);
    try {
      await out.appendFile(`${JSON.stringify(HEADER)}\n`, 'utf8');
      for (let i = 0; i < items.length; i += CHUNK) {
        await out.appendFile(`${JSON.stringify({ e: 'add', items: items.slice(i, i + CHUNK) } satisfies InboxEvent)}\n`, 'utf8');
      }
      await out.datasync();
    } finally {
      await out.close();
    }
    await rename(tmp, this.file);
    const previous = this.handle;
    this.handle = await open(this.file, 'a', 0o600);
    await previous.close();
    this.records = items.length;
  }
}

/** The log's events; null when there is no log (or it was moved aside); `damaged` when lines were dropped. */
async function readLog(file: string, logger: Logger): Promise<{ events: InboxEvent[]; damaged: boolean } | null> {
  const text = await readTextIfAny(file);
  if (text === null) return null;
  const complete = text.lastIndexOf('\n') + 1;
  // A last line without its newline was cut short by a crash: it was never acknowledged.
  if (complete < text.length) await truncate(file, Buffer.byteLength(text.slice(0, complete)));
  const lines = text.slice(0, complete).split('\n').filter(Boolean);
  if (!lines.length) return null;
  const header = headerSchema.safeParse(parseLine(lines[0] ?? ''));
  if (!header.success) {
    const aside = `${file}.corrupt-${new Date().toISOString().replace(/[:.]/g, '-')}`;
    await rename(file, aside);
    logger.error({ file, movedTo: aside }, `inbox log ${file} has no valid header; moved it to ${aside} and started without it`);
    return null;
  }
  const events: InboxEvent[] = [];
  let bad = 0;
  for (const line of lines.slice(1)) {
    const parsed = eventSchema.safeParse(parseLine(line));
    if (parsed.success) events.push(parsed.data);
    else bad += 1;
  }
  if (bad) {
    const copy = `${file}.corrupt-${new Date().toISOString().replace(/[:.]/g, '-')}`;
    await copyFile(file, copy);
    logger.error({ file, copy, lines: bad }, `inbox log ${file} has ${bad} unreadable lines; copied it to ${copy} and left them out`);
  }
  return { events, damaged: bad > 0 };
}

function parseLine(line: string): unknown {
  try {
    return JSON.parse(line);
  } catch {
    return undefined;
  }
}
