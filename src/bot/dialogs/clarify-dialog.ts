import { Dialog, type DialogContext, type DialogInstance, type DialogTurnResult } from 'botbuilder-dialogs';
import type { TurnContext } from 'botbuilder';
import type { Intent } from '../../nlu/intents.js';
import { PROCEDURE_INTENTS } from '../../nlu/intents.js';
import type { Procedure } from '../../knowledge/schema.js';
import { AssistantDialog, type DialogServices, type DialogStart, type TurnInput } from './assistant-dialog.js';
import type { Understood } from './understood.js';

export const CLARIFY_DIALOG = 'clarify';

/** The question asked, and the procedures it may be about (plain JSON: it is stored). */
export interface ClarifyState {
  intent: Intent;
  options: string[];
}

/**
 * "Which of these procedures?" when two are about as likely: buttons, or the choice typed
 * by number or by the words that tell the procedures apart. The choice is then answered
 * as the original question about that procedure (which may start a guide).
 */
export class ClarifyDialog extends AssistantDialog<ClarifyState, string, ClarifyState> {
  readonly onInterruption = 'drop';

  constructor(services: DialogServices) {
    super(CLARIFY_DIALOG, services);
  }

  /** A typed procedure question whose two best procedures are too close to choose. */
  static startFor(q: Understood): DialogStart | null {
    const ambiguous = q.parse?.ambiguous;
    if (!ambiguous || !PROCEDURE_INTENTS.has(q.intent)) return null;
    const options: ClarifyState = { intent: q.intent, options: ambiguous };
    return { id: CLARIFY_DIALOG, options, mode: 'aside' };
  }

  override async beginDialog(dc: DialogContext, options?: ClarifyState): Promise<DialogTurnResult> {
    const state: ClarifyState = { intent: options?.intent ?? 'procedure.info', options: this.procedures(options?.options ?? []).map((p) => p.id) };
    if (state.options.length < 2) return dc.endDialog();
    dc.activeDialog!.state = state;
    await this.prompt(dc.context, state);
    return Dialog.EndOfTurn;
  }

  recognize(input: TurnInput, state: ClarifyState): string | null {
    if (input.action) return null;
    const options = this.procedures(state.options).map((p) => ({ id: p.id, texts: [p.name, ...p.aliases] }));
    return this.services.commands.choose(input.short, options);
  }

  override async continueDialog(dc: DialogContext): Promise<DialogTurnResult> {
    const { intent } = this.stateOf(dc);
    const chosen = this.replyOf(dc);
    if (!chosen) return dc.endDialog();
    return this.endWithQuestion(dc, { intent, procedure: chosen });
  }

  override async repromptDialog(context: TurnContext, instance: DialogInstance): Promise<void> {
    await this.prompt(context, instance.state as ClarifyState);
  }

  private async prompt(context: TurnContext, state: ClarifyState): Promise<void> {
    // The buttons ask the question about one procedure outright, so a press needs no dialog.
    await this.send(context, this.services.composer.clarify(state.intent, state.options));
  }

  private procedures(ids: string[]): Procedure[] {
    return ids.map((id) => this.services.knowledge.get(id)).filter((p): p is Procedure => p !== undefined);
  }
}
