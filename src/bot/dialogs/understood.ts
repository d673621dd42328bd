import type { Intent } from '../../nlu/intents.js';
import type { ParseResult } from '../../nlu/recognizer.js';

/** A question as understood, for deciding which dialog (if any) it starts. */
export interface Understood {
  intent: Intent;
  /** The procedure asked about: the one named, or for a procedure question the one in play. */
  procedure: string | null;
  /** The NLU's reading of a typed question; null for a button. */
  parse: ParseResult | null;
}
