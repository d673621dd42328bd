import { randomBytes } from 'node:crypto';
import { mkdir } from 'node:fs/promises';
import path from 'node:path';
import { z } from 'zod';
import { Low } from 'lowdb';
import { AppError } from '../errors.js';
import type { Logger } from '../log/logger.js';
import { readJsonFile } from '../store/read-json-file.js';
import { compactJsonFile } from '../store/compact-json-file.js';
import { GroupCommit } from '../store/group-commit.js';

// Direct Line conversations and their activity logs: one lowdb file per conversation under
// DATA_DIR/directline/, so a write rewrites one small file and a restart loses nothing. Only the
// most recently used conversations stay in memory, and each log keeps only its newest activities.

/** An activity as JSON, the way Direct Line clients receive it. */
export type JsonActivity = Record<string, unknown> & { id: string; type: string };
export interface Account { id: string; name?: string | undefined; role?: string | undefined }
export interface ConversationInfo { id: string; createdAt: string; user: Account }

export interface ConversationLimits {
  /** Activities kept per conversation; older ones drop off (clients poll far more often). */
  maxActivities: number;
  /** Bytes of JSON kept per conversation, whatever the count. */
  maxLogBytes: number;
  /** Conversations held in memory; the others are read from disk when they are used. */
  maxInMemory: number;
}

export const DEFAULT_LIMITS: ConversationLimits = { maxActivities: 500, maxLogBytes: 1024 * 1024, maxInMemory: 100 };

/** Ids are 24 characters of base64url from 18 random bytes: unguessable, and safe as file names. */
const CONVERSATION_ID = /^[A-Za-z0-9_-]{24}$/;

const accountSchema = z.object({ id: z.string(), name: z.string().optional(), role: z.string().optional() });
const fileSchema = z.object({
  version: z.literal(1),
  id: z.string(),
  createdAt: z.string(),
  user: accountSchema,
  /** Sequence number of the next activity; the watermark clients send back. */
  nextSeq: z.number().int().nonnegative(),
  activities: z.array(z.record(z.string(), z.unknown())),
});
type ConversationFile = z.infer<typeof fileSchema>;

interface Entry {
  db: Low<ConversationFile>;
  sizes: number[];
  bytes: number;
  /** Operations under way; a busy entry is never evicted, so one file never has two writers. */
  busy: number;
  commits: GroupCommit;
  /** Holds activities recorded but not yet flushed (and then counts as busy). */
  dirty: boolean;
}

export class ConversationStore {
  private readonly cache = new Map<string, Entry>();
  private readonly loading = new Map<string, Promise<boolean>>();
  private readonly pending = new Set<Promise<unknown>>();

  private constructor(private readonly dir: string, private readonly logger: Logger, private readonly limits: ConversationLimits) {}

  static async open(dir: string, logger: Logger, limits: Partial<ConversationLimits> = {}): Promise<ConversationStore> {
    await mkdir(dir, { recursive: true, mode: 0o700 });
    return new ConversationStore(dir, logger, { ...DEFAULT_LIMITS, ...limits });
  }

  async create(user: Account): Promise<ConversationInfo> {
    const id = randomBytes(18).toString('base64url');
    const db = new Low<ConversationFile>(compactJsonFile(this.file(id)), {
      version: 1, id, createdAt: new Date().toISOString(), user, nextSeq: 0, activities: [],
    });
    const entry = this.entry(db);
    this.cache.set(id, entry);
    await this.use(id, () => entry.commits.commit(), () => undefined);
    return { id, createdAt: db.data.createdAt, user: db.data.user };
  }

  /** The conversation, with its user as last seen in the log; undefined when there is none. */
  async info(id: string): Promise<ConversationInfo | undefined> {
    return this.use(id, ({ db }) => {
      const lastUser = db.data.activities.findLast((a) => (a.from as Account | undefined)?.role === 'user')?.from as Account | undefined;
      return { id, createdAt: db.data.createdAt, user: lastUser ?? db.data.user };
    }, () => undefined);
  }

  /** Appends an activity, giving it its Direct Line id and timestamp; answers the stored activity once it is on disk. */
  async append(id: string, activity: Record<string, unknown> & { type: string }): Promise<JsonActivity> {
    return this.use(id, async (entry) => {
      const stored = this.push(entry, id, activity);
      await entry.commits.commit();
      return stored;
    }, () => { throw new AppError('CONVERSATION_NOT_FOUND'); });
  }

  /**
   * Replaces the text of a logged activity, e.g. the last digits of a phone number once the
   * bot has checked them, so the log keeps no more than it needs. False when it is not there.
   */
  async redact(id: string, activityId: string, text: string): Promise<boolean> {
    return this.use(id, async (entry) => {
      const index = entry.db.data.activities.findIndex((a) => a.id === activityId);
      const activity = entry.db.data.activities[index];
      if (!activity) return false;
      activity.text = text;
      const size = Buffer.byteLength(JSON.stringify(activity));
      entry.bytes += size - (entry.sizes[index] ?? 0);
      entry.sizes[index] = size;
      await entry.db.write();
      return true;
    }, () => false);
  }

  /**
   * Like append, but answers at once: the activity is readable now and written by flush(),
   * which the caller must call (a turn records the citizen's message, the typing indicator
   * and the answer, and writes them once, before it is acknowledged).
   */
  async record(id: string, activity: Record<string, unknown> & { type: string }): Promise<JsonActivity> {
    return this.use(id, (entry) => {
      const stored = this.push(entry, id, activity);
      if (!entry.dirty) {
        entry.dirty = true;
        entry.busy += 1;
      }
      return stored;
    }, () => { throw new AppError('CONVERSATION_NOT_FOUND'); });
  }

  /** Writes what was recorded in the conversation; resolves once it is on disk. */
  async flush(id: string): Promise<void> {
    const entry = this.cache.get(id);
    if (!entry?.dirty) return;
    entry.dirty = false;
    const writing = entry.commits.commit();
    this.pending.add(writing);
    try {
      await writing;
    } finally {
      this.pending.delete(writing);
      entry.busy -= 1;
      this.evict();
    }
  }

  /** Activities from the watermark on (all that are kept when it is older), and the next watermark. */
  async since(id: string, watermark: number): Promise<{ activities: JsonActivity[]; watermark: string }> {
    return this.use(id, ({ db }) => {
      const { activities, nextSeq } = db.data;
      const firstSeq = nextSeq - activities.length;
      const start = Math.max(0, Math.min(watermark, nextSeq) - firstSeq);
      return { activities: activities.slice(start) as JsonActivity[], watermark: String(nextSeq) };
    }, () => { throw new AppError('CONVERSATION_NOT_FOUND'); });
  }

  private entry(db: Low<ConversationFile>, sizes: number[] = []): Entry {
    return { db, sizes, bytes: sizes.reduce((sum, n) => sum + n, 0), busy: 0, commits: new GroupCommit(() => db.write()), dirty: false };
  }

  private push(entry: Entry, id: string, activity: Record<string, unknown> & { type: string }): JsonActivity {
    const data = entry.db.data;
    const seq = data.nextSeq;
    const stored: JsonActivity = { ...activity, id: `${id}|${String(seq).padStart(7, '0')}`, timestamp: new Date().toISOString(), conversation: { id } };
    const size = Buffer.byteLength(JSON.stringify(stored));
    data.nextSeq = seq + 1;
    data.activities.push(stored);
    entry.sizes.push(size);
    entry.bytes += size;
    while (data.activities.length > this.limits.maxActivities || (entry.bytes > this.limits.maxLogBytes && data.activities.length > 1)) {
      data.activities.shift();
      entry.bytes -= entry.sizes.shift() ?? 0;
    }
    return stored;
  }

  /** Waits for the writes under way, for a clean shutdown. */
  async close(): Promise<void> {
    await Promise.allSettled([...this.pending]);
  }

  private async use<T>(id: string, work: (entry: Entry) => T | Promise<T>, missing: () => T): Promise<T> {
    const entry = await this.acquire(id);
    if (!entry) return missing();
    const running = (async () => work(entry))();
    this.pending.add(running);
    try {
      return await running;
    } finally {
      this.pending.delete(running);
      entry.busy -= 1;
      this.evict();
    }
  }

  /** The entry, loaded if need be and marked busy in the same step, so eviction cannot slip in between. */
  private async acquire(id: string): Promise<Entry | undefined> {
    for (;;) {
      const cached = this.cache.get(id);
      if (cached) {
        this.cache.delete(id);
        this.cache.set(id, cached);
        cached.busy += 1;
        return cached;
      }
      if (!CONVERSATION_ID.test(id)) return undefined;
      let loading = this.loading.get(id);
      if (!loading) {
        loading = this.load(id).finally(() => this.loading.delete(id));
        this.loading.set(id, loading);
      }
      if (!(await loading)) return undefined;
    }
  }

  private async load(id: string): Promise<boolean> {
    const data = await readJsonFile(this.file(id), fileSchema, this.logger);
    if (!data || data.id !== id) return false;
    const sizes = data.activities.map((a) => Buffer.byteLength(JSON.stringify(a)));
    this.cache.set(id, this.entry(new Low(compactJsonFile<ConversationFile>(this.file(id)), data), sizes));
    return true;
  }

  /** Drops the least recently used idle conversations beyond the limit; their files stay. */
  private evict(): void {
    for (const [id, entry] of this.cache) {
      if (this.cache.size <= this.limits.maxInMemory) return;
      if (entry.busy === 0) this.cache.delete(id);
    }
  }

  private file(id: string): string {
    return path.join(this.dir, `${id}.json`);
  }
}
