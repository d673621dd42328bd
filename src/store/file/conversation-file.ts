import { z } from 'zod';
import type { Logger } from '../../log/logger.js';
import type { JsonActivity } from '../activity-log.js';
import { sequenceOf } from '../activity-watchers.js';
import { moveAside, readJsonFile } from './read-json-file.js';
import { readTextIfAny } from './read-text.js';

// The file of one Direct Line conversation, `<id>.jsonl`: JSON lines, appended to as the
// conversation goes on. The first line is the header; then one line per activity logged
// (`{"a": activity}`). The file is rewritten (header and kept activities only) when it holds
// much more than is kept, and after a redaction, so that the replaced text leaves the disk. A process killed in the middle of an append leaves a torn last line, which was never
// acknowledged: it is left out on reading and the next write rewrites the file.
// Version 1 was one JSON document, `<id>.json`, rewritten whole on every turn; it is still
// read, and replaced by the new file at the next write.

const accountSchema = z.object({ id: z.string(), name: z.string().optional(), role: z.string().optional() });
export const headerSchema = z.object({
  version: z.literal(2),
  id: z.string(),
  createdAt: z.string(),
  user: accountSchema,
  /** Sequence number of the next activity when the file was written (later lines may go past it). */
  nextSeq: z.number().int().nonnegative(),
});
export type ConversationHeader = z.infer<typeof headerSchema>;
const lineSchema = z.object({ a: z.object({ id: z.string(), type: z.string() }).passthrough() });
const legacySchema = headerSchema.extend({ version: z.literal(1), activities: z.array(z.object({ id: z.string(), type: z.string() }).passthrough()) });

export interface ConversationContents {
  header: ConversationHeader;
  /** Every activity in the file, oldest first (the caller trims to its limits). */
  activities: JsonActivity[];
  nextSeq: number;
  /** Bytes of the file as read. */
  fileBytes: number;
  /** The file must be rewritten before anything is appended (a torn last line, or the old format). */
  rewrite: boolean;
  /** The old format's file, to remove once the new one is written. */
  legacyFile?: string;
}

export const activityLine = (json: string): string => `{"a":${json}}\n`;
export const fileText = (header: ConversationHeader, activities: readonly JsonActivity[]): string =>
  `${JSON.stringify(header)}\n${activities.map((a) => activityLine(JSON.stringify(a))).join('')}`;

/** The conversation's file read back; undefined when there is none (a corrupt one is moved aside and logged). */
export async function readConversationFile(file: string, legacyFile: string, logger: Logger): Promise<ConversationContents | undefined> {
  const text = await readTextIfAny(file);
  if (text === null) {
    const legacy = await readJsonFile(legacyFile, legacySchema, logger);
    if (!legacy) return undefined;
    const { activities, ...rest } = legacy;
    return { header: { ...rest, version: 2 }, activities: activities as JsonActivity[], nextSeq: legacy.nextSeq, fileBytes: 0, rewrite: true, legacyFile };
  }
  const lines = text.split('\n');
  const torn = lines.pop() !== '';
  let problem = '';
  const header = headerSchema.safeParse(parse(lines[0] ?? ''));
  if (!header.success) problem = 'line 1 is not a conversation header';
  const activities: JsonActivity[] = [];
  let nextSeq = header.success ? header.data.nextSeq : 0;
  for (const [i, raw] of lines.entries()) {
    if (i === 0 || problem) continue;
    const line = lineSchema.safeParse(parse(raw));
    if (!line.success) {
      problem = `line ${i + 1} is not an activity`;
    } else {
      const activity = line.data.a as JsonActivity;
      activities.push(activity);
      nextSeq = Math.max(nextSeq, sequenceOf(activity) + 1);
    }
  }
  if (problem || !header.success) {
    await moveAside(file, problem, logger);
    return undefined;
  }
  return { header: header.data, activities, nextSeq, fileBytes: Buffer.byteLength(text), rewrite: torn };
}

function parse(line: string): unknown {
  try {
    return JSON.parse(line);
  } catch {
    return undefined;
  }
}
