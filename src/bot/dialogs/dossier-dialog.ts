import { Dialog, type DialogContext, type DialogInstance, type DialogTurnResult } from 'botbuilder-dialogs';
import type { TurnContext } from 'botbuilder';
import { maskPersonalData } from '../../privacy/mask.js';
import { PortalError, type Dossier } from '../../portal/portal-client.js';
import { matchesLast4 } from '../../portal/mask-name.js';
import { findCodeAttempt } from '../../dossier/code-attempt.js';
import { extractTicketCode } from '../../helpdesk/ticket-code.js';
import { AssistantDialog, DROPPED, type DialogServices, type DialogStart, type TurnInput } from './assistant-dialog.js';
import { citizenAudit, lookupKeys, type DeskServices } from './desk-services.js';
import type { Understood } from './understood.js';

export const DOSSIER_DIALOG = 'dossier';
/** Ends quietly: a guide waiting underneath stays paused instead of asking its question over the answer. */
const DONE = DROPPED;

export interface DossierOptions {
  /** A dossier code from the message, canonical. */
  code: string | null;
  /** Something typed as a code that is not one. */
  attempt: string | null;
}

/** Waiting for a code, or for the last 4 digits of the dossier shown (plain JSON: it is stored). */
export type DossierState = { step: 'code' } | { step: 'last4'; code: string };

export type DossierReply = { kind: 'code'; code: string } | { kind: 'bad'; typed: string } | { kind: 'digits'; digits: string } | { kind: 'noCode' };

/**
 * A dossier's status: the code from the message or asked for; the status for anyone who has
 * the code; the masked name and the history only after the last 4 digits of the phone or id
 * number on the dossier, with what is kept said before they are asked. Three wrong answers
 * lock that dossier's personal part for the conversation. A slow or stopped portal gets an
 * apology and the help desk within the portal client's time budget, never a crash.
 */
export class DossierDialog extends AssistantDialog<DossierState, DossierReply, DossierOptions> {
  readonly onInterruption = 'drop';

  constructor(services: DialogServices, private readonly desk: DeskServices) {
    super(DOSSIER_DIALOG, services);
  }

  /** A dossier question, or a message holding something typed as a dossier code. */
  static startFor(q: Understood): DialogStart | null {
    const text = q.parse?.text ?? '';
    if (q.intent === 'dossier.status') {
      const code = q.parse?.entities.dossierCode ?? null;
      // A code read from the question is looked up at once: what was typed wrong matters only without one.
      const options: DossierOptions = { code, attempt: !code && text ? findCodeAttempt(text, false) : null };
      return { id: DOSSIER_DIALOG, options, mode: 'aside' };
    }
    // A question about something else that holds a dashed number ("xe 29A-123.45 bị phạt không") is not a code.
    const attempt = text && q.intent !== 'none' ? findCodeAttempt(text, true) : text ? shortAttempt(text) : null;
    return attempt ? { id: DOSSIER_DIALOG, options: { code: null, attempt } satisfies DossierOptions, mode: 'aside' } : null;
  }

  override async beginDialog(dc: DialogContext, options?: DossierOptions): Promise<DialogTurnResult> {
    dc.activeDialog!.state = { step: 'code' } satisfies DossierState;
    if (options?.code) return this.lookUp(dc, options.code);
    if (options?.attempt) return this.badCode(dc, options.attempt);
    await this.send(dc.context, this.desk.answers.say('dossierAskCode'));
    return Dialog.EndOfTurn;
  }

  recognize(input: TurnInput, state: DossierState): DossierReply | null {
    if (input.action) return null;
    const code = input.parse().entities.dossierCode;
    // A question about something else ("giá vàng 9999 bao nhiêu?") is answered as such, whatever numbers it holds.
    const elsewhere = this.services.commands.isQuestion(input.text) && input.parse().intent === 'none';
    if (state.step === 'code') {
      if (code) return { kind: 'code', code };
      if (input.command === 'no') return { kind: 'noCode' };
      const typed = elsewhere ? null : findCodeAttempt(input.text, false);
      return typed && !extractTicketCode(input.text) ? { kind: 'bad', typed } : null;
    }
    // Another code, a ticket code or words are another question; digits answer this one.
    if (code || extractTicketCode(input.text) || elsewhere) return null;
    const digits = lastDigits(input.text);
    return digits ? { kind: 'digits', digits } : null;
  }

  override async continueDialog(dc: DialogContext): Promise<DialogTurnResult> {
    const reply = this.replyOf(dc);
    const state = this.stateOf(dc);
    if (!reply) return dc.endDialog(DONE);
    if (reply.kind === 'code') return this.lookUp(dc, reply.code);
    if (reply.kind === 'bad') return this.badCode(dc, reply.typed);
    if (reply.kind === 'noCode') {
      await this.send(dc.context, this.desk.answers.noCode());
      return dc.endDialog(DONE);
    }
    if (state.step !== 'last4') return dc.endDialog(DONE);
    return this.verify(dc, state.code, reply.digits);
  }

  override async repromptDialog(context: TurnContext, instance: DialogInstance): Promise<void> {
    const state = instance.state as DossierState;
    await this.send(context, this.desk.answers.say(state.step === 'code' ? 'dossierAskCode' : 'dossierVerifyExpected'));
  }

  private async badCode(dc: DialogContext, typed: string): Promise<DialogTurnResult> {
    // A token with letters (an agency code) is said back; digits only may be a phone or id number.
    const shown = /[A-Za-z]/.test(typed) ? typed : null;
    await this.desk.audit.record(citizenAudit(dc.context, { action: 'citizen.lookup', target: typed, outcome: 'bad_code' }));
    await this.send(dc.context, this.desk.answers.badCode(shown));
    dc.activeDialog!.state = { step: 'code' } satisfies DossierState;
    return Dialog.EndOfTurn;
  }

  private async lookUp(dc: DialogContext, code: string): Promise<DialogTurnResult> {
    const { context } = dc;
    const { answers, audit } = this.desk;
    const decision = await this.desk.limiter.take(lookupKeys(context), code);
    if (!decision.allowed) {
      await audit.record(citizenAudit(context, { action: 'citizen.lookup', target: code, outcome: 'limited' }));
      await this.send(context, answers.limited(decision.retryAfterMs));
      return dc.endDialog(DONE);
    }
    const found = await this.fetch(context, code, 'citizen.lookup');
    if (found === 'not_found') {
      await this.send(context, answers.notFound(code));
      dc.activeDialog!.state = { step: 'code' } satisfies DossierState;
      return Dialog.EndOfTurn;
    }
    if (!found) return dc.endDialog(DONE);
    const dossier = found;
    if (this.services.knowledge.has(dossier.procedure)) await this.setProcedure(context, dossier.procedure);
    // Web Chat shows the buttons of the last message only: the status's go on the offer after it.
    const status = answers.status(dossier, this.desk.now());
    await this.send(context, { ...status, suggestions: [] });
    if (await this.desk.guard.isLocked(context.activity.conversation.id, dossier.code)) {
      await this.send(context, answers.locked(dossier, true));
      return dc.endDialog(DONE);
    }
    await this.send(context, { ...answers.verifyOffer(dossier), suggestions: status.suggestions });
    dc.activeDialog!.state = { step: 'last4', code: dossier.code } satisfies DossierState;
    return Dialog.EndOfTurn;
  }

  private async verify(dc: DialogContext, code: string, digits: string): Promise<DialogTurnResult> {
    const { context } = dc;
    const { answers, audit, guard } = this.desk;
    const conversation = context.activity.conversation.id;
    // Checked or not, the digits leave our copy of the conversation now; the words stay.
    const text = context.activity.text ?? '';
    if (context.activity.id) await this.desk.redact(conversation, context.activity.id, maskPersonalData(text, { keepDossierCodes: true, shortNumbers: true }));
    if (await guard.isLocked(conversation, code)) {
      await this.send(context, answers.locked(null, true));
      return dc.endDialog(DONE);
    }
    // Wrong tries count against the address too: new conversations do not buy endless guesses.
    const address = { address: lookupKeys(context).address };
    const tryId = `verify ${conversation} ${code} ${await guard.triesLeft(conversation, code)}`;
    const decision = await this.desk.limiter.check(address, tryId);
    if (!decision.allowed) {
      await audit.record(citizenAudit(context, { action: 'citizen.verify', target: code, outcome: 'limited' }));
      await this.send(context, answers.limited(decision.retryAfterMs));
      return Dialog.EndOfTurn;
    }
    const dossier = await this.fetch(context, code, 'citizen.verify');
    if (dossier === 'not_found') {
      await this.send(context, answers.notFound(code));
      return dc.endDialog(DONE);
    }
    if (!dossier) return Dialog.EndOfTurn;
    if (matchesLast4(dossier, digits)) {
      await audit.record(citizenAudit(context, { action: 'citizen.verify', target: code, outcome: 'ok' }));
      await this.send(context, answers.verified(dossier));
      return dc.endDialog(DONE);
    }
    await this.desk.limiter.record(address, tryId);
    const left = await guard.recordWrong(conversation, code);
    await audit.record(citizenAudit(context, { action: 'citizen.verify', target: code, outcome: left ? 'wrong' : 'locked' }));
    if (!left) {
      await this.send(context, answers.locked(dossier));
      return dc.endDialog(DONE);
    }
    await this.send(context, answers.wrongLast4(dossier, left));
    return Dialog.EndOfTurn;
  }

  /** The dossier; 'not_found'; or null once the citizen has heard that the portal is not answering. */
  private async fetch(context: TurnContext, code: string, action: 'citizen.lookup' | 'citizen.verify'): Promise<Dossier | 'not_found' | null> {
    try {
      const dossier = await this.desk.portal.getDossier(code);
      if (action === 'citizen.lookup') await this.desk.audit.record(citizenAudit(context, { action, target: code, outcome: 'ok' }));
      return dossier;
    } catch (err) {
      if (!(err instanceof PortalError)) throw err;
      await this.desk.audit.record(citizenAudit(context, { action, target: code, outcome: err.kind }));
      if (err.kind === 'not_found' || err.kind === 'bad_code') return 'not_found';
      await this.send(context, this.desk.answers.portalDown());
      return null;
    }
  }
}

/** A code typed on its own, in a message the NLU did not take for a question about anything: "abc-1234567". */
function shortAttempt(text: string): string | null {
  const attempt = findCodeAttempt(text, true);
  return attempt && text.replace(attempt, ' ').trim().split(/\s+/).filter(Boolean).length <= 3 ? attempt : null;
}

/**
 * The last 4 digits of the number in the message: "3456", "4 số cuối là 3456", or a whole
 * phone or id number (9–12 digits, spaces or dots between groups); null for anything else.
 */
export function lastDigits(text: string): string | null {
  const runs = [...text.normalize('NFKC').matchAll(/(?<![\d])\d(?:[\s.]?\d)*(?![\d])/g)].map((m) => m[0].replace(/\D/g, ''));
  const number = runs.filter((r) => r.length >= 4).at(-1);
  if (!number || (number.length > 4 && number.length < 9) || number.length > 12) return null;
  return number.slice(-4);
}
