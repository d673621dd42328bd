// The intent names of the outside contract (shared/contract/README.md, section 2).
export const INTENTS = [
  'procedure.info',
  'procedure.documents',
  'procedure.fee',
  'procedure.duration',
  'procedure.location',
  'procedure.steps',
  'procedure.online',
  'procedure.list',
  'dossier.status',
  'handoff',
  'greeting',
  'thanks',
  'goodbye',
  'none',
] as const;

export type Intent = (typeof INTENTS)[number];

export function isIntent(value: unknown): value is Intent {
  return typeof value === 'string' && (INTENTS as readonly string[]).includes(value);
}

/** Intents that ask about one procedure and so need a procedure to answer. */
export const PROCEDURE_INTENTS: ReadonlySet<Intent> = new Set([
  'procedure.info',
  'procedure.documents',
  'procedure.fee',
  'procedure.duration',
  'procedure.location',
  'procedure.steps',
  'procedure.online',
]);
