import { readdirSync, statSync } from 'node:fs';
import path from 'node:path';
import { z } from 'zod';
import { readDataFile } from '../../data/read-data-file.js';
import { words } from '../../answers/answer-text.js';

// Conversations where citizens state their situation (test/conversations/situations/*.yaml):
// each turn says what the answer must be about (procedure, case or "ask"), which words it
// must and must not hold, and how many words it may take.

/** What an answer is, for its word budget and the figures. */
export const ANSWER_KINDS = ['fee', 'duration', 'location', 'documents', 'legal', 'info', 'guide', 'none', 'other'] as const;
export type AnswerKind = (typeof ANSWER_KINDS)[number];

/** About 80–90 words for a fee or a time, 100 for a place; documents a short list. */
export const WORD_BUDGETS: Partial<Record<AnswerKind, number>> = { fee: 90, duration: 90, location: 100, documents: 110 };

const turnSchema = z.object({
  say: z.string().min(1).optional(),
  /** Presses the button with this title on the last answer. */
  press: z.string().min(1).optional(),
  kind: z.enum(ANSWER_KINDS),
  intent: z.string().optional(),
  procedure: z.string().nullable().optional(),
  /** The case answered (channelData.case), or `ask`: buttons that choose the case. */
  case: z.string().min(1).optional(),
  has: z.array(z.string().min(1)).default([]),
  lacks: z.array(z.string().min(1)).default([]),
  maxWords: z.number().int().positive().optional(),
}).strict().refine((t) => Boolean(t.say) !== Boolean(t.press), 'a turn has either `say` or `press`');

export const situationFileSchema = z.object({
  version: z.literal(1),
  set: z.enum(['dev', 'holdout']),
  conversations: z.array(z.object({
    name: z.string().min(1),
    turns: z.array(turnSchema).min(1),
  }).strict()).min(1),
}).strict();

export type SituationFile = z.infer<typeof situationFileSchema>;
export type SituationTurn = SituationFile['conversations'][number]['turns'][number];
export interface SituationConversation { name: string; set: SituationFile['set']; file: string; turns: SituationTurn[] }

/** The conversations of the files (or of every *.yaml in the folders) given. */
export function loadSituations(paths: string[]): SituationConversation[] {
  const files = paths.flatMap((p) => (statSync(p).isDirectory()
    ? readdirSync(p).filter((f) => f.endsWith('.yaml')).sort().map((f) => path.join(p, f))
    : [p]));
  return files.flatMap((file) => {
    const data = readDataFile(file, situationFileSchema);
    return data.conversations.map((c) => ({ ...c, set: data.set, file: path.basename(file) }));
  });
}

/** A bot message as Direct Line delivers it. */
export interface BotReply {
  text?: string;
  channelData?: { intent?: unknown; procedure?: unknown; case?: unknown };
  suggestedActions?: { actions: Array<{ title: string; text?: string; value?: unknown }> };
}

/** Words as a reader counts them: Markdown marks are not words, a link is one. */
export function countWords(text: string): number {
  return words([text]);
}

/** The answer offers the citizen's case to choose: buttons that name a case. */
export function asksCase(reply: BotReply): boolean {
  return (reply.suggestedActions?.actions ?? []).some((a) => {
    const v = a.value as { caseId?: unknown; action?: unknown } | undefined;
    return typeof v?.caseId === 'string' || v?.action === 'case';
  });
}

/** What is wrong with the answer to one turn (empty when it fits). */
export function turnProblems(turn: SituationTurn, reply: BotReply | undefined): string[] {
  if (!reply) return ['no answer'];
  const problems: string[] = [];
  const data = reply.channelData ?? {};
  const text = reply.text ?? '';
  if (turn.intent !== undefined && data.intent !== turn.intent) problems.push(`intent ${String(data.intent)}, expected ${turn.intent}`);
  if (turn.procedure !== undefined && (data.procedure ?? null) !== turn.procedure) problems.push(`procedure ${String(data.procedure)}, expected ${String(turn.procedure)}`);
  if (turn.case === 'ask') {
    if (!asksCase(reply)) problems.push('does not ask which case applies');
  } else if (turn.case !== undefined && data.case !== turn.case) {
    problems.push(`case ${String(data.case)}, expected ${turn.case}`);
  }
  for (const w of turn.has) if (!text.includes(w)) problems.push(`lacks "${w}"`);
  for (const w of turn.lacks) if (text.includes(w)) problems.push(`has "${w}"`);
  const budget = turn.maxWords ?? WORD_BUDGETS[turn.kind];
  const words = countWords(text);
  if (budget !== undefined && words > budget) problems.push(`${words} words, budget ${budget}`);
  return problems;
}
