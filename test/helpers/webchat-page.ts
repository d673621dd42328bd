import type { BrowserContext, Frame, Page } from 'playwright-core';

// Driving Bot Framework Web Chat as a citizen does: type in the send box, read the bubbles.
// The selectors are Web Chat 4.18's own class names and data-id.

export type Scope = Page | Frame;

export const SEND_BOX = '[data-id="webchat-sendbox-input"]';
export const BOT_MESSAGE = '.webchat__bubble:not(.webchat__bubble--from-user) .webchat__bubble__content';
export const USER_MESSAGE = '.webchat__bubble--from-user .webchat__bubble__content';
export const REPLY_TIMEOUT_MS = 10_000;

/** The text of every bot message in the transcript, oldest first. */
export function botMessages(scope: Scope): Promise<string[]> {
  return scope.locator(BOT_MESSAGE).allInnerTexts();
}

export function userMessages(scope: Scope): Promise<string[]> {
  return scope.locator(USER_MESSAGE).allInnerTexts();
}

/** Waits until the transcript holds at least `count` bot messages, and answers them. */
export async function waitForBotMessages(scope: Scope, count: number): Promise<string[]> {
  await scope.waitForFunction(
    ([selector, n]) => document.querySelectorAll(selector).length >= n,
    [BOT_MESSAGE, count] as const,
    { timeout: REPLY_TIMEOUT_MS },
  );
  return botMessages(scope);
}

/** Waits for the chat to be ready (send box drawn, greeting or history shown). */
export async function waitForChat(scope: Scope, botMessageCount = 1): Promise<string[]> {
  await scope.locator(SEND_BOX).waitFor({ timeout: REPLY_TIMEOUT_MS });
  return waitForBotMessages(scope, botMessageCount);
}

/** Runs `action` and answers the text of the bot message it brings. */
export async function nextBotMessage(scope: Scope, action: () => Promise<void>): Promise<string> {
  const before = (await botMessages(scope)).length;
  await action();
  const after = await waitForBotMessages(scope, before + 1);
  return after[before] ?? '';
}

/** Types a message in the send box and presses Enter; answers the bot's reply. */
export function ask(scope: Scope, text: string): Promise<string> {
  return nextBotMessage(scope, async () => {
    await scope.locator(SEND_BOX).fill(text);
    await scope.locator(SEND_BOX).press('Enter');
  });
}

interface Recorded { __cspViolations?: string[] }

/** Every page of the context records the Content-Security-Policy violations it meets. */
export async function recordCspViolations(context: BrowserContext): Promise<void> {
  await context.addInitScript(() => {
    const w = window as unknown as Recorded;
    w.__cspViolations = [];
    document.addEventListener('securitypolicyviolation', (e) => {
      w.__cspViolations?.push(`${e.violatedDirective} ${e.blockedURI} ${e.sourceFile}:${e.lineNumber}`);
    });
  });
}

export function cspViolations(scope: Scope): Promise<string[]> {
  return scope.evaluate(() => (window as unknown as Recorded).__cspViolations ?? ['not recording']);
}

/** The conversation this page keeps in sessionStorage, as chat.js stores it. */
export function storedConversation(scope: Scope): Promise<{ conversationId: string; token: string; userId: string } | null> {
  return scope.evaluate(() => JSON.parse(sessionStorage.getItem('dvc-chat.conversation') ?? 'null'));
}
