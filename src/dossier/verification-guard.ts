import type { VerificationLocks } from '../store/verification-locks.js';

// Wrong answers to "the last 4 digits of the phone or id number", per conversation and
// dossier: after MAX_WRONG_TRIES the dossier's personal part stays locked for that
// conversation, whatever the citizen does ("bắt đầu lại", a restart), for KEEP_MS.

export const MAX_WRONG_TRIES = 3;
/** Wrong answers older than this are forgotten (a conversation is long over by then). */
export const KEEP_MS = 30 * 24 * 60 * 60 * 1000;

export class VerificationGuard {
  constructor(private readonly locks: VerificationLocks, private readonly now: () => Date = () => new Date()) {}

  /** Wrong tries left for this dossier in this conversation (0: locked). */
  async triesLeft(conversation: string, code: string): Promise<number> {
    return Math.max(0, MAX_WRONG_TRIES - await this.locks.wrongAnswers(conversation, code, this.since()));
  }

  async isLocked(conversation: string, code: string): Promise<boolean> {
    return (await this.triesLeft(conversation, code)) === 0;
  }

  /** Counts a wrong answer; answers the tries left (0 means it is now locked). */
  async recordWrong(conversation: string, code: string): Promise<number> {
    const wrong = await this.locks.addWrong(conversation, code, this.now(), this.since());
    return Math.max(0, MAX_WRONG_TRIES - wrong);
  }

  private since(): Date {
    return new Date(this.now().getTime() - KEEP_MS);
  }
}
