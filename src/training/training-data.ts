import { randomUUID } from 'node:crypto';
import { AppError } from '../errors.js';
import type { KnowledgeBase } from '../knowledge/knowledge-base.js';
import { isIntent } from '../nlu/intents.js';
import type { TrainingExample } from '../nlu/training-data.js';
import { foldText } from '../text/fold.js';
import type { ChangeFeed } from '../store/change-feed.js';
import { FAQ_INTENT, type FaqIntent, type StaffAlias, type TrainingEdits, type TrainingEditStore } from '../store/training-edit-store.js';
import type { TrainingSetJson } from './model-codec.js';
import { TrainingSet, checkUtterance, utteranceKey, type Utterance, type UtteranceInput } from './training-set.js';

// Staff edits to the training data. Each change is checked against the data as it is when
// the change runs (changes are serialised), then kept (TrainingEditStore) before it is visible,
// and announced on the change feed, so that every process answers staff FAQs as edited.

export const MAX_ANSWER_LENGTH = 4000;

export class TrainingData {
  /** The edits last read, and the training set made from them. */
  private latest: { edits: TrainingEdits; set: TrainingSet };
  private changes: ChangeFeed | undefined;

  private constructor(
    private readonly store: TrainingEditStore,
    private readonly fileExamples: ReadonlyArray<TrainingExample>,
    readonly knowledge: KnowledgeBase,
    edits: TrainingEdits,
  ) {
    this.latest = { edits, set: new TrainingSet(fileExamples, edits, knowledge) };
  }

  static async open(store: TrainingEditStore, fileExamples: ReadonlyArray<TrainingExample>, knowledge: KnowledgeBase): Promise<TrainingData> {
    return new TrainingData(store, fileExamples, knowledge, await store.read());
  }

  /**
   * Reads the edits again whenever any process changed them; this process's own changes are
   * announced there from now on. Answers a function that stops following.
   */
  follow(changes: ChangeFeed): () => void {
    this.changes = changes;
    return changes.subscribe('training', () => {
      this.store.read().then((edits) => this.refresh(edits), () => undefined);
    });
  }

  /** The training data now: intents/ merged with the staff edits. */
  async set(): Promise<TrainingSet> {
    return this.refresh(await this.store.read());
  }

  /**
   * A staff FAQ intent and its answer, as last read (at start, and by every staff call and
   * change): a citizen's turn asks the store nothing and never rebuilds the set.
   */
  faq(intent: string): FaqIntent | undefined {
    return this.latest.edits.faqs.find((f) => f.intent === intent);
  }

  /** What a model trained now would learn from. */
  async trainingSet(): Promise<TrainingSetJson> {
    return (await this.set()).toJSON();
  }

  private refresh(edits: TrainingEdits): TrainingSet {
    if (edits !== this.latest.edits) this.latest = { edits, set: new TrainingSet(this.fileExamples, edits, this.knowledge) };
    return this.latest.set;
  }

  /** Runs a change on the edits, checked against the training set as it was before it. */
  private async change<R>(change: (draft: TrainingEdits, set: TrainingSet) => R): Promise<R> {
    try {
      const result = await this.store.update((draft) => change(draft, new TrainingSet(this.fileExamples, structuredClone(draft), this.knowledge)));
      await this.changes?.publish('training').catch(() => undefined);
      return result;
    } finally {
      this.refresh(await this.store.read());
    }
  }

  /**
   * Adds utterances (all or none). One already there under the same intent is kept as it is
   * (labelling twice is harmless); under another intent it is refused.
   */
  addUtterances(inputs: ReadonlyArray<UtteranceInput>, from?: string): Promise<Utterance[]> {
    return this.change((draft, set) => {
      const checked = inputs.map((input) => checkUtterance(set, input));
      const added: Utterance[] = [];
      const seen = new Set<string>();
      for (const u of checked) {
        const existing = set.holderOf(u.text);
        if (existing || seen.has(utteranceKey(u.text))) {
          if (existing) added.push(existing);
          continue;
        }
        seen.add(utteranceKey(u.text));
        const stored = { id: `s-${randomUUID().slice(0, 12)}`, ...u, at: new Date().toISOString(), ...(from ? { from } : {}) };
        draft.utterances.push(stored);
        added.push({ id: stored.id, text: u.text, intent: u.intent, procedure: u.procedure, origin: 'staff' });
      }
      return added;
    });
  }

  /** Edits an utterance; one from the intents files is replaced by a staff copy (files are never written). */
  editUtterance(id: string, patch: Partial<UtteranceInput>): Promise<Utterance> {
    return this.change((draft, set) => {
      const current = set.find(id);
      if (!current) throw new AppError('NOT_FOUND', `No utterance has id "${id}".`);
      const next = checkUtterance(set, {
        text: patch.text ?? current.text,
        intent: patch.intent ?? current.intent,
        procedure: patch.procedure === undefined ? current.procedure : patch.procedure,
      }, id);
      if (next.intent !== current.intent && set.count(current.intent) <= 1) throw lastUtterance(current.intent);
      const at = new Date().toISOString();
      if (current.origin === 'staff') {
        const stored = draft.utterances.find((u) => u.id === id);
        if (stored) Object.assign(stored, next, { at });
        return { ...current, ...next };
      }
      draft.removed.push({ id, text: current.text, intent: current.intent, at });
      const stored = { id: `s-${randomUUID().slice(0, 12)}`, ...next, at };
      draft.utterances.push(stored);
      return { id: stored.id, ...next, origin: 'staff' as const };
    });
  }

  removeUtterance(id: string): Promise<void> {
    return this.change((draft, set) => {
      const current = set.find(id);
      if (!current) throw new AppError('NOT_FOUND', `No utterance has id "${id}".`);
      if (set.count(current.intent) <= 1) throw lastUtterance(current.intent);
      if (current.origin === 'staff') draft.utterances = draft.utterances.filter((u) => u.id !== id);
      else draft.removed.push({ id, text: current.text, intent: current.intent, at: new Date().toISOString() });
    });
  }

  /** A staff FAQ intent with its answer and first utterances. */
  createFaq(input: { intent?: unknown; title: unknown; answer: unknown; utterances: unknown }): Promise<FaqIntent> {
    return this.change((draft, set) => {
      const title = requiredText(input.title, 'title', 'a short name such as "Giờ làm việc"', 120);
      const answer = requiredText(input.answer, 'answer', 'the answer the assistant gives', MAX_ANSWER_LENGTH);
      const intent = input.intent === undefined || input.intent === '' ? `faq.${slug(title)}` : String(input.intent).trim();
      if (!FAQ_INTENT.test(intent) || isIntent(intent)) {
        throw new AppError('VALIDATION_FAILED', `Staff intents are named faq.<slug> (lower case, digits and dashes, e.g. faq.gio-lam-viec); "${intent}" is not.`);
      }
      if (set.faq(intent)) throw new AppError('VALIDATION_FAILED', `Intent ${intent} already exists: add utterances to it, or choose another name.`);
      if (!Array.isArray(input.utterances) || !input.utterances.some((u) => typeof u === 'string' && u.trim())) {
        throw new AppError('EMPTY_INTENT', `Intent ${intent} needs at least one utterance: send "utterances": ["a question citizens ask"].`);
      }
      const at = new Date().toISOString();
      const faq: FaqIntent = { intent, title, answer, at, updatedAt: at };
      // Checked against the data with the new intent in it: any holder of a text is a conflict.
      const withFaq = new TrainingSet(this.fileExamples, { ...draft, faqs: [...draft.faqs, faq] }, set.knowledge);
      const seen = new Set<string>();
      for (const text of input.utterances) {
        const u = checkUtterance(withFaq, { text, intent, procedure: null });
        if (seen.has(utteranceKey(u.text))) continue;
        seen.add(utteranceKey(u.text));
        draft.utterances.push({ id: `s-${randomUUID().slice(0, 12)}`, ...u, at });
      }
      draft.faqs.push(faq);
      return faq;
    });
  }

  updateFaq(intent: string, patch: { title?: unknown; answer?: unknown }): Promise<FaqIntent> {
    return this.change((draft) => {
      const faq = draft.faqs.find((f) => f.intent === intent);
      if (!faq) throw new AppError('NOT_FOUND', noFaq(intent));
      if (patch.title !== undefined) faq.title = requiredText(patch.title, 'title', 'a short name', 120);
      if (patch.answer !== undefined) faq.answer = requiredText(patch.answer, 'answer', 'the answer the assistant gives', MAX_ANSWER_LENGTH);
      faq.updatedAt = new Date().toISOString();
      return faq;
    });
  }

  deleteFaq(intent: string): Promise<void> {
    return this.change((draft) => {
      if (!draft.faqs.some((f) => f.intent === intent)) throw new AppError('NOT_FOUND', noFaq(intent));
      draft.faqs = draft.faqs.filter((f) => f.intent !== intent);
      draft.utterances = draft.utterances.filter((u) => u.intent !== intent);
    });
  }

  /** Adds a name citizens use for a procedure; a name it already has is kept as it is (`duplicate`). */
  addAlias(procedure: unknown, text: unknown, from?: string): Promise<StaffAlias & { duplicate?: true }> {
    return this.change((draft, set) => {
      if (typeof procedure !== 'string' || !set.knowledge.has(procedure)) {
        throw new AppError('UNKNOWN_PROCEDURE', `Unknown procedure id "${String(procedure)}": use an id from GET /api/admin/procedures.`);
      }
      const alias = requiredText(text, 'text', 'the name citizens use for the procedure', 200);
      const key = foldText(alias);
      const same = (t: string): boolean => foldText(t) === key;
      for (const p of set.knowledge.procedures) {
        const staff = set.aliases.filter((a) => a.procedure === p.id);
        if (![p.name, ...p.aliases, ...staff.map((a) => a.text)].some(same)) continue;
        if (p.id !== procedure) {
          throw new AppError('UTTERANCE_CONFLICT', `"${alias}" is already a name of ${p.id}: one name cannot point to two procedures.`, { details: { procedure: p.id } });
        }
        const existing = staff.find((a) => same(a.text));
        return { ...(existing ?? { id: 'knowledge', procedure, text: alias, at: '' }), duplicate: true as const };
      }
      const stored: StaffAlias = { id: `a-${randomUUID().slice(0, 12)}`, procedure, text: alias, at: new Date().toISOString(), ...(from ? { from } : {}) };
      draft.aliases.push(stored);
      return stored;
    });
  }

  removeAlias(id: string): Promise<void> {
    return this.change((draft) => {
      if (!draft.aliases.some((a) => a.id === id)) throw new AppError('NOT_FOUND', `No staff alias has id "${id}".`);
      draft.aliases = draft.aliases.filter((a) => a.id !== id);
    });
  }

}

function requiredText(value: unknown, field: string, what: string, max: number): string {
  if (typeof value !== 'string' || !value.trim()) throw new AppError('VALIDATION_FAILED', `"${field}" is empty: write ${what}.`);
  const text = value.normalize('NFC').trim();
  if (text.length > max) throw new AppError('VALIDATION_FAILED', `"${field}" is longer than ${max} characters: shorten it.`);
  return text;
}

function lastUtterance(intent: string): AppError {
  return new AppError('EMPTY_INTENT', `This is the last utterance of ${intent}; an intent needs at least one. ` +
    (isIntent(intent) ? 'Add another utterance first.' : `Add another utterance first, or delete intent ${intent}.`));
}

function noFaq(intent: string): string {
  return `No staff intent "${intent}" (only faq.<slug> intents made by staff can be changed or deleted).`;
}

/** "Giờ làm việc" → "gio-lam-viec". */
export function slug(title: string): string {
  return foldText(title).replace(/[^a-z0-9]+/g, '-').replace(/^-+|-+$/g, '').slice(0, 60) || 'cau-hoi';
}
