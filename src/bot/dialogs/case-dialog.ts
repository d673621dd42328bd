import { Dialog, type DialogContext, type DialogInstance, type DialogTurnResult } from 'botbuilder-dialogs';
import type { TurnContext } from 'botbuilder';
import type { Intent } from '../../nlu/intents.js';
import type { ProcedureCase } from '../../knowledge/schema.js';
import { AssistantDialog, type DialogServices, type TurnInput } from './assistant-dialog.js';
import { familyMember } from '../../answers/select-case.js';

export const CASE_DIALOG = 'case';

/** The question whose answer differs by case, and the cases offered (plain JSON: it is stored). */
export interface CaseState {
  intent: Intent;
  procedure: string;
  cases: string[];
}

export type CaseReply = { kind: 'case'; caseId: string } | { kind: 'again' };

/**
 * "Bạn thuộc trường hợp nào?" after an answer that differs by case. The answer itself was the
 * prompt (the bot starts this dialog after sending it); its buttons ask the question for one
 * case outright. This dialog reads a typed choice — a number or the words of a case — and
 * answers the question for that case. A short reply that chooses nothing ("có", "rồi") gets
 * the question again; anything else is another question, and the choice is moot.
 */
export class CaseDialog extends AssistantDialog<CaseState, CaseReply, CaseState> {
  readonly onInterruption = 'drop';

  constructor(services: DialogServices) {
    super(CASE_DIALOG, services);
  }

  override async beginDialog(dc: DialogContext, options?: CaseState): Promise<DialogTurnResult> {
    if (!options || !this.cases(options).length) return dc.endDialog();
    dc.activeDialog!.state = { intent: options.intent, procedure: options.procedure, cases: [...options.cases] } satisfies CaseState;
    return Dialog.EndOfTurn;
  }

  override isAlive(state: CaseState): boolean {
    return this.cases(state).length === state.cases.length;
  }

  override procedureOf(state: CaseState): string | null {
    return state.procedure;
  }

  recognize(input: TurnInput, state: CaseState): CaseReply | null {
    if (input.action) return null;
    const p = this.services.knowledge.get(state.procedure);
    // "À không, tôi làm mất thẻ": another procedure of the family, asked as a question.
    if (p && familyMember(this.services.knowledge, p, input.parse().entities.situation).id !== p.id) return null;
    // "Có", "rồi", "chưa có" answer no question here: the cases are asked again.
    if (input.command === 'yes' || input.command === 'no') return { kind: 'again' };
    const options = this.cases(state).map((c) => ({ id: c.id, texts: [c.name, c.when ?? ''] }));
    const caseId = this.services.commands.choose(input.text, options, p ? [p.name, ...p.aliases] : []);
    return caseId ? { kind: 'case', caseId } : null;
  }

  override async continueDialog(dc: DialogContext): Promise<DialogTurnResult> {
    const state = this.stateOf(dc);
    const reply = this.replyOf(dc);
    if (reply?.kind === 'case') return this.endWithQuestion(dc, { intent: state.intent, procedure: state.procedure, caseId: reply.caseId });
    await this.repromptDialog(dc.context, dc.activeDialog!);
    return Dialog.EndOfTurn;
  }

  override async repromptDialog(context: TurnContext, instance: DialogInstance): Promise<void> {
    const state = instance.state as CaseState;
    const p = this.services.knowledge.get(state.procedure);
    if (!p) return;
    const memory = await this.memoryOf(context);
    await this.send(context, this.services.composer.aboutProcedure(state.intent, p, { situation: memory.situation ?? {} }));
  }

  private cases(state: CaseState): ProcedureCase[] {
    const p = this.services.knowledge.get(state.procedure);
    return p ? p.cases.filter((c) => state.cases.includes(c.id)) : [];
  }
}
