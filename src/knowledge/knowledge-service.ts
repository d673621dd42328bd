import { AppError } from '../errors.js';
import type { Logger } from '../log/logger.js';
import type { ChangeFeed } from '../store/change-feed.js';
import { KeyedQueue } from '../store/keyed-queue.js';
import type { KnowledgeEditStore, KnowledgeVersion, NewKnowledgeVersion } from '../store/knowledge-edit-store.js';
import type { KnowledgeBase } from './knowledge-base.js';
import { changedFields, checkProcedure, patchProcedure, type FieldProblem } from './procedure-patch.js';
import { isImported, type Procedure } from './schema.js';

// Staff edits of knowledge, live. The knowledge the assistant serves is the knowledge files
// (knowledge/, and the catalogue under them) with the newest staff version of each procedure
// over them, from DATA_DIR (the KnowledgeEditStore). An edit is kept first, then applied to the
// one KnowledgeBase every part reads, then announced to the listeners (the serving recognizer
// rebuilds what depends on names), before its caller gets the answer. `refresh` is the one
// place where kept versions become served knowledge: at start-up, after each edit, and when
// another process says the knowledge changed.

export interface KnowledgeChange {
  /** The procedures whose served version changed. */
  ids: string[];
  /** The top-level fields that changed, over all of them. */
  fields: string[];
  /** Those procedures as they were served before. */
  before: Procedure[];
}
export type KnowledgeListener = (change: KnowledgeChange) => Promise<void> | void;
/** What an edited procedure must also pass, given the knowledge it goes into (e.g. the situation data). */
export type KnowledgeCheck = (edited: Procedure, knowledge: KnowledgeBase) => FieldProblem[];

export interface Editor {
  /** The staff role (`admin`). */
  actor: string;
  /** The name they gave, if any. */
  officer?: string;
}

export interface EditOutcome {
  procedure: Procedure;
  /** The version now served: 0 for the knowledge files'. */
  version: number;
  /** The fields this change changed; [] when it changed nothing (and no version was made). */
  fields: string[];
}

/** One entry of a procedure's history; version 0 is the knowledge files' (or the catalogue's). */
export interface HistoryEntry extends Omit<KnowledgeVersion, 'procedure' | 'at'> {
  at: string | null;
  current: boolean;
  procedure: Procedure | Record<string, unknown>;
}

/** Today's date in Vietnam (UTC+7 all year), as reviewedAt writes it. */
export function vietnamDate(now: Date): string {
  return new Date(now.getTime() + 7 * 3600_000).toISOString().slice(0, 10);
}

export class KnowledgeService {
  private readonly queue = new KeyedQueue();
  private readonly listeners: KnowledgeListener[] = [];
  /** The version served of each procedure staff ever edited (0: the files'). */
  private readonly served = new Map<string, number>();
  /** Refreshes run one after another, so an older read never replaces a newer one. */
  private refreshing: Promise<unknown> = Promise.resolve();
  private changes: ChangeFeed | undefined;

  private constructor(
    readonly knowledge: KnowledgeBase,
    /** Each procedure as the knowledge files (and the catalogue) have it. */
    private readonly base: ReadonlyMap<string, Procedure>,
    private readonly store: KnowledgeEditStore,
    private readonly logger: Logger,
    private readonly check: KnowledgeCheck | undefined,
  ) {}

  /**
   * Applies the kept staff versions to `knowledge` (loaded from the files) and serves edits to
   * it from now on; `check` is what an edit must pass besides the schema and its references.
   */
  static async open(knowledge: KnowledgeBase, store: KnowledgeEditStore, logger: Logger, options: { check?: KnowledgeCheck } = {}): Promise<KnowledgeService> {
    const service = new KnowledgeService(knowledge, new Map(knowledge.procedures.map((p) => [p.id, p])), store, logger, options.check);
    const change = await service.refresh();
    if (change.ids.length) logger.info({ procedures: change.ids.length }, 'serving staff edits of knowledge');
    return service;
  }

  /**
   * Serves what any process kept whenever the change feed says the knowledge changed (all of it
   * when changes may have been missed); this process's edits are announced there from now on.
   * Answers a function that stops following.
   */
  follow(changes: ChangeFeed): () => void {
    this.changes = changes;
    return changes.subscribe('knowledge', (id) => {
      this.refresh(id ? [id] : undefined).catch((err: unknown) => {
        this.logger.error({ err: { name: (err as Error)?.name, message: (err as Error)?.message } }, 'could not serve the knowledge another process edited; the current version stays');
      });
    });
  }

  /** Called with every change of the served knowledge, and awaited before the change is answered. */
  onChange(listener: KnowledgeListener): void {
    this.listeners.push(listener);
  }

  /** The procedures staff ever edited (reverted ones too): what a saved model may know under other names. */
  editedIds(): ReadonlySet<string> {
    return new Set(this.served.keys());
  }

  /** A procedure as served and its version (0: the files'); NOT_FOUND for an unknown id. */
  get(id: string): { procedure: Procedure; version: number } {
    const procedure = this.knowledge.get(id);
    if (!procedure) throw notFound(id);
    return { procedure, version: this.served.get(id) ?? 0 };
  }

  /**
   * Saves `body` (the whole procedure, or only the top-level fields that change) as the next
   * version; `reviewed` sets reviewedAt to today. With `expectVersion`, refuses (CONFLICT) when
   * someone saved another version meanwhile. Edits of one procedure run one at a time.
   */
  edit(id: string, body: Record<string, unknown>, editor: Editor, options: { expectVersion?: number; now?: Date } = {}): Promise<EditOutcome> {
    const now = options.now ?? new Date();
    return this.change(id, editor, now, (from, version) => {
      if (options.expectVersion !== undefined && options.expectVersion !== version) {
        throw new AppError('CONFLICT', `Procedure "${id}" is at version ${version} now, not ${options.expectVersion}: someone saved it meanwhile. Reload it and make the change again.`);
      }
      const { procedure, fields } = patchProcedure(from, body, { today: vietnamDate(now), exists: (other) => this.knowledge.has(other), more: this.more });
      return { procedure, fields, stored: procedure };
    });
  }

  /** Serves version `version` again (0: the knowledge files'), as a new version. */
  async revert(id: string, version: number, editor: Editor, options: { now?: Date } = {}): Promise<EditOutcome> {
    if (!this.knowledge.has(id)) throw notFound(id);
    const history = await this.store.history(id);
    const target = version === 0 ? null : history.find((v) => v.version === version);
    if (target === undefined) {
      throw new AppError('NOT_FOUND', `Procedure "${id}" has no version ${version}; it has ${[0, ...history.map((v) => v.version).reverse()].join(', ')}.`);
    }
    return this.change(id, editor, options.now ?? new Date(), (from) => {
      const procedure = this.resolve(id, target?.procedure ?? null, { strict: true });
      return { procedure, fields: changedFields(from, procedure), stored: target?.procedure ?? null, revertOf: version };
    });
  }

  /** A procedure's versions, newest first, ending with version 0 (the files'). */
  async history(id: string): Promise<HistoryEntry[]> {
    const { version: current } = this.get(id);
    const base = this.base.get(id);
    const kept = (await this.store.history(id)).map((v): HistoryEntry => ({ ...v, current: v.version === current, procedure: v.procedure ?? base ?? {} }));
    return [...kept, {
      version: 0, at: null, actor: base && isImported(base) ? 'catalogue' : 'knowledge', fields: [], current: current === 0, procedure: base ?? {},
    }];
  }

  /**
   * Serves the newest kept version of `ids` (default: every edited procedure) and tells the
   * listeners what changed. Start-up, every edit and a notification from another process come here.
   */
  refresh(ids?: ReadonlyArray<string>): Promise<KnowledgeChange> {
    const run = this.refreshing.then(() => this.serveKept(ids));
    this.refreshing = run.catch(() => undefined);
    return run;
  }

  private async serveKept(ids?: ReadonlyArray<string>): Promise<KnowledgeChange> {
    const wanted = ids ? new Set(ids) : null;
    const changed: Procedure[] = [];
    const before: Procedure[] = [];
    const fields = new Set<string>();
    for (const { id, newest } of await this.store.latest()) {
      if (wanted && !wanted.has(id)) continue;
      if (!this.base.has(id)) {
        this.logger.warn({ procedure: id }, 'a staff edit names a procedure neither knowledge/ nor the catalogue holds now; it is kept, not served');
        continue;
      }
      const procedure = this.resolve(id, newest.procedure, { strict: false });
      const served = this.knowledge.get(id);
      this.served.set(id, newest.version);
      if (!served || JSON.stringify(served) === JSON.stringify(procedure)) continue;
      changed.push(procedure);
      before.push(served);
      for (const f of changedFields(served, procedure)) fields.add(f);
    }
    this.knowledge.replace(changed);
    const change = { ids: changed.map((p) => p.id), fields: [...fields], before };
    if (change.ids.length) await this.announce(change);
    return change;
  }

  /** Waits for the edits under way. */
  async idle(): Promise<void> {
    await this.queue.idle();
    await this.refreshing;
  }

  /**
   * Makes the next version of `id` from the newest kept (which another process may have
   * saved), keeps it, then serves it. `make` answers the procedure to serve and what to store.
   */
  private change(
    id: string,
    editor: Editor,
    now: Date,
    make: (from: Procedure, version: number) => { procedure: Procedure; fields: string[]; stored: Procedure | Record<string, unknown> | null; revertOf?: number },
  ): Promise<EditOutcome> {
    return this.queue.run(id, async () => {
      if (!this.knowledge.has(id)) throw notFound(id);
      let outcome: EditOutcome | undefined;
      const kept = await this.store.append(id, (newest) => {
        const version = newest?.version ?? 0;
        const from = newest ? this.resolve(id, newest.procedure, { strict: false }) : this.base.get(id)!;
        const made = make(from, version);
        outcome = { procedure: made.fields.length ? made.procedure : from, version, fields: made.fields };
        if (!made.fields.length) return null;
        const next: NewKnowledgeVersion = {
          at: now.toISOString(), actor: editor.actor, ...(editor.officer ? { officer: editor.officer } : {}),
          fields: made.fields, ...(made.revertOf === undefined ? {} : { revertOf: made.revertOf }), procedure: made.stored,
        };
        return next;
      });
      if (!outcome) throw new Error('the knowledge edit store did not run the change');
      if (kept) outcome.version = kept.version;
      await this.refresh([id]);
      if (kept) await this.changes?.publish('knowledge', id).catch(() => undefined);
      return outcome;
    });
  }

  /**
   * A kept version as a procedure: null is the files' version. One that no longer passes the
   * schema (the schema changed since) is refused when `strict` (a revert), else the files'
   * version is served and the problem logged.
   */
  private resolve(id: string, stored: Record<string, unknown> | null, { strict }: { strict: boolean }): Procedure {
    const base = this.base.get(id);
    if (!base) throw notFound(id);
    if (stored === null) return base;
    try {
      return checkProcedure(stored, (other) => this.knowledge.has(other), this.more);
    } catch (err) {
      if (strict) throw err;
      this.logger.warn({ procedure: id, problem: err instanceof Error ? err.message : String(err) }, 'a staff edit no longer passes the knowledge schema; serving the files\' version');
      return base;
    }
  }

  private readonly more = (procedure: Procedure): FieldProblem[] => this.check?.(procedure, this.knowledge) ?? [];

  private async announce(change: KnowledgeChange): Promise<void> {
    for (const listener of this.listeners) {
      try {
        await listener(change);
      } catch (err) {
        this.logger.error({ err: { name: (err as Error)?.name, message: (err as Error)?.message }, procedures: change.ids }, 'a part could not take the knowledge change');
      }
    }
  }
}

function notFound(id: string): AppError {
  return new AppError('NOT_FOUND', `No procedure has id "${id}".`);
}
