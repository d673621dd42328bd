import type { ActivitySet, JsonActivity } from './activity-log.js';

// Who watches which conversation (ActivityLog.watch: a Direct Line WebSocket), shared by the
// activity logs. A log offers what it has just logged; each watcher sends what it has not
// sent yet, in order. When an offer does not follow on from what a watcher sent (a notice
// from another process that says only "something new", or a gap), the watcher reads the log
// from where it is. Each watcher handles one offer at a time.

interface Watcher {
  /** The sequence number of the next activity to send. */
  next: number;
  send: (set: ActivitySet) => void;
  chain: Promise<void>;
  stopped: boolean;
}

/** The sequence number in an activity id `<conversation>|<7 digits>`. */
export function sequenceOf(activity: JsonActivity): number {
  return Number(activity.id.slice(activity.id.lastIndexOf('|') + 1));
}

export class ActivityWatchers {
  private readonly byConversation = new Map<string, Set<Watcher>>();

  /** `read(id, from)` answers the log from a watermark (ActivityLog.since). */
  constructor(private readonly read: (id: string, from: number) => Promise<ActivitySet>) {}

  /** Starts watching; the log from `from` on is sent first. Rejects (and watches nothing) when `read` does. */
  async add(id: string, from: number, send: (set: ActivitySet) => void): Promise<() => void> {
    const watcher: Watcher = { next: from, send, chain: Promise.resolve(), stopped: false };
    let set = this.byConversation.get(id);
    if (!set) {
      set = new Set();
      this.byConversation.set(id, set);
    }
    set.add(watcher);
    const stop = (): void => {
      watcher.stopped = true;
      const watchers = this.byConversation.get(id);
      watchers?.delete(watcher);
      if (watchers?.size === 0) this.byConversation.delete(id);
    };
    const first = this.enqueue(id, watcher, null, true);
    try {
      await first;
    } catch (err) {
      stop();
      throw err;
    }
    return stop;
  }

  /** Whether anyone here watches the conversation. */
  watched(id: string): boolean {
    return this.byConversation.has(id);
  }

  /** Conversations watched here (for tests and the bench). */
  get size(): number {
    return this.byConversation.size;
  }

  /** What was just logged in `id`, in order; null when only that something was logged. */
  offer(id: string, activities: JsonActivity[] | null): void {
    for (const watcher of this.byConversation.get(id) ?? []) void this.enqueue(id, watcher, activities, false);
  }

  /** Every watcher reads the log from where it is (after notices may have been missed). */
  resync(): void {
    for (const [id, watchers] of this.byConversation) for (const watcher of watchers) void this.enqueue(id, watcher, null, false);
  }

  private enqueue(id: string, watcher: Watcher, activities: JsonActivity[] | null, rethrow: boolean): Promise<void> {
    const step = watcher.chain.then(() => this.deliver(id, watcher, activities));
    watcher.chain = step.catch(() => undefined);
    return rethrow ? step : watcher.chain;
  }

  private async deliver(id: string, watcher: Watcher, activities: JsonActivity[] | null): Promise<void> {
    if (watcher.stopped) return;
    const fresh = activities?.filter((a) => sequenceOf(a) >= watcher.next);
    if (fresh && !fresh.length) return;
    if (fresh && sequenceOf(fresh[0]!) === watcher.next) {
      const last = sequenceOf(fresh[fresh.length - 1]!);
      this.send(watcher, { activities: fresh, watermark: String(last + 1) });
      return;
    }
    const set = await this.read(id, watcher.next);
    if (watcher.stopped) return;
    const unsent = set.activities.filter((a) => sequenceOf(a) >= watcher.next);
    const watermark = Math.max(watcher.next, Number(set.watermark), ...unsent.map((a) => sequenceOf(a) + 1));
    if (unsent.length) this.send(watcher, { activities: unsent, watermark: String(watermark) });
    watcher.next = watermark;
  }

  private send(watcher: Watcher, set: ActivitySet): void {
    watcher.next = Number(set.watermark);
    try {
      watcher.send(set);
    } catch {
      // A closed socket: its close handler stops the watcher.
    }
  }
}
