import { z } from 'zod';
import { readDataFile } from '../data/read-data-file.js';
import type { Lexicon } from './vi/lexicon.js';
import { normalizeText } from './vi/normalize.js';

// Short replies and commands typed in a conversation ("có rồi", "chua co", "bắt đầu lại",
// "trường hợp 2"), from intents/commands/vi.yaml. A message is a command only when it is
// one as a whole: "có làm online được không" is a question, not "có".

export const COMMAND_NAMES = ['reset', 'resume', 'yes', 'no', 'explain', 'link'] as const;
export type CommandName = (typeof COMMAND_NAMES)[number];

const phrase = z.union([z.string(), z.number()]).transform(String).pipe(z.string().trim().min(1));

export const commandsFileSchema = z.object({
  version: z.literal(1),
  ignore: z.array(phrase).default([]),
  commands: z.object(Object.fromEntries(COMMAND_NAMES.map((n) => [n, z.array(phrase).min(1)])) as Record<CommandName, z.ZodArray<typeof phrase>>).strict(),
  choiceWords: z.array(phrase).default([]),
  questionWords: z.array(phrase).default([]),
  ordinals: z.array(z.array(phrase).min(1)).default([]),
}).strict();

export type CommandsFile = z.infer<typeof commandsFileSchema>;

/** A message reduced for matching: folded words, polite particles left out. */
export interface ShortText {
  words: string[];
  key: string;
}

/** An option to choose among: its id and the texts that describe it (name, when…). */
export interface ChoiceOption {
  id: string;
  texts: string[];
}

export class Commands {
  private readonly ignore: ReadonlySet<string>;
  private readonly byKey = new Map<string, CommandName>();
  private readonly choiceWords: ReadonlySet<string>;
  private readonly ordinals = new Map<string, number>();
  private readonly questionWords: ReadonlySet<string>;

  constructor(data: CommandsFile, private readonly lexicon: Lexicon) {
    this.ignore = new Set(data.ignore.flatMap((w) => this.fold(w)));
    for (const name of COMMAND_NAMES) {
      for (const p of data.commands[name]) {
        const key = this.read(p).key;
        const other = this.byKey.get(key);
        if (other && other !== name) throw new Error(`commands: "${p}" is under both ${other} and ${name}`);
        this.byKey.set(key, name);
      }
    }
    this.choiceWords = new Set(data.choiceWords.flatMap((w) => this.fold(w)));
    this.questionWords = new Set(data.questionWords.flatMap((w) => this.fold(w)));
    data.ordinals.forEach((words, i) => {
      for (const w of words) this.ordinals.set(this.fold(w).filter((x) => !this.choiceWords.has(x)).join(' '), i);
    });
  }

  read(text: string): ShortText {
    const all = this.fold(text);
    const kept = all.filter((w) => !this.ignore.has(w));
    // A message of polite words only ("dạ") keeps them.
    const words = kept.length ? kept : all;
    return { words, key: words.join(' ') };
  }

  /** The command the whole message is, or null. A message read once (`read`) is not read again. */
  command(text: string | ShortText): CommandName | null {
    return this.byKey.get(this.short(text).key) ?? null;
  }

  /**
   * A command said of something ("Giấy chứng sinh là gì?"): the command the message ends
   * with, and the words before it, for the dialog to check they name what it asked about.
   */
  commandAbout(text: string | ShortText): { command: CommandName; subject: string[] } | null {
    const { words } = this.short(text);
    for (let start = 1; start < words.length; start++) {
      const command = this.byKey.get(words.slice(start).join(' '));
      if (command) return { command, subject: words.slice(0, start) };
    }
    return null;
  }

  /** A question, not a reply: a question mark, or a question word ("gì", "bao nhiêu", "không"…). */
  isQuestion(text: string): boolean {
    return text.includes('?') || this.read(text).words.some((w) => this.questionWords.has(w));
  }

  /** True when every word of `subject` is a word of `text` (both read the same way). */
  names(subject: string[], text: string): boolean {
    const vocab = new Set(this.fold(text));
    return subject.length > 0 && subject.every((w) => vocab.has(w));
  }

  /**
   * Which option the message picks: by number ("2", "trường hợp thứ hai") or by the words
   * that tell the options apart ("quá hạn", "khác tỉnh"). Null when the message is anything
   * else, e.g. a question that happens to use one of those words.
   */
  choose(text: string | ShortText, options: ReadonlyArray<ChoiceOption>, ignoreTexts: ReadonlyArray<string> = []): string | null {
    const words = this.short(text).words.filter((w) => !this.choiceWords.has(w));
    const ordinal = this.ordinals.get(words.join(' '));
    if (ordinal !== undefined) return options[ordinal]?.id ?? null;
    if (!words.length) return null;
    const vocab = options.map((o) => new Set(o.texts.flatMap((t) => this.fold(t))));
    const inSome = (w: string) => vocab.some((v) => v.has(w));
    // A question word the options do not use makes it a question ("giấy phép lái xe cần gì").
    if (words.some((w) => this.questionWords.has(w) && !inSome(w))) return null;
    const ignored = new Set(ignoreTexts.flatMap((t) => this.fold(t)));
    const known = words.filter((w) => inSome(w) || ignored.has(w)).length;
    // Most of the message must be words of the options: otherwise it is something else.
    if (known / words.length < 0.6) return null;
    const everywhere = (w: string) => vocab.every((v) => v.has(w));
    const scores = vocab.map((v) => words.filter((w) => v.has(w) && !everywhere(w)).length);
    const best = Math.max(...scores);
    if (best < 1 || scores.filter((s) => s === best).length > 1) return null;
    return options[scores.indexOf(best)]?.id ?? null;
  }

  private short(text: string | ShortText): ShortText {
    return typeof text === 'string' ? this.read(text) : text;
  }

  private fold(text: string): string[] {
    const clean = text.replace(/[^\p{L}\p{N}\s]/gu, ' ');
    return normalizeText(clean, this.lexicon).folded.filter(Boolean);
  }
}

export function loadCommands(file: string, lexicon: Lexicon): Commands {
  return new Commands(readDataFile(file, commandsFileSchema), lexicon);
}
