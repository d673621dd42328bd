import { createHash } from 'node:crypto';
import { AppError } from '../errors.js';
import type { KnowledgeBase } from '../knowledge/knowledge-base.js';
import { INTENTS, PROCEDURE_INTENTS, isIntent } from '../nlu/intents.js';
import type { TrainingExample } from '../nlu/training-data.js';
import { foldText } from '../text/fold.js';
import type { TrainingSetJson } from './model-codec.js';
import { FAQ_INTENT, type FaqIntent, type StaffAlias, type TrainingEdits } from '../store/training-edit-store.js';

// The training data as staff see it: the utterances of intents/ files (minus those staff
// removed) merged with the staff store. Also the rules that keep it sound: every write
// goes through `checkUtterance`, so no utterance is under two intents, no intent is unknown
// and no procedure id is made up.

export const MAX_UTTERANCE_LENGTH = 300;

export interface Utterance {
  id: string;
  text: string;
  /** A contract intent, or a staff `faq.<slug>`. */
  intent: string;
  procedure: string | null;
  /** `file` (intents/…yaml) or `staff` (added or labelled here). */
  origin: 'file' | 'staff';
  /** The file it comes from, for file utterances. */
  file?: string;
}

/** A stable id for an utterance of an intents/ file: the same text, intent and procedure give the same id. */
export function fileUtteranceId(intent: string, procedure: string | null, text: string): string {
  return `f-${createHash('sha256').update(`${intent}\n${procedure ?? ''}\n${text}`).digest('hex').slice(0, 12)}`;
}

/** The key under which two utterances count as the same question. */
export function utteranceKey(text: string): string {
  return foldText(text).replace(/[^\p{L}\p{N}]+/gu, ' ').trim();
}

export class TrainingSet {
  readonly utterances: Utterance[];
  private readonly byKey = new Map<string, Utterance>();

  constructor(fileExamples: ReadonlyArray<TrainingExample>, readonly store: TrainingEdits, readonly knowledge: KnowledgeBase) {
    const removed = new Set(store.removed.map((r) => r.id));
    const fromFiles: Utterance[] = fileExamples.map((ex) => ({
      id: fileUtteranceId(ex.intent, ex.procedure, ex.text), text: ex.text, intent: ex.intent, procedure: ex.procedure, origin: 'file', file: ex.source,
    }));
    this.utterances = [
      ...fromFiles.filter((u) => !removed.has(u.id)),
      ...store.utterances.map((u): Utterance => ({ id: u.id, text: u.text, intent: u.intent, procedure: u.procedure, origin: 'staff' })),
    ];
    for (const u of this.utterances) if (!this.byKey.has(utteranceKey(u.text))) this.byKey.set(utteranceKey(u.text), u);
  }

  get faqs(): ReadonlyArray<FaqIntent> {
    return this.store.faqs;
  }

  get aliases(): ReadonlyArray<StaffAlias> {
    return this.store.aliases;
  }

  find(id: string): Utterance | undefined {
    return this.utterances.find((u) => u.id === id);
  }

  /** The utterance already holding this question, if any. */
  holderOf(text: string): Utterance | undefined {
    return this.byKey.get(utteranceKey(text));
  }

  faq(intent: string): FaqIntent | undefined {
    return this.store.faqs.find((f) => f.intent === intent);
  }

  count(intent: string): number {
    return this.utterances.filter((u) => u.intent === intent).length;
  }

  /** What a model trained on this data learns from (saved with the model). */
  toJSON(): TrainingSetJson {
    return {
      utterances: this.utterances.map(({ id, text, intent, procedure, origin }) => ({ id, text, intent, procedure, origin })),
      aliases: this.store.aliases.map(({ procedure, text }) => ({ procedure, text })),
    };
  }

  intentNames(): string[] {
    return [...INTENTS, ...this.store.faqs.map((f) => f.intent)];
  }
}

export interface UtteranceInput {
  text: unknown;
  intent: unknown;
  procedure: unknown;
}

/**
 * Checks an utterance before it becomes training data and answers it cleaned up; every
 * refusal is a 400 whose message says what to change. `replacing`: the id of the utterance
 * being edited, which may keep its own text.
 */
export function checkUtterance(set: TrainingSet, input: UtteranceInput, replacing?: string): { text: string; intent: string; procedure: string | null } {
  if (typeof input.text !== 'string' || !input.text.trim()) {
    throw new AppError('VALIDATION_FAILED', 'The utterance is empty: send "text" with the question as citizens type it.');
  }
  const text = input.text.normalize('NFC').replace(/\s+/g, ' ').trim();
  if (text.length > MAX_UTTERANCE_LENGTH) {
    throw new AppError('VALIDATION_FAILED', `The utterance is longer than ${MAX_UTTERANCE_LENGTH} characters: shorten it to the question itself.`);
  }
  const intent = checkIntent(set, input.intent);
  const procedure = checkProcedure(set, intent, input.procedure);
  const holder = set.holderOf(text);
  if (holder && holder.id !== replacing && holder.intent !== intent) {
    const where = holder.origin === 'file' ? `in ${holder.file ?? 'the intents files'}` : 'by staff';
    throw new AppError('UTTERANCE_CONFLICT',
      `"${text}" is already an utterance of ${holder.intent} (${where}). One question cannot train two intents: ` +
      `label it ${holder.intent}, or first delete or move utterance ${holder.id}.`,
      { details: { utterance: holder.id, intent: holder.intent } });
  }
  return { text, intent, procedure };
}

export function checkIntent(set: TrainingSet, value: unknown): string {
  if (value === undefined || value === null || (typeof value === 'string' && !value.trim())) {
    throw new AppError('VALIDATION_FAILED', `"intent" is empty: choose one of ${set.intentNames().join(', ')}.`);
  }
  if (typeof value !== 'string') throw new AppError('VALIDATION_FAILED', '"intent" must be a string such as "procedure.fee".');
  const intent = value.trim();
  if (isIntent(intent) || set.faq(intent)) return intent;
  if (FAQ_INTENT.test(intent)) {
    throw new AppError('UNKNOWN_INTENT', `There is no staff intent "${intent}": create it first (POST /api/admin/intents with its answer), then add utterances.`);
  }
  throw new AppError('UNKNOWN_INTENT',
    `Unknown intent "${intent}": use one of ${set.intentNames().join(', ')}, or create a staff intent named faq.<slug>.`);
}

function checkProcedure(set: TrainingSet, intent: string, value: unknown): string | null {
  if (value === undefined || value === null || value === '') return null;
  if (typeof value !== 'string') throw new AppError('VALIDATION_FAILED', '"procedure" must be a procedure id or null.');
  const id = value.trim();
  if (!isIntent(intent) || !PROCEDURE_INTENTS.has(intent)) {
    throw new AppError('VALIDATION_FAILED', `Intent ${intent} is not about one procedure: send "procedure": null, or choose a procedure.* intent.`);
  }
  if (!set.knowledge.has(id)) {
    const near = nearIds(set.knowledge, id);
    throw new AppError('UNKNOWN_PROCEDURE',
      `Unknown procedure id "${id}": use an id from GET /api/admin/procedures${near.length ? ` (did you mean ${near.join(', ')}?)` : ''}.`);
  }
  return id;
}

/** Procedure ids sharing the most words with `id`, for the error message. */
function nearIds(knowledge: KnowledgeBase, id: string): string[] {
  const words = new Set(id.split(/[-\s]+/).filter(Boolean));
  return knowledge.procedures
    .map((p) => ({ id: p.id, hits: p.id.split('-').filter((w) => words.has(w)).length }))
    .filter((p) => p.hits > 0)
    .sort((a, b) => b.hits - a.hits)
    .slice(0, 3)
    .map((p) => p.id);
}
