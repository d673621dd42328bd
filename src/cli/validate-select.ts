import type { KnowledgeBase } from '../knowledge/knowledge-base.js';
import { selectDataProblems, type SlotValues } from '../answers/select-problems.js';

// `dvc validate` for the situation data of the knowledge (the checks: src/answers/select-problems.ts,
// which staff edits go through too).

export type { SlotValues } from '../answers/select-problems.js';

export function selectProblems(kb: KnowledgeBase, slots: SlotValues): string[] {
  return selectDataProblems(kb, slots).map((p) => p.text);
}
