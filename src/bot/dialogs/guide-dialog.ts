import { Dialog, type DialogContext, type DialogInstance, type DialogReason, type DialogTurnResult } from 'botbuilder-dialogs';
import type { TurnContext } from 'botbuilder';
import { caseOf, GuideComposer, GUIDE_ACTIONS, newGuide, stepKey, type GuideAction, type GuideState } from '../../answers/guide.js';
import type { Procedure } from '../../knowledge/schema.js';
import type { Answer } from '../../answers/compose.js';
import { AssistantDialog, isSilentEnd, type DialogServices, type DialogStart, type TurnInput } from './assistant-dialog.js';
import type { Understood } from './understood.js';
import { familyMember, selectCase } from '../../answers/select-case.js';

export const GUIDE_DIALOG = 'guide';

export interface GuideOptions {
  procedure: string;
  /** Set when this guide is opened for a document that the parent guide's procedure needs. */
  parent?: string;
}

/**
 * How the citizen answered the guide's question; 'stale' is a button of an older question;
 * 'again' a typed reply that neither answers nor asks anything ("có" to "which case?").
 */
export type GuideReply = { kind: Exclude<GuideAction, 'case'> } | { kind: 'case'; caseId: string } | { kind: 'stale' } | { kind: 'again' };

/** Tells the parent guide that its child guide reached the checklist. */
const GUIDE_DONE = 'guideDone';

/**
 * The step-by-step guide (procedure.steps): which case applies (buttons or typed), then each
 * document in turn — "Bạn đã có … chưa?" [Có rồi] [Chưa có] [Giấy này là gì?] and, when
 * another procedure produces the document, a way into that procedure's guide and back —
 * and at the end a checklist with the fee, the time, the place and the online link.
 */
export class GuideDialog extends AssistantDialog<GuideState, GuideReply, GuideOptions> {
  readonly onInterruption = 'keep';

  constructor(services: DialogServices, private readonly guides: GuideComposer) {
    super(GUIDE_DIALOG, services);
  }

  /** "Hướng dẫn tôi đăng ký khai sinh", or the steps button, for a known procedure. */
  static startFor(q: Understood): DialogStart | null {
    if (q.intent !== 'procedure.steps' || !q.procedure) return null;
    const options: GuideOptions = { procedure: q.procedure };
    return { id: GUIDE_DIALOG, options, mode: 'flow' };
  }

  override isAlive(state: GuideState): boolean {
    const p = this.services.knowledge.get(state.procedure);
    return Boolean(p && (state.caseId === null || caseOf(p, state)));
  }

  override isUnderway(state: GuideState, options: object): boolean {
    return (options as Partial<GuideOptions>).procedure === state.procedure;
  }

  override async beginDialog(dc: DialogContext, options?: GuideOptions): Promise<DialogTurnResult> {
    const p = options && this.services.knowledge.get(options.procedure);
    if (!p) return dc.endDialog();
    // An imported procedure whose catalogue lists no documents: nothing to check one by one.
    if (p.cases.every((c) => !c.documents.length)) {
      await this.send(dc.context, this.services.composer.aboutProcedure('procedure.steps', p));
      return dc.endDialog();
    }
    const state = newGuide(p.id, options.parent ?? null);
    // One case, or the one the citizen's situation selects ("cho bé 3 tuổi"): nothing to choose.
    const memory = await this.memoryOf(dc.context);
    state.caseId = selectCase(p, memory.situation ?? {}).chosen?.id ?? null;
    dc.activeDialog!.state = state;
    const parent = options.parent ? this.services.knowledge.get(options.parent) : undefined;
    const document = parent && this.findLinkingDocument(parent, p.id);
    await this.show(dc.context, state, this.guides.start(p, state, parent && document ? { procedure: parent, document } : undefined));
    return Dialog.EndOfTurn;
  }

  recognize(input: TurnInput, state: GuideState): GuideReply | null {
    const p = this.services.knowledge.get(state.procedure);
    if (!p) return null;
    if (input.action) {
      const action = input.action.action;
      if (!isGuideAction(action)) return null;
      if (input.action.step !== stepKey(state)) return { kind: 'stale' };
      if (action === 'case') return input.action.arg && p.cases.some((c) => c.id === input.action?.arg) ? { kind: 'case', caseId: input.action.arg } : { kind: 'stale' };
      return { kind: action };
    }
    const c = caseOf(p, state);
    if (!c) {
      const options = p.cases.map((x) => ({ id: x.id, texts: [x.name, x.when ?? '', x.id.replace(/-/g, ' ')] }));
      // "Có", "rồi", "chưa có" answer no question here: the case is asked again.
      if (input.command && input.command !== 'reset' && input.command !== 'resume') return { kind: 'again' };
      const stated = input.parse().entities.situation;
      // "Nếu bị mất thì sao?" while guiding cấp đổi: another procedure of the family, asked as a question.
      if (familyMember(this.services.knowledge, p, stated).id !== p.id) return null;
      const caseId = this.services.commands.choose(input.short, options, [p.name, ...p.aliases])
        // "cháu 12 tuổi": the situation picks the case.
        ?? selectCase(p, stated ?? {}).chosen?.id;
      if (caseId) return { kind: 'case', caseId };
      return this.isQuestion(input) ? null : { kind: 'again' };
    }
    const doc = c.documents[state.index];
    // "Giấy chứng sinh là gì?": the explanation, when the words name the document asked about.
    const about = input.command ? null : this.services.commands.commandAbout(input.short);
    const command = input.command ?? (about && doc && this.services.commands.names(about.subject, doc.name) ? about.command : null);
    switch (command) {
      case 'yes':
      case 'no':
      case 'explain':
        return { kind: command };
      case 'link':
        return doc && this.guides.canLink(doc, state) ? { kind: 'link' } : { kind: 'explain' };
      default:
        return this.isQuestion(input) ? null : { kind: 'again' };
    }
  }

  /** A question (about anything) interrupts the guide; a reply that is none asks the step again. */
  private isQuestion(input: TurnInput): boolean {
    if (input.command === 'reset' || input.command === 'resume') return true;
    if (input.command) return false;
    return this.services.commands.isQuestion(input.text) || input.parse().intent !== 'none';
  }

  override async continueDialog(dc: DialogContext): Promise<DialogTurnResult> {
    const state = this.stateOf(dc);
    const reply = this.replyOf(dc);
    const p = this.services.knowledge.get(state.procedure);
    // The knowledge base changed under a stored guide: end it rather than ask about nothing.
    if (!p || (state.caseId !== null && !caseOf(p, state))) return dc.endDialog();
    const doc = caseOf(p, state)?.documents[state.index];
    switch (reply?.kind) {
      case 'case': {
        state.caseId = reply.caseId;
        state.index = 0;
        await this.show(dc.context, state, this.guides.prompt(p, state));
        return Dialog.EndOfTurn;
      }
      case 'yes':
      case 'no': {
        if (!doc) break;
        (reply.kind === 'yes' ? state.have : state.missing).push(state.index);
        state.index += 1;
        return this.next(dc, p, state, [this.guides.noted(doc, reply.kind === 'yes'), '']);
      }
      case 'explain':
        await this.show(dc.context, state, this.guides.explanation(p, state));
        return Dialog.EndOfTurn;
      case 'link':
        if (!doc?.procedure) break;
        return dc.beginDialog(GUIDE_DIALOG, { procedure: doc.procedure, parent: p.id } satisfies GuideOptions);
      default:
        break;
    }
    const before = reply?.kind === 'again' ? [this.guides.again(state), ''] : [];
    await this.show(dc.context, state, this.guides.prompt(p, state, before));
    return Dialog.EndOfTurn;
  }

  override async resumeDialog(dc: DialogContext, reason: DialogReason, result?: unknown): Promise<DialogTurnResult> {
    if (isSilentEnd(result)) return Dialog.EndOfTurn;
    const state = this.stateOf(dc);
    const p = this.services.knowledge.get(state.procedure);
    if (!p) return dc.endDialog();
    const before = result === GUIDE_DONE ? [this.guides.backTo(p), ''] : [];
    await this.show(dc.context, state, this.guides.prompt(p, state, before));
    return Dialog.EndOfTurn;
  }

  override async repromptDialog(context: TurnContext, instance: DialogInstance): Promise<void> {
    const state = instance.state as GuideState;
    const p = this.services.knowledge.get(state.procedure);
    if (!p) return;
    await this.show(context, state, this.guides.prompt(p, state));
  }

  override procedureOf(state: GuideState): string | null {
    return state.procedure;
  }

  override pausedNote(state: GuideState): string | null {
    const p = this.services.knowledge.get(state.procedure);
    return p ? this.guides.pausedNote(p) : null;
  }

  /** Sends a guide message; the guide's procedure and case become what follow-ups are about. */
  private async show(context: TurnContext, state: GuideState, answer: Answer): Promise<void> {
    await this.setProcedure(context, state.procedure, state.caseId, 'procedure.steps');
    await this.send(context, answer);
  }

  private async next(dc: DialogContext, p: Procedure, state: GuideState, before: string[]): Promise<DialogTurnResult> {
    const c = caseOf(p, state);
    if (c && state.index >= c.documents.length) {
      await this.show(dc.context, state, this.guides.checklist(p, state));
      return dc.endDialog(GUIDE_DONE);
    }
    await this.show(dc.context, state, this.guides.prompt(p, state, before));
    return Dialog.EndOfTurn;
  }

  private findLinkingDocument(parent: Procedure, child: string) {
    return parent.cases.flatMap((c) => c.documents).find((d) => d.procedure === child);
  }
}

function isGuideAction(action: string): action is GuideAction {
  return (GUIDE_ACTIONS as readonly string[]).includes(action);
}
