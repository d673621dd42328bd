import { randomBytes } from 'node:crypto';
import { mkdir } from 'node:fs/promises';
import path from 'node:path';
import { z } from 'zod';
import { Low } from 'lowdb';
import { AppError } from '../../errors.js';
import type { Logger } from '../../log/logger.js';
import type { Account, ActivityLog, ActivitySet, ConversationInfo, JsonActivity, NewActivity } from '../activity-log.js';
import { ActivityWatchers } from '../activity-watchers.js';
import { GroupCommit } from '../group-commit.js';
import { compactJsonFile } from './compact-json-file.js';
import { FileCache } from './file-cache.js';
import { readJsonFile } from './read-json-file.js';

// Direct Line conversations and their activity logs (activity-log.ts): one lowdb file per
// conversation under DATA_DIR/directline/, so a write rewrites one small file and a restart
// loses nothing. Only the most recently used conversations stay in memory, and each log keeps
// only its newest activities.

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
  commits: GroupCommit;
  /** Holds activities recorded but not yet flushed (and is then held open). */
  dirty: boolean;
}

export class FileActivityLog implements ActivityLog {
  private readonly cache: FileCache<Entry>;
  private readonly pending = new Set<Promise<unknown>>();
  /** One process: whoever watches a conversation is told here, as activities are logged. */
  private readonly watchers = new ActivityWatchers((id, from) => this.since(id, from));

  private constructor(private readonly dir: string, private readonly logger: Logger, private readonly limits: ConversationLimits) {
    this.cache = new FileCache({ maxOpen: limits.maxInMemory, load: (id) => this.load(id) });
  }

  static async open(dir: string, logger: Logger, limits: Partial<ConversationLimits> = {}): Promise<FileActivityLog> {
    await mkdir(dir, { recursive: true, mode: 0o700 });
    return new FileActivityLog(dir, logger, { ...DEFAULT_LIMITS, ...limits });
  }

  async create(user: Account): Promise<ConversationInfo> {
    const id = randomBytes(18).toString('base64url');
    const db = new Low<ConversationFile>(compactJsonFile(this.file(id)), {
      version: 1, id, createdAt: new Date().toISOString(), user, nextSeq: 0, activities: [],
    });
    this.cache.put(id, this.entry(db));
    await this.use(id, (entry) => entry.commits.commit(), () => undefined);
    return { id, createdAt: db.data.createdAt, user: db.data.user };
  }

  async info(id: string): Promise<ConversationInfo | undefined> {
    return this.use(id, ({ db }) => {
      const lastUser = db.data.activities.findLast((a) => (a.from as Account | undefined)?.role === 'user')?.from as Account | undefined;
      return { id, createdAt: db.data.createdAt, user: lastUser ?? db.data.user };
    }, () => undefined);
  }

  async append(id: string, activity: NewActivity): Promise<JsonActivity> {
    return this.use(id, async (entry) => {
      const stored = this.push(entry, id, activity);
      await entry.commits.commit();
      return stored;
    }, () => { throw new AppError('CONVERSATION_NOT_FOUND'); });
  }

  async redact(id: string, activityId: string, text: string): Promise<boolean> {
    return this.use(id, async (entry) => {
      const index = entry.db.data.activities.findIndex((a) => a.id === activityId);
      const activity = entry.db.data.activities[index];
      if (!activity) return false;
      activity.text = text;
      const size = Buffer.byteLength(JSON.stringify(activity));
      entry.bytes += size - (entry.sizes[index] ?? 0);
      entry.sizes[index] = size;
      await entry.commits.commit();
      return true;
    }, () => false);
  }

  /** The conversation stays open (not let go) until it is flushed. */
  async record(id: string, activity: NewActivity): Promise<JsonActivity> {
    return this.use(id, (entry) => {
      const stored = this.push(entry, id, activity);
      if (!entry.dirty) {
        entry.dirty = true;
        this.cache.hold(id);
      }
      return stored;
    }, () => { throw new AppError('CONVERSATION_NOT_FOUND'); });
  }

  async flush(id: string): Promise<void> {
    const entry = await this.cache.peek(id);
    if (!entry?.dirty) return;
    entry.dirty = false;
    const writing = entry.commits.commit();
    this.pending.add(writing);
    try {
      await writing;
    } finally {
      this.pending.delete(writing);
      this.cache.release(id);
    }
  }

  watch(id: string, watermark: number, send: (set: ActivitySet) => void): Promise<() => void> {
    return this.watchers.add(id, watermark, send);
  }

  async since(id: string, watermark: number): Promise<ActivitySet> {
    return this.use(id, ({ db }) => {
      const { activities, nextSeq } = db.data;
      const firstSeq = nextSeq - activities.length;
      const start = Math.max(0, Math.min(watermark, nextSeq) - firstSeq);
      return { activities: activities.slice(start) as JsonActivity[], watermark: String(nextSeq) };
    }, () => { throw new AppError('CONVERSATION_NOT_FOUND'); });
  }

  async close(): Promise<void> {
    await Promise.allSettled([...this.pending]);
  }

  private entry(db: Low<ConversationFile>, sizes: number[] = []): Entry {
    return { db, sizes, bytes: sizes.reduce((sum, n) => sum + n, 0), commits: new GroupCommit(() => db.write()), dirty: false };
  }

  private push(entry: Entry, id: string, activity: NewActivity): JsonActivity {
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
    this.watchers.offer(id, [stored]);
    return stored;
  }

  /** Runs `work` on the conversation, open until it is done (and counted for close). */
  private async use<T>(id: string, work: (entry: Entry) => T | Promise<T>, missing: () => T): Promise<T> {
    const running = this.cache.use(id, work, missing);
    this.pending.add(running);
    try {
      return await running;
    } finally {
      this.pending.delete(running);
    }
  }

  private async load(id: string): Promise<Entry | undefined> {
    if (!CONVERSATION_ID.test(id)) return undefined;
    const data = await readJsonFile(this.file(id), fileSchema, this.logger);
    if (!data || data.id !== id) return undefined;
    const sizes = data.activities.map((a) => Buffer.byteLength(JSON.stringify(a)));
    return this.entry(new Low(compactJsonFile<ConversationFile>(this.file(id)), data), sizes);
  }

  private file(id: string): string {
    return path.join(this.dir, `${id}.json`);
  }
}
