// Wrong answers to "the last 4 digits of the phone or id number", per conversation and
// dossier (src/dossier/verification-guard.ts decides when that locks the dossier). Kept
// apart from the conversation state on purpose: "bắt đầu lại" (which clears that state) must
// not buy more guesses, and neither must a restart. Holds conversation ids, dossier codes,
// counts and times, never digits.

export interface VerificationLocks {
  /** Wrong answers counted for the dossier in the conversation, the last of them after `since`; 0 otherwise. */
  wrongAnswers(conversation: string, code: string, since: Date): Promise<number>;
  /**
   * Counts a wrong answer made at `at`, after those since `since` (older ones are forgotten
   * and may be dropped); answers the count, this one included.
   */
  addWrong(conversation: string, code: string, at: Date, since: Date): Promise<number>;
  /** Waits for the writes under way. */
  close(): Promise<void>;
}
