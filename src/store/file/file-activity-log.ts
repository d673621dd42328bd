import { randomBytes } from 'node:crypto';
import { mkdir, unlink } from 'node:fs/promises';
import path from 'node:path';
import { AppError } from '../../errors.js';
import type { Logger } from '../../log/logger.js';
import type { Account, ActivityLog, ActivitySet, ConversationInfo, JsonActivity, NewActivity } from '../activity-log.js';
import { ActivityWatchers } from '../activity-watchers.js';
import { GroupCommit } from '../group-commit.js';
import { AppendFile } from './append-file.js';
import { activityLine, fileText, readConversationFile, type ConversationHeader } from './conversation-file.js';
import { FileCache } from './file-cache.js';

// Direct Line conversations and their activity logs (activity-log.ts): one file per
// conversation under DATA_DIR/directline/ (conversation-file.ts), to which a turn appends its
// activities in one write, so a restart loses nothing. Only the most recently used
// conversations stay in memory (with their files open), and each log keeps only its newest
// activities.

export interface ConversationLimits {
  /** Activities kept per conversation; older ones drop off (clients poll far more often). */
  maxActivities: number;
  /** Bytes of JSON kept per conversation, whatever the count. */
  maxLogBytes: number;
  /** Conversations held in memory; the others are read from disk when they are used. */
  maxInMemory: number;
}

export const DEFAULT_LIMITS: ConversationLimits = { maxActivities: 500, maxLogBytes: 1024 * 1024, maxInMemory: 100 };

/** How far the file may outgrow what is kept (trimmed activities, redactions) before it is rewritten. */
const REWRITE_SLACK_BYTES = 64 * 1024;

/** Ids are 24 characters of base64url from 18 random bytes: unguessable, and safe as file names. */
const CONVERSATION_ID = /^[A-Za-z0-9_-]{24}$/;

interface Entry {
  header: ConversationHeader;
  activities: JsonActivity[];
  /** Sequence number of the next activity; the watermark clients send back. */
  nextSeq: number;
  sizes: number[];
  /** Bytes of the kept activities' JSON, and of the file. */
  bytes: number;
  fileBytes: number;
  /** Lines logged in memory and not yet in the file. */
  unwritten: string[];
  /** The file must be written whole next time (new, torn, old format, or a failed append). */
  rewrite: boolean;
  legacyFile?: string | undefined;
  file: AppendFile;
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
    this.cache = new FileCache({
      maxOpen: limits.maxInMemory,
      load: (id) => this.load(id),
      unload: async (entry) => {
        await entry.commits.idle();
        entry.file.close();
      },
    });
  }

  static async open(dir: string, logger: Logger, limits: Partial<ConversationLimits> = {}): Promise<FileActivityLog> {
    await mkdir(dir, { recursive: true, mode: 0o700 });
    return new FileActivityLog(dir, logger, { ...DEFAULT_LIMITS, ...limits });
  }

  async create(user: Account): Promise<ConversationInfo> {
    const id = randomBytes(18).toString('base64url');
    const header: ConversationHeader = { version: 2, id, createdAt: new Date().toISOString(), user, nextSeq: 0 };
    this.cache.put(id, this.entry(id, header, [], 0));
    await this.use(id, (entry) => entry.commits.commit(), () => undefined);
    return { id, createdAt: header.createdAt, user };
  }

  async info(id: string): Promise<ConversationInfo | undefined> {
    return this.use(id, ({ header, activities }) => {
      const lastUser = activities.findLast((a) => (a.from as Account | undefined)?.role === 'user')?.from as Account | undefined;
      return { id, createdAt: header.createdAt, user: lastUser ?? header.user };
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
      const index = entry.activities.findIndex((a) => a.id === activityId);
      const activity = entry.activities[index];
      if (!activity) return false;
      activity.text = text;
      const size = Buffer.byteLength(JSON.stringify(activity));
      entry.bytes += size - (entry.sizes[index] ?? 0);
      entry.sizes[index] = size;
      // Rewritten whole, so that the text replaced is gone from the disk too.
      entry.rewrite = true;
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
    return this.use(id, ({ activities, nextSeq }) => {
      const firstSeq = nextSeq - activities.length;
      const start = Math.max(0, Math.min(watermark, nextSeq) - firstSeq);
      return { activities: activities.slice(start) as JsonActivity[], watermark: String(nextSeq) };
    }, () => { throw new AppError('CONVERSATION_NOT_FOUND'); });
  }

  async close(): Promise<void> {
    await Promise.allSettled([...this.pending]);
    await this.cache.settle(async (entry) => {
      await entry.commits.idle();
      entry.file.close();
    });
  }

  private entry(id: string, header: ConversationHeader, activities: JsonActivity[], nextSeq: number, read?: { fileBytes: number; rewrite: boolean; legacyFile?: string | undefined }): Entry {
    const entry: Entry = {
      header, activities: [], nextSeq, sizes: [], bytes: 0, fileBytes: read?.fileBytes ?? 0, unwritten: [],
      rewrite: read?.rewrite ?? true, legacyFile: read?.legacyFile, file: new AppendFile(this.file(id)),
      commits: new GroupCommit(() => this.write(entry)), dirty: false,
    };
    for (const a of activities) this.keep(entry, a, Buffer.byteLength(JSON.stringify(a)));
    return entry;
  }

  /** Appends what was logged since the last write, or writes the file whole when it must be or holds much more than is kept. */
  private async write(entry: Entry): Promise<void> {
    const lines = entry.unwritten;
    entry.unwritten = [];
    // Decided now: a redaction made while this write runs asks for the next one to be whole.
    const whole = entry.rewrite || entry.fileBytes > 2 * entry.bytes + REWRITE_SLACK_BYTES;
    entry.rewrite = false;
    try {
      if (whole) {
        const text = fileText({ ...entry.header, nextSeq: entry.nextSeq }, entry.activities);
        await entry.file.replace(text);
        entry.fileBytes = Buffer.byteLength(text);
        if (entry.legacyFile) await unlink(entry.legacyFile).catch(() => undefined);
        entry.legacyFile = undefined;
      } else if (lines.length) {
        const text = lines.join('');
        await entry.file.append(text);
        entry.fileBytes += Buffer.byteLength(text);
      }
    } catch (err) {
      // A failed append may have left part of it behind: the next write rewrites the file.
      entry.rewrite = true;
      entry.unwritten = lines.concat(entry.unwritten);
      throw err;
    }
  }

  private push(entry: Entry, id: string, activity: NewActivity): JsonActivity {
    const seq = entry.nextSeq;
    const stored: JsonActivity = { ...activity, id: `${id}|${String(seq).padStart(7, '0')}`, timestamp: new Date().toISOString(), conversation: { id } };
    const json = JSON.stringify(stored);
    entry.nextSeq = seq + 1;
    entry.unwritten.push(activityLine(json));
    this.keep(entry, stored, Buffer.byteLength(json));
    this.watchers.offer(id, [stored]);
    return stored;
  }

  /** Adds an activity to what is kept in memory, letting the oldest go beyond the limits. */
  private keep(entry: Entry, activity: JsonActivity, size: number): void {
    entry.activities.push(activity);
    entry.sizes.push(size);
    entry.bytes += size;
    while (entry.activities.length > this.limits.maxActivities || (entry.bytes > this.limits.maxLogBytes && entry.activities.length > 1)) {
      entry.activities.shift();
      entry.bytes -= entry.sizes.shift() ?? 0;
    }
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
    const read = await readConversationFile(this.file(id), path.join(this.dir, `${id}.json`), this.logger);
    if (!read || read.header.id !== id) return undefined;
    return this.entry(id, read.header, read.activities, read.nextSeq, read);
  }

  private file(id: string): string {
    return path.join(this.dir, `${id}.jsonl`);
  }
}
