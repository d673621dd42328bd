import { DROPPED, AssistantDialog, type DialogServices, type DialogStart } from './assistant-dialog.js';
import type { DialogContext, DialogTurnResult } from 'botbuilder-dialogs';
import { citizenAudit, type DeskServices } from './desk-services.js';
import type { Understood } from './understood.js';

export const HANDOFF_DIALOG = 'handoff';

/**
 * "Cho tôi gặp cán bộ": opens a help-desk ticket with the recent transcript (masked) and
 * gives the citizen its code. One ticket per conversation while it is open; what the citizen
 * says afterwards is added to it (TranscriptRecorder). It asks nothing, so it ends at once,
 * silently for a dialog waiting underneath (a guide goes on where it was).
 */
export class HandoffDialog extends AssistantDialog<object, never> {
  readonly onInterruption = 'drop';

  constructor(services: DialogServices, private readonly desk: DeskServices) {
    super(HANDOFF_DIALOG, services);
  }

  static startFor(q: Understood): DialogStart | null {
    return q.intent === 'handoff' ? { id: HANDOFF_DIALOG, options: {}, mode: 'aside' } : null;
  }

  override async beginDialog(dc: DialogContext): Promise<DialogTurnResult> {
    const { context } = dc;
    const { tickets, handoff, recorder, audit } = this.desk;
    const conversationId = context.activity.conversation.id;
    const open = await tickets.openFor(conversationId);
    if (open) {
      await this.send(context, handoff.alreadyOpen(open));
      return dc.endDialog(DROPPED);
    }
    try {
      const { channelId, serviceUrl } = context.activity;
      const ticket = await tickets.create({ conversationId, channelId, serviceUrl, transcript: await recorder.recent(context) });
      await audit.record(citizenAudit(context, { action: 'citizen.handoff', target: ticket.code, outcome: 'ok' }));
      await this.send(context, handoff.created(ticket));
      // The lines so far are in the ticket, and the answer above is for the citizen only.
      recorder.markForwarded(context);
    } catch (err) {
      this.desk.logger.error({ err: { name: (err as Error)?.name }, conversation: conversationId }, 'handoff ticket not created');
      await this.send(context, handoff.unavailable());
    }
    return dc.endDialog(DROPPED);
  }

  recognize(): never | null {
    return null;
  }
}
