import type { EvaluationReport } from './evaluation.js';

// The rule that keeps a clearly worse model from going live: a retrained model whose
// cross-validated intent accuracy, or procedure accuracy, is more than WORSE_BY (2
// percentage points) under the serving model's is not promoted until staff confirm it.
// Smaller moves are noise: adding a few utterances reshuffles the folds.

export const WORSE_BY = 0.02;
/** Rounding slack, so that a drop of exactly WORSE_BY is not "more than" it. */
const EPSILON = 1e-9;

export interface Comparison {
  intentAccuracy: { now: number; before: number; delta: number };
  procedureAccuracy: { now: number | null; before: number | null; delta: number | null };
  /** Intents whose F1 changed, largest change first. */
  perIntent: Array<{ intent: string; f1: number | null; before: number | null; delta: number | null }>;
  worse: boolean;
  /** Why it is worse, when it is. */
  reasons: string[];
}

export function compareEvaluations(now: EvaluationReport, before: EvaluationReport): Comparison {
  const intentDelta = now.intentAccuracy - before.intentAccuracy;
  const procedureDelta = now.procedureAccuracy !== null && before.procedureAccuracy !== null
    ? now.procedureAccuracy - before.procedureAccuracy
    : null;
  const reasons: string[] = [];
  if (intentDelta < -WORSE_BY - EPSILON) reasons.push(`intent accuracy fell by ${points(intentDelta)} points (more than ${points(WORSE_BY)})`);
  if (procedureDelta !== null && procedureDelta < -WORSE_BY - EPSILON) reasons.push(`procedure accuracy fell by ${points(procedureDelta)} points (more than ${points(WORSE_BY)})`);
  const intents = [...new Set([...now.labels, ...before.labels])];
  const perIntent = intents.map((intent) => {
    const f1 = now.perIntent[intent]?.f1 ?? null;
    const was = before.perIntent[intent]?.f1 ?? null;
    return { intent, f1, before: was, delta: f1 !== null && was !== null ? f1 - was : null };
  }).sort((a, b) => Math.abs(b.delta ?? 0) - Math.abs(a.delta ?? 0));
  return {
    intentAccuracy: { now: now.intentAccuracy, before: before.intentAccuracy, delta: intentDelta },
    procedureAccuracy: { now: now.procedureAccuracy, before: before.procedureAccuracy, delta: procedureDelta },
    perIntent,
    worse: reasons.length > 0,
    reasons,
  };
}

function points(delta: number): string {
  return (Math.abs(delta) * 100).toFixed(1);
}
