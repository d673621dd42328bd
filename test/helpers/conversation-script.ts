import { readFileSync, readdirSync } from 'node:fs';
import path from 'node:path';
import { parse as parseYaml } from 'yaml';
import { z } from 'zod';

// Conversations as data (test/conversations/*.yaml): what the citizen types or presses,
// and what the bot's answer must carry. Played through the real server over Direct Line.

const expectation = z.object({
  intent: z.string().optional(),
  /** The procedure in channelData; null when none may be in play. */
  procedure: z.string().nullable().optional(),
  /** Fragments the text must contain, as written (diacritics and case count). */
  text: z.array(z.string()).optional(),
  notText: z.array(z.string()).optional(),
  /** Titles of suggested actions that must be offered, and ones that must not. */
  buttons: z.array(z.string()).optional(),
  notButtons: z.array(z.string()).optional(),
}).strict();

const checks = {
  /** Checks the last message of the answer. */
  expect: expectation.optional(),
  /** Checks every message of the answer, in order (their number too). */
  replies: z.array(expectation).optional(),
};

const step = z.union([
  z.object({ say: z.string(), ...checks }).strict(),
  /** Presses the suggested action with this title on the bot's last message, as Web Chat does. */
  z.object({ press: z.string(), ...checks }).strict(),
  /** Stops the server and starts it again on the same DATA_DIR; the client re-attaches. */
  z.object({ restart: z.literal(true) }).strict(),
  /** A page reload: a new client on the same conversation and token reads the history again. */
  z.object({ reload: z.literal(true) }).strict(),
]);

export const scriptSchema = z.object({
  version: z.literal(1),
  name: z.string().min(1),
  steps: z.array(step).min(1),
}).strict();

export type ConversationScript = z.infer<typeof scriptSchema>;
export type Step = z.infer<typeof step>;
export type Expectation = z.infer<typeof expectation>;

export function loadScripts(dir: string): Array<{ file: string; script: ConversationScript }> {
  return readdirSync(dir).filter((f) => f.endsWith('.yaml')).sort().map((f) => {
    const file = path.join(dir, f);
    const parsed = scriptSchema.safeParse(parseYaml(readFileSync(file, 'utf8')));
    if (!parsed.success) throw new Error(`${file}: ${parsed.error.issues.map((i) => `${i.path.join('.')}: ${i.message}`).join('; ')}`);
    return { file: f, script: parsed.data };
  });
}

/** What went wrong with one bot message, as readable lines (empty when it matches). */
export function mismatches(activity: BotMessage | undefined, want: Expectation): string[] {
  if (!activity) return ['no message'];
  const problems: string[] = [];
  const data = activity.channelData ?? {};
  if (want.intent !== undefined && data.intent !== want.intent) problems.push(`intent ${String(data.intent)}, expected ${want.intent}`);
  if (want.procedure !== undefined && (data.procedure ?? null) !== want.procedure) {
    problems.push(`procedure ${String(data.procedure)}, expected ${String(want.procedure)}`);
  }
  const text = activity.text ?? '';
  for (const f of want.text ?? []) if (!text.includes(f)) problems.push(`text lacks "${f}"`);
  for (const f of want.notText ?? []) if (text.includes(f)) problems.push(`text has "${f}"`);
  const titles = (activity.suggestedActions?.actions ?? []).map((a) => a.title);
  for (const b of want.buttons ?? []) if (!titles.includes(b)) problems.push(`no button "${b}" among [${titles.join(', ')}]`);
  for (const b of want.notButtons ?? []) if (titles.includes(b)) problems.push(`button "${b}" should not be offered`);
  return problems;
}

export interface BotMessage {
  text?: string;
  channelData?: { intent?: unknown; procedure?: unknown };
  suggestedActions?: { actions: Array<{ title: string; text?: string; value?: unknown }> };
}
