// The citizen's situation: slot → value, as read from messages and kept in the conversation.
// Plain JSON (it is stored in conversation state and answered by /api/parse).

/** An age in years: exact, or bounds ("dưới 14" is at most 13). */
export type AgeValue = number | { min?: number; max?: number };

/** `age` and `elapsed` hold an AgeValue; every other slot a value name of intents/situation/vi.yaml. */
export type Situation = Record<string, string | AgeValue>;

export const AGE_SLOT = 'age';
/** Days since the event (a birth, a death): "mất được 3 ngày". Held like an age, as a number. */
export const ELAPSED_SLOT = 'elapsed';
/**
 * Slots said of one paper, not of the citizen: why it is needed (lost, expired…) and whether it
 * is the first time. A question about another paper does not inherit them.
 */
export const PAPER_SLOTS: readonly string[] = ['reason', 'time', 'item'];

/** Slots that hold a number (or bounds) rather than a value name. */
export const NUMBER_SLOTS: readonly string[] = [AGE_SLOT, ELAPSED_SLOT];

/** Ages are whole years from 0 to this. */
export const MAX_AGE = 150;

/** The bounds of an age value, inclusive. */
export function ageBounds(value: AgeValue): { min: number; max: number } {
  if (typeof value === 'number') return { min: value, max: value };
  return { min: value.min ?? 0, max: value.max ?? MAX_AGE };
}

/** Bounds back to a value: a number when exact, open ends left out. */
export function ageValue(min: number, max: number): AgeValue {
  const lo = Math.max(0, min);
  const hi = Math.min(MAX_AGE, max);
  if (lo === hi) return lo;
  return { ...(lo > 0 ? { min: lo } : {}), ...(hi < MAX_AGE ? { max: hi } : {}) };
}

export function isAgeValue(value: unknown): value is AgeValue {
  if (typeof value === 'number') return Number.isFinite(value);
  if (!value || typeof value !== 'object') return false;
  const v = value as Record<string, unknown>;
  return (v.min === undefined || typeof v.min === 'number') && (v.max === undefined || typeof v.max === 'number');
}

/** What a later message says replaces what an earlier one said, slot by slot. */
export function mergeSituation(earlier: Situation | undefined, later: Situation | undefined): Situation {
  return { ...(earlier ?? {}), ...(later ?? {}) };
}

export function isEmptySituation(situation: Situation | undefined): boolean {
  return !situation || Object.keys(situation).length === 0;
}

/** A stored situation as it should be: slots with a text value, and an age or elapsed days. Anything else is dropped. */
export function cleanSituation(value: unknown): Situation {
  if (!value || typeof value !== 'object' || Array.isArray(value)) return {};
  const out: Situation = {};
  for (const [slot, v] of Object.entries(value as Record<string, unknown>)) {
    if (NUMBER_SLOTS.includes(slot) ? isAgeValue(v) : typeof v === 'string') out[slot] = v as string | AgeValue;
  }
  return out;
}
