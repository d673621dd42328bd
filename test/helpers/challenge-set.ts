import { readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import type { ParseResult } from '../../src/nlu/recognizer.js';
import { projectRecognizer } from './recognizer.js';

// A labelled question set of test/nlu (challenge-N.jsonl), parsed by the project's recognizer and
// scored the way the floor tests read it: intent (any of the gold ones) and procedure both right.

interface GoldLine {
  text: string;
  intent: string | string[];
  procedure: string | null;
  tags: string[];
}

interface ParsedLine {
  gold: GoldLine;
  parse: ParseResult;
}

const intentsOf = (g: GoldLine): string[] => (Array.isArray(g.intent) ? g.intent : [g.intent]);

export interface ChallengeSet {
  /** Share of the lines with this tag ('all': every line) whose intent and procedure are both right. */
  bothRight(tag: string): number;
  /** Share of the lines with this tag ('all': every line) whose procedure is right. */
  procedureRight(tag: string): number;
  /** Share of the in-scope lines parsed as `none`. */
  falseNone(): number;
}

/** Parses test/nlu/FILE once, on first use (call it inside beforeAll or a test). */
export function parseChallengeSet(file: string): ChallengeSet {
  const gold = readFileSync(path.join(path.dirname(fileURLToPath(import.meta.url)), '..', 'nlu', file), 'utf8')
    .split('\n')
    .filter((l) => l.trim())
    .map((l) => JSON.parse(l) as GoldLine);
  const { recognizer } = projectRecognizer();
  const parsed: ParsedLine[] = gold.map((g) => ({ gold: g, parse: recognizer.parse(g.text) }));
  return {
    bothRight(tag) {
      const lines = parsed.filter((l) => tag === 'all' || l.gold.tags.includes(tag));
      return lines.filter((l) => intentsOf(l.gold).includes(l.parse.intent) && l.parse.procedure === l.gold.procedure).length / lines.length;
    },
    procedureRight(tag) {
      const lines = parsed.filter((l) => tag === 'all' || l.gold.tags.includes(tag));
      return lines.filter((l) => l.parse.procedure === l.gold.procedure).length / lines.length;
    },
    falseNone() {
      const inScope = parsed.filter((l) => !intentsOf(l.gold).includes('none'));
      return inScope.filter((l) => l.parse.intent === 'none').length / inScope.length;
    },
  };
}
