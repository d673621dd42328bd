import { appendFile, mkdir, readdir, readFile, stat, unlink } from 'node:fs/promises';
import path from 'node:path';
import { z } from 'zod';
import type { Logger } from '../../log/logger.js';
import { addEvent, emptyDay, vietnamDate } from '../analytics-day.js';
import { analyticsEventSchema, dayFiguresSchema, type AnalyticsEvent, type AnalyticsStore, type DayFigures } from '../analytics-store.js';
import { writeFileAtomic } from '../write-file-atomic.js';

// Analytics in DATA_DIR/analytics: the events of each Vietnam day as JSON lines
// (`events-YYYY-MM-DD.jsonl`, appended, owner-only), and the day's figures beside them
// (`day-YYYY-MM-DD.json`), rewritten after each batch. The figures note how many bytes of the
// day's events they hold: figures that lag behind their events (a crash between the two
// writes) are folded again from the events. A range reads one small file per day, so a year
// costs a few hundred small reads; retention deletes whole days.

export const ANALYTICS_DIR = 'analytics';
const EVENTS = /^events-(\d{4}-\d{2}-\d{2})\.jsonl$/;
const FIGURES = /^day-(\d{4}-\d{2}-\d{2})\.json$/;
/** Days whose figures are held in memory (today and yesterday, around midnight). */
const OPEN_DAYS = 3;

const figuresFileSchema = z.object({ version: z.literal(1), bytes: z.number().int().nonnegative(), figures: dayFiguresSchema });

interface OpenDay {
  figures: DayFigures;
  /** Bytes of the events file folded into `figures`. */
  bytes: number;
  /** The events file ends mid-line (a torn write): the next append starts a new line. */
  torn: boolean;
}

export class FileAnalyticsStore implements AnalyticsStore {
  private readonly open = new Map<string, OpenDay>();
  private chain: Promise<unknown> = Promise.resolve();

  private constructor(private readonly dir: string, private readonly logger: Logger) {}

  static async open(dataDir: string, logger: Logger): Promise<FileAnalyticsStore> {
    const dir = path.join(dataDir, ANALYTICS_DIR);
    await mkdir(dir, { recursive: true, mode: 0o700 });
    return new FileAnalyticsStore(dir, logger);
  }

  append(events: readonly AnalyticsEvent[]): Promise<void> {
    return this.serial(async () => {
      const byDay = new Map<string, AnalyticsEvent[]>();
      for (const e of events) {
        const date = vietnamDate(e.at);
        byDay.set(date, [...(byDay.get(date) ?? []), e]);
      }
      for (const [date, batch] of byDay) await this.appendDay(date, batch);
    });
  }

  days(from: string, to: string): Promise<DayFigures[]> {
    return this.serial(async () => {
      const dates = (await this.dates()).filter((d) => d >= from && d <= to);
      const days: DayFigures[] = [];
      for (const date of dates) {
        const day = this.open.get(date) ?? await this.load(date);
        if (day.bytes > 0) days.push(structuredClone(day.figures));
      }
      return days;
    });
  }

  prune(before: string): Promise<void> {
    return this.serial(async () => {
      for (const date of this.open.keys()) if (date < before) this.open.delete(date);
      for (const name of await readdir(this.dir)) {
        const date = EVENTS.exec(name)?.[1] ?? FIGURES.exec(name)?.[1];
        if (date && date < before) await unlink(path.join(this.dir, name)).catch(() => undefined);
      }
    });
  }

  async close(): Promise<void> {
    await this.chain;
  }

  private serial<T>(work: () => Promise<T>): Promise<T> {
    const run = this.chain.then(work);
    this.chain = run.catch(() => undefined);
    return run;
  }

  private async appendDay(date: string, events: AnalyticsEvent[]): Promise<void> {
    const day = this.open.get(date) ?? await this.load(date);
    const lines = `${day.torn ? '\n' : ''}${events.map((e) => JSON.stringify(e)).join('\n')}\n`;
    await appendFile(this.eventsFile(date), lines, { mode: 0o600 });
    for (const e of events) addEvent(day.figures, e);
    day.bytes += Buffer.byteLength(lines);
    day.torn = false;
    this.keepOpen(date, day);
    await this.saveFigures(date, day);
  }

  /** A day's figures from its file when they hold all its events, else folded again from the events. */
  private async load(date: string): Promise<OpenDay> {
    const size = await stat(this.eventsFile(date)).then((s) => s.size, () => 0);
    const kept = await this.readFigures(date);
    if (kept && kept.bytes === size) return { figures: kept.figures, bytes: kept.bytes, torn: false };
    const day = await this.fold(date);
    if (day.bytes > 0) await this.saveFigures(date, day);
    return day;
  }

  private async fold(date: string): Promise<OpenDay> {
    const text = await readFile(this.eventsFile(date), 'utf8').catch((err: NodeJS.ErrnoException) => {
      if (err.code === 'ENOENT') return '';
      throw err;
    });
    const figures = emptyDay(date);
    let skipped = 0;
    for (const line of text.split('\n')) {
      if (!line) continue;
      const parsed = parseEvent(line);
      if (parsed) addEvent(figures, parsed);
      else skipped++;
    }
    if (skipped) this.logger.warn({ date, skipped }, 'analytics: skipped unreadable event lines');
    return { figures, bytes: Buffer.byteLength(text), torn: text.length > 0 && !text.endsWith('\n') };
  }

  private async readFigures(date: string): Promise<z.infer<typeof figuresFileSchema> | null> {
    try {
      const parsed = figuresFileSchema.safeParse(JSON.parse(await readFile(this.figuresFile(date), 'utf8')));
      return parsed.success ? parsed.data : null;
    } catch {
      return null;
    }
  }

  private saveFigures(date: string, day: OpenDay): Promise<void> {
    return writeFileAtomic(this.figuresFile(date), JSON.stringify({ version: 1, bytes: day.bytes, figures: day.figures }), { mode: 0o600 });
  }

  /** Today's figures stay in memory; older days go back to their files. */
  private keepOpen(date: string, day: OpenDay): void {
    this.open.set(date, day);
    const dates = [...this.open.keys()].sort();
    for (const old of dates.slice(0, Math.max(0, dates.length - OPEN_DAYS))) this.open.delete(old);
  }

  private async dates(): Promise<string[]> {
    const names = await readdir(this.dir);
    const dates = new Set(names.map((n) => EVENTS.exec(n)?.[1]).filter((d): d is string => Boolean(d)));
    return [...dates].sort();
  }

  private eventsFile(date: string): string {
    return path.join(this.dir, `events-${date}.jsonl`);
  }

  private figuresFile(date: string): string {
    return path.join(this.dir, `day-${date}.json`);
  }
}

function parseEvent(line: string): AnalyticsEvent | null {
  try {
    const parsed = analyticsEventSchema.safeParse(JSON.parse(line));
    return parsed.success ? parsed.data : null;
  } catch {
    return null;
  }
}
