import type { DialogContext, DialogTurnResult } from 'botbuilder-dialogs';
import { extractTicketCode, mentionsTicketCode } from '../../helpdesk/ticket-code.js';
import { DROPPED, AssistantDialog, type DialogServices, type DialogStart } from './assistant-dialog.js';
import { citizenAudit, lookupKeys, type DeskServices } from './desk-services.js';
import type { Understood } from './understood.js';

export const TICKET_DIALOG = 'ticket';

export interface TicketOptions {
  code: string | null;
  typed: string;
}

/**
 * "Xem phản hồi HT-7K3M9Q": the officer's replies to a handoff ticket, read back by its code
 * in any conversation (another day, another device). Counted like a dossier lookup, since a
 * code is all it takes.
 */
export class TicketDialog extends AssistantDialog<object, never, TicketOptions> {
  readonly onInterruption = 'drop';

  constructor(services: DialogServices, private readonly desk: DeskServices) {
    super(TICKET_DIALOG, services);
  }

  /** A typed message holding a ticket code (and no dossier code, which may contain "HT-"). */
  static startFor(q: Understood): DialogStart | null {
    const text = q.parse?.text;
    if (!text || q.parse?.entities.dossierCode || !mentionsTicketCode(text)) return null;
    const options: TicketOptions = { code: extractTicketCode(text), typed: text };
    return { id: TICKET_DIALOG, options, mode: 'aside' };
  }

  override async beginDialog(dc: DialogContext, options?: TicketOptions): Promise<DialogTurnResult> {
    const { context } = dc;
    const { handoff, audit, limiter, tickets } = this.desk;
    const code = options?.code;
    if (!code) {
      const typed = /HT\s*[-–—_]?\s*[A-Za-z0-9]*/i.exec(options?.typed ?? '')?.[0] ?? '';
      await this.send(context, handoff.badCode(typed));
      return dc.endDialog(DROPPED);
    }
    const decision = await limiter.take(lookupKeys(context), code);
    if (!decision.allowed) {
      await audit.record(citizenAudit(context, { action: 'citizen.ticket', target: code, outcome: 'limited' }));
      await this.send(context, { ...this.desk.answers.limited(decision.retryAfterMs), intent: 'handoff', procedure: null });
      return dc.endDialog(DROPPED);
    }
    const ticket = await tickets.get(code);
    await audit.record(citizenAudit(context, { action: 'citizen.ticket', target: code, outcome: ticket ? 'ok' : 'not_found' }));
    await this.send(context, ticket ? handoff.readBack(ticket) : handoff.notFound(code));
    return dc.endDialog(DROPPED);
  }

  recognize(): never | null {
    return null;
  }
}
