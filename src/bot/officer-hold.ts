import type { TurnContext } from 'botbuilder';
import { answerToActivity } from './to-activity.js';
import { openTicketCode } from './open-ticket.js';
import type { DeskServices } from './dialogs/desk-services.js';

/**
 * While an officer holds the conversation's ticket the assistant stays quiet: the citizen's
 * message goes to the ticket (the transcript recorder forwards it at the end of the turn) and
 * nothing is answered, except a short note that it reached the officer when no officer has
 * said anything for `heldNoticeAfterMs` (counted from the claim, the last reply or the last
 * note). The conversation's memory is left as it was, so once the ticket is handed back or
 * closed the assistant goes on in context. Answers true when it took the turn.
 */
export async function quietWhileHeld(desk: DeskServices, context: TurnContext): Promise<boolean> {
  const code = await openTicketCode(context, desk.tickets);
  const claim = code ? await desk.tickets.claimOf(code) : null;
  if (!code || !claim) return false;
  const lastWord = Math.max(...[claim.at, claim.lastReplyAt, claim.heldNoticeAt].map((at) => (at ? Date.parse(at) : 0)));
  if (desk.now().getTime() - lastWord >= desk.heldNoticeAfterMs) {
    await context.sendActivity(answerToActivity(desk.handoff.held({ code, officer: claim.officer })));
    try {
      await desk.tickets.markHeldNotice(code);
    } catch (err) {
      desk.logger.warn({ err: { name: (err as Error)?.name }, ticket: code }, 'could not note the held notice');
    }
  }
  return true;
}
