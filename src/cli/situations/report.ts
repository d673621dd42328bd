import path from 'node:path';
import { PROJECT_ROOT, type Config } from '../../config.js';
import { playSituations, type ConversationResult } from './play.js';
import { ANSWER_KINDS, loadSituations, WORD_BUDGETS } from './scenarios.js';

// `dvc situations [--set dev|holdout|all] [FILE|DIR…]`: plays the conversations and prints
// the pass rate and the words per answer kind.

export const SITUATIONS_DIR = path.join(PROJECT_ROOT, 'test', 'conversations', 'situations');

export interface SituationFigures {
  conversations: number;
  passed: number;
  /** Per answer kind: how many answers, median and largest word count. */
  words: Record<string, { n: number; median: number; max: number }>;
}

export function figuresOf(results: ConversationResult[]): SituationFigures {
  const byKind = new Map<string, number[]>();
  for (const t of results.flatMap((r) => r.turns)) byKind.set(t.kind, [...(byKind.get(t.kind) ?? []), t.words]);
  const words: SituationFigures['words'] = {};
  for (const kind of ANSWER_KINDS) {
    const list = (byKind.get(kind) ?? []).sort((a, b) => a - b);
    if (list.length) words[kind] = { n: list.length, median: list[Math.floor((list.length - 1) / 2)] ?? 0, max: list.at(-1) ?? 0 };
  }
  return { conversations: results.length, passed: results.filter((r) => r.passed).length, words };
}

export function formatFigures(results: ConversationResult[], verbose: boolean, show = false): string[] {
  const lines: string[] = [];
  for (const set of ['dev', 'holdout'] as const) {
    const mine = results.filter((r) => r.set === set);
    if (!mine.length) continue;
    const f = figuresOf(mine);
    lines.push(`${set}: ${f.passed}/${f.conversations} conversations pass (${((100 * f.passed) / f.conversations).toFixed(1)}%)`);
    lines.push('  words per answer   n  median  max  budget');
    for (const [kind, w] of Object.entries(f.words)) {
      const budget = WORD_BUDGETS[kind as keyof typeof WORD_BUDGETS];
      lines.push(`  ${kind.padEnd(16)} ${String(w.n).padStart(3)} ${String(w.median).padStart(7)} ${String(w.max).padStart(4)}  ${budget ?? '-'}`);
    }
    for (const r of mine.filter((x) => verbose || !x.passed)) {
      lines.push(`  ${r.passed ? 'ok  ' : 'FAIL'} ${r.name}`);
      for (const t of r.turns) {
        if (verbose || t.problems.length) lines.push(`       "${t.say}" (${t.kind}, ${t.words} words)${t.problems.length ? `: ${t.problems.join('; ')}` : ''}`);
        if (show) lines.push(...t.text.split('\n').map((l) => `         | ${l}`));
      }
    }
  }
  return lines;
}

export async function runSituations(config: Config, args: string[]): Promise<number> {
  const setArg = args.find((a) => a.startsWith('--set='))?.slice(6) ?? 'dev';
  const show = args.includes('--show');
  const verbose = show || args.includes('--verbose');
  const paths = args.filter((a) => !a.startsWith('--'));
  const all = loadSituations(paths.length ? paths : [SITUATIONS_DIR]);
  const chosen = setArg === 'all' ? all : all.filter((c) => c.set === setArg);
  const results = await playSituations(chosen, { KNOWLEDGE_DIR: config.KNOWLEDGE_DIR, INTENTS_DIR: config.INTENTS_DIR });
  process.stdout.write(`${formatFigures(results, verbose, show).join('\n')}\n`);
  return 0;
}
