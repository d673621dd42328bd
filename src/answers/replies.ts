import { z } from 'zod';
import { readDataFile } from '../data/read-data-file.js';

// Reply templates (intents/responses/vi.yaml), keyed by id, with {placeholders}.

export const repliesFileSchema = z.object({
  version: z.literal(1),
  replies: z.record(z.string().regex(/^[a-zA-Z]+$/), z.string().min(1)),
}).strict();

export class Replies {
  constructor(private readonly templates: Readonly<Record<string, string>>) {}

  /** The template `id` with its placeholders filled; a missing template is a programming error. */
  say(id: string, values: Record<string, string | number> = {}): string {
    const template = this.templates[id];
    if (template === undefined) throw new Error(`no reply template "${id}"`);
    return template.replace(/\{(\w+)\}/g, (whole, key: string) => (key in values ? String(values[key]) : whole));
  }

  ids(): string[] {
    return Object.keys(this.templates);
  }
}

export function loadReplies(file: string): Replies {
  return new Replies(readDataFile(file, repliesFileSchema).replies);
}
