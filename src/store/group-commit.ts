/**
 * Coalesces the writes of one file. A commit asked for while a write is under way is made by
 * the next write, which carries every change made meanwhile; so however many changes arrive,
 * at most one write runs and one waits. Each promise settles once a write that started after
 * it was asked for has finished: a resolved commit is on disk.
 */
export class GroupCommit {
  private running: Promise<void> | undefined;
  private next: { promise: Promise<void>; resolve: () => void; reject: (err: unknown) => void } | undefined;

  constructor(private readonly write: () => Promise<void>) {}

  commit(): Promise<void> {
    if (!this.running) return this.start();
    if (!this.next) {
      let resolve: () => void = () => undefined;
      let reject: (err: unknown) => void = () => undefined;
      const promise = new Promise<void>((res, rej) => { resolve = res; reject = rej; });
      this.next = { promise, resolve, reject };
    }
    return this.next.promise;
  }

  /** Resolves once no write is under way or waiting (for a clean shutdown). */
  async idle(): Promise<void> {
    while (this.running) await this.running.catch(() => undefined);
  }

  private start(): Promise<void> {
    const running = this.write().finally(() => {
      this.running = undefined;
      const next = this.next;
      this.next = undefined;
      if (next) this.start().then(next.resolve, next.reject);
    });
    this.running = running;
    return running;
  }
}
