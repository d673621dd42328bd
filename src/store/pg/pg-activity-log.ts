import { randomBytes } from 'node:crypto';
import { z } from 'zod';
import { AppError } from '../../errors.js';
import type { Account, ActivityLog, ActivitySet, ConversationInfo, JsonActivity, NewActivity } from '../activity-log.js';
import { ActivityWatchers, sequenceOf } from '../activity-watchers.js';
import { KeyedQueue } from '../keyed-queue.js';
import type { PgDatabase } from './pg-database.js';
import { RESERVE } from './pg-turn-openings.js';

// Direct Line conversations and their logs in dl_conversations and dl_activities. A turn
// reserves a few sequence numbers at its first record (so ids are known at once and never
// taken twice, whichever process logs next), keeps what it records in memory, where this
// process reads it at once, and writes it in one statement at flush, which also gives back
// the numbers it did not use and NOTIFYs the other processes with the new activities (or
// only that there are some, when they do not fit in a notification). A turn still quiet
// after TYPING_NOTICE_MS tells them what it has recorded so far, so that a WebSocket held by
// another process shows the typing indicator of a slow answer.

export interface PgLogLimits {
  maxActivities: number;
  maxLogBytes: number;
}

const DEFAULT_LIMITS: PgLogLimits = { maxActivities: 500, maxLogBytes: 1024 * 1024 };
const CONVERSATION_ID = /^[A-Za-z0-9_-]{24}$/;
/** NOTIFY payloads must stay under 8000 bytes. */
const MAX_NOTICE_BYTES = 7900;
const TYPING_NOTICE_MS = 250;
/** Conversations whose info this process remembers (a conversation never goes away; its user rarely changes). */
const INFO_CACHE = 10_000;
export const ACTIVITY_CHANNEL = 'dl_activities';
/** The activities of a notice: whole activities as logged. */
const noticeSchema = z.array(z.object({ id: z.string(), type: z.string() }).passthrough());

interface Pending {
  /** Next number to give out, and one past the reserved ones. */
  next: number;
  end: number;
  activities: JsonActivity[];
  typingTimer?: NodeJS.Timeout | undefined;
}

const RESERVE_SQL = 'UPDATE dl_conversations SET next_seq = next_seq + $2 WHERE id = $1 RETURNING next_seq';
const FLUSH_SQL = `WITH written AS (
    INSERT INTO dl_activities (conversation_id, seq, activity, bytes)
    SELECT $1, s, a, b FROM unnest($2::bigint[], $3::json[], $4::integer[]) AS t(s, a, b)
  ), conversation AS (
    UPDATE dl_conversations SET
      next_seq = CASE WHEN next_seq = $5 THEN $6 ELSE next_seq END,
      flushed_seq = GREATEST(flushed_seq, $6),
      kept = kept + cardinality($2::bigint[]),
      log_bytes = log_bytes + $7,
      last_user = COALESCE($8::json, last_user)
    WHERE id = $1
    RETURNING kept, log_bytes
  )
  SELECT kept, log_bytes, pg_notify($9, $10) FROM conversation`;
const TRIM_SQL = `WITH ranked AS (
    SELECT seq, row_number() OVER w AS n, sum(bytes) OVER w AS total
    FROM dl_activities WHERE conversation_id = $1
    WINDOW w AS (ORDER BY seq DESC)
  ), gone AS (
    DELETE FROM dl_activities d USING ranked r
    WHERE d.conversation_id = $1 AND d.seq = r.seq AND r.n > 1 AND (r.n > $2 OR r.total > $3)
    RETURNING d.bytes
  )
  UPDATE dl_conversations SET kept = kept - (SELECT count(*) FROM gone), log_bytes = log_bytes - (SELECT COALESCE(sum(bytes), 0) FROM gone)
  WHERE id = $1`;
const SINCE_SQL = `SELECT c.flushed_seq, a.activity FROM dl_conversations c
  LEFT JOIN dl_activities a ON a.conversation_id = c.id AND a.seq >= $2
  WHERE c.id = $1 ORDER BY a.seq`;

export class PgActivityLog implements ActivityLog {
  private readonly pending = new Map<string, Pending>();
  /** Conversations known to exist, with their user as this process last saw it: most posts then ask the database nothing first. */
  private readonly known = new Map<string, ConversationInfo>();
  /** Records, flushes and appends of one conversation in this process, one at a time. */
  private readonly queue = new KeyedQueue();
  private readonly watchers = new ActivityWatchers((id, from) => this.since(id, from));
  /** Tells this process's notices from the others'. */
  private readonly origin = randomBytes(6).toString('base64url');
  private readonly channel: string;

  private constructor(private readonly db: PgDatabase, private readonly limits: PgLogLimits) {
    this.channel = db.channel(ACTIVITY_CHANNEL);
  }

  static async open(db: PgDatabase, limits: Partial<PgLogLimits> = {}): Promise<PgActivityLog> {
    const log = new PgActivityLog(db, { ...DEFAULT_LIMITS, ...limits });
    await db.listener.listen(log.channel, (payload) => log.noticed(payload));
    db.listener.onReconnect(() => log.watchers.resync());
    return log;
  }

  async create(user: Account): Promise<ConversationInfo> {
    const id = randomBytes(18).toString('base64url');
    const createdAt = new Date().toISOString();
    await this.db.query('INSERT INTO dl_conversations (id, created_at, "user") VALUES ($1, $2, $3)', [id, createdAt, JSON.stringify(user)]);
    return this.remember({ id, createdAt, user });
  }

  async info(id: string): Promise<ConversationInfo | undefined> {
    if (!CONVERSATION_ID.test(id)) return undefined;
    const recorded = lastUser(this.pending.get(id)?.activities ?? []);
    const known = this.known.get(id);
    if (known) return recorded ? { ...known, user: recorded } : known;
    const { rows } = await this.db.query<{ created_at: Date; user: Account; last_user: Account | null }>(
      'SELECT created_at, "user", last_user FROM dl_conversations WHERE id = $1', [id]);
    const row = rows[0];
    if (!row) return undefined;
    const info = this.remember({ id, createdAt: row.created_at.toISOString(), user: row.last_user ?? row.user });
    return recorded ? { ...info, user: recorded } : info;
  }

  append(id: string, activity: NewActivity): Promise<JsonActivity> {
    return this.queue.run(id, async () => {
      const stored = await this.recordNow(id, activity);
      await this.flushNow(id);
      return stored;
    });
  }

  record(id: string, activity: NewActivity): Promise<JsonActivity> {
    return this.queue.run(id, () => this.recordNow(id, activity));
  }

  flush(id: string): Promise<void> {
    return this.queue.run(id, () => this.flushNow(id));
  }

  async since(id: string, watermark: number): Promise<ActivitySet> {
    if (!CONVERSATION_ID.test(id)) throw new AppError('CONVERSATION_NOT_FOUND');
    const { rows } = await this.db.query<{ flushed_seq: string; activity: JsonActivity | null }>(SINCE_SQL, [id, watermark]);
    if (!rows.length) throw new AppError('CONVERSATION_NOT_FOUND');
    const activities = rows.flatMap((r) => (r.activity ? [r.activity] : []));
    let end = Number(rows[0]!.flushed_seq);
    const recorded = this.pending.get(id)?.activities ?? [];
    for (const a of recorded) {
      const seq = sequenceOf(a);
      if (seq >= end && seq >= watermark) activities.push(a);
    }
    if (recorded.length) end = Math.max(end, sequenceOf(recorded[recorded.length - 1]!) + 1);
    return { activities, watermark: String(end) };
  }

  watch(id: string, watermark: number, send: (set: ActivitySet) => void): Promise<() => void> {
    return this.watchers.add(id, watermark, send);
  }

  redact(id: string, activityId: string, text: string): Promise<boolean> {
    return this.queue.run(id, async () => {
      if (!CONVERSATION_ID.test(id) || !activityId.startsWith(`${id}|`)) return false;
      const recorded = this.pending.get(id)?.activities.find((a) => a.id === activityId);
      if (recorded) {
        recorded.text = text;
        return true;
      }
      const { rowCount } = await this.db.query(
        `UPDATE dl_activities SET activity = (activity::jsonb || jsonb_build_object('text', $3::text))::json
         WHERE conversation_id = $1 AND seq = $2`, [id, sequenceOf({ id: activityId, type: '' }), text]);
      return rowCount === 1;
    });
  }

  async close(): Promise<void> {
    await this.queue.idle();
    for (const p of this.pending.values()) clearTimeout(p.typingTimer);
  }

  private async recordNow(id: string, activity: NewActivity): Promise<JsonActivity> {
    if (!CONVERSATION_ID.test(id)) throw new AppError('CONVERSATION_NOT_FOUND');
    let p = this.pending.get(id);
    if (!p || p.next === p.end) {
      // Reserved by the turn's opening statement with its lock, or here. Not waiting for the
      // WAL: the flush that writes activities with these numbers commits synchronously after
      // this, and so makes the reservation durable with them. A database crash before that
      // flush may hand the numbers out again, but none of them was kept.
      let end = p ? undefined : this.db.openings.takeReserved(id);
      if (end === undefined) {
        const { rows } = await this.db.queryUnflushed<{ next_seq: string }>(RESERVE_SQL, [id, RESERVE]);
        if (!rows[0]) throw new AppError('CONVERSATION_NOT_FOUND');
        end = Number(rows[0].next_seq);
      }
      if (p) Object.assign(p, { next: end - RESERVE, end });
      else {
        p = { next: end - RESERVE, end, activities: [] };
        this.pending.set(id, p);
      }
    }
    const seq = p.next++;
    const stored: JsonActivity = { ...activity, id: `${id}|${String(seq).padStart(7, '0')}`, timestamp: new Date().toISOString(), conversation: { id } };
    p.activities.push(stored);
    this.watchers.offer(id, [stored]);
    if (activity.type === 'typing' && !p.typingTimer) {
      const pending = p;
      p.typingTimer = setTimeout(() => {
        if (this.pending.get(id) !== pending) return;
        void this.db.query('SELECT pg_notify($1, $2)', [this.channel, this.notice(id, pending.activities.slice())]).catch(() => undefined);
      }, TYPING_NOTICE_MS);
      p.typingTimer.unref();
    }
    return stored;
  }

  private async flushNow(id: string): Promise<void> {
    const p = this.pending.get(id);
    if (!p) return;
    clearTimeout(p.typingTimer);
    if (!p.activities.length) {
      this.pending.delete(id);
      return;
    }
    const texts = p.activities.map((a) => JSON.stringify(a));
    const sizes = texts.map((t) => Buffer.byteLength(t));
    const user = lastUser(p.activities);
    const known = this.known.get(id);
    if (user && known) this.remember({ ...known, user });
    const { rows } = await this.db.query<{ kept: number; log_bytes: string }>(FLUSH_SQL, [
      id, p.activities.map(sequenceOf), texts, sizes, p.end, p.next, sizes.reduce((a, b) => a + b, 0),
      user ? JSON.stringify(user) : null, this.channel, this.notice(id, p.activities, texts),
    ]).finally(() => this.pending.delete(id));
    const kept = rows[0];
    if (kept && (kept.kept > this.limits.maxActivities || Number(kept.log_bytes) > this.limits.maxLogBytes)) {
      await this.db.query(TRIM_SQL, [id, this.limits.maxActivities, this.limits.maxLogBytes]);
    }
  }

  private remember(info: ConversationInfo): ConversationInfo {
    this.known.delete(info.id);
    this.known.set(info.id, info);
    if (this.known.size > INFO_CACHE) this.known.delete(this.known.keys().next().value as string);
    return info;
  }

  /** `<origin> <conversation> <activities as JSON, or nothing when they do not fit>`. */
  private notice(id: string, activities: JsonActivity[], texts?: string[]): string {
    const head = `${this.origin} ${id} `;
    const body = texts ? `[${texts.join(',')}]` : JSON.stringify(activities);
    const full = head + body;
    return Buffer.byteLength(full) <= MAX_NOTICE_BYTES ? full : head;
  }

  private noticed(payload: string): void {
    const first = payload.indexOf(' ');
    const second = payload.indexOf(' ', first + 1);
    if (first < 0 || second < 0 || payload.slice(0, first) === this.origin) return;
    const id = payload.slice(first + 1, second);
    if (!this.watchers.watched(id)) return;
    const body = payload.slice(second + 1);
    let activities: JsonActivity[] | null = null;
    try {
      activities = body ? noticeSchema.parse(JSON.parse(body)) : null;
    } catch {
      activities = null; // then the watchers read the log
    }
    this.watchers.offer(id, activities);
  }
}

/** The citizen as last seen in these activities. */
function lastUser(activities: JsonActivity[]): Account | undefined {
  return activities.findLast((a) => (a.from as Account | undefined)?.role === 'user')?.from as Account | undefined;
}
