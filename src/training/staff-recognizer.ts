import { PROCEDURE_INTENTS, isIntent } from '../nlu/intents.js';
import { Recognizer, type ParseResult, type RecognizerParts } from '../nlu/recognizer.js';
import type { StaffMemory } from './staff-memory.js';

/** A question near-identical to a staff utterance takes its intent, whatever the model said. */
export const STAFF_MATCH = 0.8;
/** A question the model did not understand takes the intent of a similar staff utterance. */
export const STAFF_RESCUE = 0.55;
/** ...and so does a procedure question naming no procedure, when the staff utterance is closer. */
export const STAFF_RESCUE_OPEN = 0.65;

export interface StaffParseResult extends ParseResult {
  /** The staff FAQ intent that answers the question (`intent` keeps a contract intent). */
  faq?: { intent: string; confidence: number };
  /** The staff utterance that decided the answer. */
  staff?: { utterance: string; score: number };
}

export function isStaffParse(parse: ParseResult): parse is StaffParseResult {
  return 'faq' in parse || 'staff' in parse;
}

/**
 * The recognizer with the staff memory on top. `intent` stays one of the contract's: a staff
 * FAQ is reported in `faq`, so staff intents can never change what the evaluation sets see.
 * A dossier code always means dossier.status, so such questions skip the memory.
 */
export class StaffRecognizer extends Recognizer {
  constructor(parts: RecognizerParts, private readonly memory: StaffMemory) {
    super(parts);
  }

  override parse(text: string): StaffParseResult {
    const base = super.parse(text);
    // A flagged message (manipulation) is never rescued by a similar staff utterance.
    if (!this.memory.size || base.entities.dossierCode || base.flags) return base;
    const hit = this.memory.nearest(base.tokens);
    if (!hit || hit.score < threshold(base)) return base;
    const score = Math.round(hit.score * 1000) / 1000;
    const staff = { utterance: hit.id, score };
    if (!isIntent(hit.intent)) return { ...base, faq: { intent: hit.intent, confidence: score }, staff };
    const procedureIntent = PROCEDURE_INTENTS.has(hit.intent);
    return {
      ...base,
      intent: hit.intent,
      confidence: hit.intent === base.intent ? Math.max(base.confidence, score) : score,
      procedure: procedureIntent ? hit.procedure ?? base.procedure : null,
      ambiguous: procedureIntent && !hit.procedure ? base.ambiguous : null,
      staff,
    };
  }
}

/** How close a staff utterance must be to decide: closer when the model's own answer is usable. */
function threshold(base: ParseResult): number {
  if (base.intent === 'none') return STAFF_RESCUE;
  if (PROCEDURE_INTENTS.has(base.intent) && !base.procedure) return STAFF_RESCUE_OPEN;
  return STAFF_MATCH;
}
