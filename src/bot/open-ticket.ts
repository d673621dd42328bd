import type { TurnContext } from 'botbuilder';
import type { Tickets } from '../helpdesk/tickets.js';

const OPEN_TICKET = Symbol('dvc.openTicket');

interface Known { code: string | undefined; changes: number }

/**
 * The code of the conversation's open ticket, asked of the store once per turn (the officer's
 * hold at its start and the transcript at its end both need it): asked again only when this
 * process changed a ticket since, as a turn that opens one does.
 */
export async function openTicketCode(context: TurnContext, tickets: Tickets): Promise<string | undefined> {
  const known = context.turnState.get(OPEN_TICKET) as Known | undefined;
  if (known && known.changes === tickets.changeCount) return known.code;
  const changes = tickets.changeCount;
  const code = await tickets.openCodeFor(context.activity.conversation.id);
  context.turnState.set(OPEN_TICKET, { code, changes } satisfies Known);
  return code;
}
