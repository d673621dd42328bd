import type { Answer, Suggestion } from '../answers/compose.js';
import type { Replies } from '../answers/replies.js';
import type { KnowledgeBase } from '../knowledge/knowledge-base.js';
import type { Dossier, DossierStatus } from '../portal/portal-client.js';
import { isOverdue } from '../portal/overdue.js';
import { maskName } from '../portal/mask-name.js';
import { formatVietnamTime, wholeDaysBetween } from './vietnam-time.js';

// What the citizen reads about a dossier, in plain Vietnamese, from the reply templates.
// Pure: the dialog decides when each part may be shown. `status()` holds nothing personal
// (status, procedure, agency, dates, what to do next); only `verified()` shows the masked
// name and the history, and nothing here ever shows a phone or id number.

const STATUS_REPLY: Record<DossierStatus, string> = {
  received: 'dossierStatusReceived',
  processing: 'dossierStatusProcessing',
  supplement_required: 'dossierStatusSupplementRequired',
  completed: 'dossierStatusCompleted',
  returned: 'dossierStatusReturned',
  rejected: 'dossierStatusRejected',
};

const INTENT = 'dossier.status' as const;

export class DossierAnswers {
  constructor(private readonly replies: Replies, private readonly knowledge: KnowledgeBase) {}

  /** The contract's status words, e.g. "đang xử lý". */
  statusWords(status: DossierStatus): string {
    return this.replies.say(STATUS_REPLY[status]);
  }

  /** Status, procedure, agency, dates, overdue notice and next steps: shown to anyone with the code. */
  status(dossier: Dossier, now: Date): Answer {
    const r = this.replies;
    const overdue = isOverdue(dossier, now);
    const lines = [
      r.say('dossierHeading', { code: dossier.code, procedure: this.procedureName(dossier.procedure) }),
      `- ${r.say('dossierStatusLine', { status: this.statusWords(dossier.status) })}`,
      `- ${r.say('dossierAgencyLine', { agency: dossier.agency })}`,
      `- ${r.say('dossierReceivedLine', { date: formatVietnamTime(dossier.receivedAt, r) })}`,
      `- ${r.say('dossierDueLine', { date: formatVietnamTime(dossier.dueAt, r) })}`,
      ...(dossier.finishedAt ? [`- ${r.say('dossierFinishedLine', { date: formatVietnamTime(dossier.finishedAt, r) })}`] : []),
    ];
    if (overdue) {
      const days = wholeDaysBetween(dossier.dueAt, now);
      lines.push('', r.say('dossierOverdue', { late: days >= 1 ? r.say('dossierLateDays', { days }) : r.say('dossierLateHours') }));
    }
    lines.push('', ...this.nextSteps(dossier, overdue));
    const offerHelp = overdue || dossier.status === 'rejected' || dossier.status === 'supplement_required';
    return this.answer(lines.join('\n'), dossier, offerHelp ? [this.handoffButton()] : []);
  }

  /** The offer to show more against the last 4 digits, with what is kept and why. */
  verifyOffer(dossier: Dossier): Answer {
    return this.answer(`${this.replies.say('dossierVerifyOffer')}\n\n${this.replies.say('dossierPrivacy')}`, dossier);
  }

  /** After a correct last-4: the masked name and the history. */
  verified(dossier: Dossier): Answer {
    const r = this.replies;
    const history = [...dossier.history].sort((a, b) => Date.parse(a.at) - Date.parse(b.at))
      .map((h) => r.say('dossierHistoryLine', { date: formatVietnamTime(h.at, r), status: this.statusWords(h.status), by: h.by }));
    const text = [r.say('dossierHeading', { code: dossier.code, procedure: this.procedureName(dossier.procedure) }),
      r.say('dossierApplicant', { name: maskName(dossier.applicant.name) }), '', r.say('dossierHistoryIntro'), ...history].join('\n');
    return this.answer(text, dossier);
  }

  wrongLast4(dossier: Dossier | { procedure: string }, triesLeft: number): Answer {
    return this.answer(this.replies.say('dossierVerifyWrong', { left: triesLeft }), dossier);
  }

  locked(dossier: { procedure: string } | null, already = false): Answer {
    return this.answer(this.replies.say(already ? 'dossierVerifyAlreadyLocked' : 'dossierVerifyLocked'), dossier, [this.handoffButton()]);
  }

  /** Replies that need no dossier: asking for the code, a malformed or unknown code, the portal down, too many lookups. */
  say(id: 'dossierAskCode' | 'dossierVerifyExpected'): Answer {
    return this.answer(this.replies.say(id), null);
  }

  /** "Chưa có" when asked for the code: where to find it, and the help desk. */
  noCode(): Answer {
    return this.answer(this.replies.say('dossierNoCode'), null, [this.handoffButton()]);
  }

  /** `typed` is said back when given (already masked by the caller). */
  badCode(typed: string | null): Answer {
    const what = typed ? this.replies.say('dossierBadCodeTyped', { typed: typed.slice(0, 60) }) : this.replies.say('dossierBadCodeUntyped');
    return this.answer(this.replies.say('dossierBadCode', { typed: what }), null);
  }

  notFound(code: string): Answer {
    return this.answer(this.replies.say('dossierNotFound', { code }), null, [this.handoffButton()]);
  }

  portalDown(): Answer {
    return this.answer(this.replies.say('dossierPortalDown'), null, [this.handoffButton()]);
  }

  limited(retryAfterMs: number): Answer {
    return this.answer(this.replies.say('dossierLimited', { seconds: Math.max(1, Math.ceil(retryAfterMs / 1000)) }), null, [this.handoffButton()]);
  }

  private nextSteps(dossier: Dossier, overdue: boolean): string[] {
    const r = this.replies;
    const agency = dossier.agency;
    const note = dossier.note?.trim();
    switch (dossier.status) {
      case 'supplement_required':
        return [
          r.say('dossierNextSupplement', { what: note || r.say('dossierSupplementUnknown', { agency }) }),
          r.say('dossierNextSupplementHow', { agency }),
          ...(overdue ? [r.say('dossierNextOverdue', { agency })] : []),
        ];
      case 'rejected':
        return [
          r.say('dossierRejectedReason', { reason: note || r.say('dossierRejectedReasonUnknown') }),
          r.say('dossierNextRejected', { agency }),
        ];
      case 'completed':
        return [...(note ? [r.say('dossierNote', { note })] : []), r.say('dossierNextCompleted', { agency })];
      case 'returned':
        return [...(note ? [r.say('dossierNote', { note })] : []), r.say('dossierNextReturned', { agency })];
      default:
        return [
          ...(note ? [r.say('dossierNote', { note })] : []),
          r.say(overdue ? 'dossierNextOverdue' : dossier.status === 'received' ? 'dossierNextReceived' : 'dossierNextProcessing', { agency }),
        ];
    }
  }

  private procedureName(id: string): string {
    return this.knowledge.get(id)?.name ?? id;
  }

  private handoffButton(): Suggestion {
    return { title: this.replies.say('buttonHandoff'), value: { intent: 'handoff', procedure: null } };
  }

  private answer(text: string, dossier: { procedure: string } | null, suggestions: Suggestion[] = []): Answer {
    const procedure = dossier && this.knowledge.has(dossier.procedure) ? dossier.procedure : null;
    return { text, suggestions, intent: INTENT, procedure };
  }
}
