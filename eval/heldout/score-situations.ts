import { readFileSync } from 'node:fs';
import path from 'node:path';
import { parse } from 'yaml';
import { DirectLineConversation, withDirectLineApp } from '../../src/cli/situations/play.js';
import { asksCase, countWords, type BotReply } from '../../src/cli/situations/scenarios.js';
import { foldText } from '../../src/text/fold.js';

// Scores eval/heldout/situations.yaml as its README says: each scenario's turns in one Direct
// Line conversation of a fresh app; the answer to the last turn (all its messages) checked for
// intent, procedure, the case (or asking which), words it must and must not mention, length.
// Usage: npx tsx eval/heldout/score-situations.ts [--verbose]

interface Scenario {
  id: string;
  turns: string[];
  expect: {
    procedure?: string | null; intent?: string | string[]; case?: string; ask?: boolean;
    mustMention?: string[]; mustNotMention?: string[]; maxWords?: number; legalOnRequest?: boolean;
  };
}

/** Compared without case, diacritics or thousand separators. */
const fold = (text: string) => foldText(text).replace(/(\d)[.,](?=\d{3}\b)/g, '$1');

function problemsOf(s: Scenario, replies: BotReply[]): string[] {
  const last = replies.at(-1);
  if (!last) return ['no answer'];
  const e = s.expect;
  const data = last.channelData ?? {};
  const text = replies.map((r) => r.text ?? '').join('\n');
  const folded = fold(text);
  const problems: string[] = [];
  const intents = e.intent === undefined ? [] : [e.intent].flat();
  if (intents.length && !intents.includes(String(data.intent))) problems.push(`intent ${String(data.intent)}, expected ${intents.join('|')}`);
  if (e.procedure !== undefined && (data.procedure ?? null) !== e.procedure) problems.push(`procedure ${String(data.procedure)}, expected ${String(e.procedure)}`);
  if (e.ask) {
    if (!replies.some(asksCase)) problems.push('does not ask which case applies');
  } else if (e.case !== undefined && data.case !== e.case) {
    problems.push(`case ${String(data.case)}, expected ${e.case}`);
  }
  for (const m of e.mustMention ?? []) if (!m.split('|').some((alt) => folded.includes(fold(alt)))) problems.push(`lacks "${m}"`);
  for (const m of e.mustNotMention ?? []) if (m.split('|').some((alt) => folded.includes(fold(alt)))) problems.push(`has "${m}"`);
  const words = countWords(text);
  if (e.maxWords !== undefined && words > e.maxWords) problems.push(`${words} words > ${e.maxWords}`);
  return problems;
}

const verbose = process.argv.includes('--verbose');
const file = path.join(path.dirname(new URL(import.meta.url).pathname), 'situations.yaml');
const scenarios = (parse(readFileSync(file, 'utf8')) as { scenarios: Scenario[] }).scenarios;
await withDirectLineApp({}, async (base) => {
  let passed = 0;
  const kinds = new Map<string, [number, number]>();
  for (const s of scenarios) {
    const dl = await DirectLineConversation.start(base);
    let replies: BotReply[] = [];
    for (const t of s.turns) replies = await dl.send({ text: t });
    const problems = problemsOf(s, replies);
    const kind = s.expect.legalOnRequest ? 'legal' : s.expect.ask ? 'ask' : 'case';
    const k = kinds.get(kind) ?? [0, 0];
    kinds.set(kind, [k[0] + (problems.length ? 0 : 1), k[1] + 1]);
    if (!problems.length) passed += 1;
    else console.log(`✗ ${s.id}: ${problems.join('; ')}`);
    if (verbose) console.log(`  ${replies.map((r) => r.text ?? '').join(' ⏎ ').slice(0, 400)}`);
  }
  console.log(`passed ${passed}/${scenarios.length} (${(100 * passed / scenarios.length).toFixed(1)}%)`);
  for (const [kind, [p, n]] of kinds) console.log(`  ${kind}: ${p}/${n}`);
});
