import type { KnowledgeBase } from '../knowledge/knowledge-base.js';
import type { Procedure, ProcedureCase, ProcedureDocument } from '../knowledge/schema.js';
import { documentExplanation } from '../knowledge/document-explanation.js';
import type { Answer, Suggestion } from './compose.js';
import { formatFee } from './fee-lines.js';
import type { Replies } from './replies.js';

// What the step-by-step guide says: the cases, each document in turn, explanations, the
// final checklist. Pure: the guide dialog (src/bot/dialogs/guide-dialog.ts) keeps the state
// and decides what comes next.

/** Where a guide stands. Plain JSON: it is stored in the conversation state. */
export interface GuideState {
  procedure: string;
  /** The case that applies; null while the citizen has not chosen one. */
  caseId: string | null;
  /** The document asked about now, in the case's order. */
  index: number;
  have: number[];
  missing: number[];
  /** The guide this one was opened from, to get a document that guide needs. */
  parent: string | null;
}

/** What the guide's buttons say, as button values. */
export const GUIDE_ACTIONS = ['case', 'yes', 'no', 'explain', 'link'] as const;
export type GuideAction = (typeof GUIDE_ACTIONS)[number];

export function newGuide(procedure: string, parent: string | null = null): GuideState {
  return { procedure, caseId: null, index: 0, have: [], missing: [], parent };
}

/** Names the prompt a button belongs to, so an old button is not taken for the new question. */
export function stepKey(state: GuideState): string {
  return state.caseId === null ? `${state.procedure}/case` : `${state.procedure}/${state.caseId}/${state.index}`;
}

export class GuideComposer {
  constructor(private readonly knowledge: KnowledgeBase, private readonly replies: Replies) {}

  /** The first message: what the procedure is about, its steps, then the first question. */
  start(p: Procedure, state: GuideState, linkedFrom?: { procedure: Procedure; document: ProcedureDocument }): Answer {
    const r = this.replies;
    const head = linkedFrom
      ? [r.say('guideLinkedIntro', { document: linkedFrom.document.name, name: p.name, parent: linkedFrom.procedure.name })]
      : [r.say('guideIntro', { name: p.name }), r.say('guideSteps'), ...p.steps.map((s, i) => `${i + 1}. ${s}`)];
    return this.prompt(p, state, [...head, '', r.say('guideCheckIntro')]);
  }

  /** The current question (case or document), after some lines of text. */
  prompt(p: Procedure, state: GuideState, before: string[] = []): Answer {
    const c = caseOf(p, state);
    return c ? this.documentPrompt(p, state, c, before) : this.casePrompt(p, state, before);
  }

  /** What the document asked about now is, then the same question again. */
  explanation(p: Procedure, state: GuideState): Answer {
    const c = caseOf(p, state);
    const doc = c?.documents[state.index];
    if (!c || !doc) return this.prompt(p, state);
    const r = this.replies;
    const explain = documentExplanation(p, doc);
    const lines = [`${doc.name}: ${explain ?? r.say('guideNoExplanation')}`];
    const linked = doc.procedure ? this.knowledge.get(doc.procedure) : undefined;
    if (linked) lines.push(r.say('guideLinkNote', { name: linked.name }));
    return this.documentPrompt(p, state, c, [...lines, ''], { explained: true });
  }

  /** The end: what they have, what they lack, the fee, the time, the place, the online link. */
  checklist(p: Procedure, state: GuideState): Answer {
    const r = this.replies;
    const c = caseOf(p, state) ?? p.cases[0]!;
    const docs = (indexes: number[]) => indexes.map((i) => c.documents[i]).filter((d): d is ProcedureDocument => d !== undefined);
    const have = docs(state.have);
    const lacking = docs(state.missing);
    const required = lacking.filter((d) => !d.optional);
    const optional = lacking.filter((d) => d.optional);
    const lines = [r.say('guideChecklistIntro', { name: p.name }), r.say('guideCaseChosen', { case: c.name }), ''];
    if (have.length) lines.push(r.say('guideHaveList'), ...have.map((d) => `- ${d.name}`));
    if (required.length) lines.push(r.say('guideMissingList'), ...required.map((d) => `- ${d.name}${d.form ? ` (${d.form})` : ''}`));
    else lines.push(r.say('guideNothingMissing'));
    if (optional.length) lines.push(r.say('guideOptionalMissingList'), ...optional.map((d) => `- ${d.name}`));
    lines.push('', r.say('guideFee'), ...c.fees.map((f) => `- ${formatFee(f, r)}`));
    lines.push(r.say('guideDuration', { duration: c.duration }));
    lines.push(r.say('guidePlace'), ...p.submitAt.map((s) => `- ${s}`));
    lines.push(p.online.url && p.online.availability !== 'none' ? r.say('guideOnline', { url: p.online.url }) : r.say('guideOnlineNone'));
    // A way into the procedure that produces each missing paper, once each.
    const links = [...new Set(lacking.map((d) => d.procedure).filter((id): id is string => Boolean(id)))]
      .map((id) => this.knowledge.get(id)).filter((x): x is Procedure => x !== undefined);
    const suggestions: Suggestion[] = [
      ...links.map((l) => ({ title: r.say('buttonGuideTo', { name: l.name }), value: { intent: 'procedure.steps' as const, procedure: l.id } })),
      { title: r.say('buttonReset'), value: { action: 'reset' } },
    ];
    return { text: lines.join('\n'), suggestions, intent: 'procedure.steps', procedure: p.id, caseId: caseAnswered(p, c) };
  }

  /** A note under another answer while the guide waits. */
  pausedNote(p: Procedure): string {
    return this.replies.say('guidePaused', { name: p.name });
  }

  private casePrompt(p: Procedure, state: GuideState, before: string[]): Answer {
    const r = this.replies;
    const lines = [...before, r.say('guideAskCase'), ...p.cases.map((c, i) => `${i + 1}. ${c.name}${c.when ? ` — ${c.when}` : ''}`)];
    const step = stepKey(state);
    const suggestions = p.cases.map((c) => ({ title: c.name, value: { action: 'case', arg: c.id, step } }));
    return { text: lines.join('\n'), suggestions: [...suggestions, this.resetButton()], intent: 'procedure.steps', procedure: p.id };
  }

  private documentPrompt(p: Procedure, state: GuideState, c: ProcedureCase, before: string[], options: { explained?: boolean } = {}): Answer {
    const r = this.replies;
    const doc = c.documents[state.index];
    if (!doc) return this.checklist(p, state);
    const lines = [...before, r.say('guideDocumentCount', { n: state.index + 1, total: c.documents.length }), r.say('guideAskDocument', { document: doc.name })];
    if (doc.form) lines.push(r.say('guideDocumentForm', { form: doc.form }));
    if (doc.optional) lines.push(r.say('guideOptionalNote'));
    const step = stepKey(state);
    const suggestions: Suggestion[] = [
      { title: r.say('buttonYes'), value: { action: 'yes', step } },
      { title: r.say('buttonNo'), value: { action: 'no', step } },
    ];
    if (!options.explained) suggestions.push({ title: r.say('buttonExplain'), value: { action: 'explain', step } });
    if (this.canLink(doc, state)) suggestions.push({ title: r.say('buttonLink'), value: { action: 'link', step } });
    suggestions.push(this.resetButton());
    return { text: lines.join('\n'), suggestions, intent: 'procedure.steps', procedure: p.id, caseId: caseAnswered(p, c) };
  }

  /** A document made by another procedure; one level deep only, so guides never loop. */
  canLink(doc: ProcedureDocument, state: GuideState): boolean {
    return Boolean(state.parent === null && doc.procedure && doc.procedure !== state.procedure && this.knowledge.has(doc.procedure));
  }

  /** "Noted: you have it / you still need it", before the next question. */
  noted(doc: ProcedureDocument, had: boolean): string {
    return this.replies.say(had ? 'guideNotedHave' : 'guideNotedMissing', { document: doc.name });
  }

  /** What to do at this step, before its question again, after a reply that chose nothing. */
  again(state: GuideState): string {
    return this.replies.say(state.caseId === null ? 'guideAgainCase' : 'guideAgainDocument');
  }

  /** "Back to the guide of …", before its question again. */
  backTo(p: Procedure): string {
    return this.replies.say('guideBackTo', { name: p.name });
  }

  private resetButton(): Suggestion {
    return { title: this.replies.say('buttonReset'), value: { action: 'reset' } };
  }
}

export function caseOf(p: Procedure, state: GuideState): ProcedureCase | undefined {
  return state.caseId === null ? undefined : p.cases.find((c) => c.id === state.caseId);
}

/** The case a guide's answer is about, for channelData: none for a procedure of one case. */
function caseAnswered(p: Procedure, c: ProcedureCase): string | null {
  return p.cases.length > 1 ? c.id : null;
}
