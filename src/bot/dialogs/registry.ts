import { GuideComposer } from '../../answers/guide.js';
import type { AnyAssistantDialog, DialogServices, DialogStart } from './assistant-dialog.js';
import { ClarifyDialog } from './clarify-dialog.js';
import { CaseDialog } from './case-dialog.js';
import { GuideDialog } from './guide-dialog.js';
import type { Understood } from './understood.js';
import type { DeskServices } from './desk-services.js';
import { TicketDialog } from './ticket-dialog.js';
import { DossierDialog } from './dossier-dialog.js';
import { HandoffDialog } from './handoff-dialog.js';

/** A dialog, and when an understood question starts it. */
export interface DialogEntry {
  dialog: AnyAssistantDialog;
  /** The start for this question, or null when the question is not for this dialog. */
  startFor?: (question: Understood) => DialogStart | null;
}

/**
 * Every dialog of the bot. For a question, the entries' `startFor` are tried in this order
 * and the first start wins; a question no dialog starts is answered by the Responder.
 */
export function dialogEntries(services: DialogServices, desk?: DeskServices): DialogEntry[] {
  return [
    // A ticket code is unmistakable: "xem phản hồi HT-7K3M9Q" reads the officer's replies.
    ...(desk ? [{ dialog: new TicketDialog(services, desk), startFor: TicketDialog.startFor }] : []),
    // First: an ambiguous question is asked back before anything starts on a guess.
    { dialog: new ClarifyDialog(services), startFor: ClarifyDialog.startFor },
    { dialog: new GuideDialog(services, new GuideComposer(services.knowledge, services.replies)), startFor: GuideDialog.startFor },
    // Started by the bot after an answer that asks which case applies, never by a question.
    { dialog: new CaseDialog(services) },
    // Without the desk (tests of other parts), dossier and handoff questions get the Responder's plain answers.
    ...(desk ? [
      { dialog: new DossierDialog(services, desk), startFor: DossierDialog.startFor },
      { dialog: new HandoffDialog(services, desk), startFor: HandoffDialog.startFor },
    ] : []),
  ];
}
