import { GuideComposer } from '../../answers/guide.js';
import type { AnyAssistantDialog, DialogServices, DialogStart } from './assistant-dialog.js';
import { ClarifyDialog } from './clarify-dialog.js';
import { GuideDialog } from './guide-dialog.js';
import type { Understood } from './understood.js';

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
export function dialogEntries(services: DialogServices): DialogEntry[] {
  return [
    // First: an ambiguous question is asked back before anything starts on a guess.
    { dialog: new ClarifyDialog(services), startFor: ClarifyDialog.startFor },
    { dialog: new GuideDialog(services, new GuideComposer(services.knowledge, services.replies)), startFor: GuideDialog.startFor },
  ];
}
