import { randomBytes } from 'node:crypto';
import path from 'node:path';
import { jest } from '@jest/globals';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { loadConfig } from '../../src/config.js';
import { loadKnowledgeBase } from '../../src/knowledge/knowledge-base.js';
import type { Procedure } from '../../src/knowledge/schema.js';
import { loadReplies } from '../../src/answers/replies.js';
import { launchBrowser } from '../helpers/browser.js';
import { startTestApp, type TestApp } from '../helpers/test-app.js';
import {
  SEND_BOX, ask, botMessages, cspViolations, nextBotMessage, recordCspViolations, storedConversation,
  userMessages, waitForChat,
} from '../helpers/webchat-page.js';

// The citizens' chat page at `/` in headless Chromium, against the real server. What the bot
// says is checked against the knowledge base and the reply templates, not against copies.

jest.setTimeout(60_000);

const config = loadConfig({});
const knowledge = loadKnowledgeBase(config.KNOWLEDGE_DIR);
const replies = loadReplies(path.join(config.INTENTS_DIR, 'responses', 'vi.yaml'));
const procedure = (id: string): Procedure => {
  const p = knowledge.get(id);
  if (!p) throw new Error(`no procedure ${id} in the knowledge base`);
  return p;
};
const idCard = procedure('cap-the-can-cuoc');
const documentNames = idCard.cases.flatMap((c) => c.documents.map((d) => d.name));
const durations = idCard.cases.map((c) => c.duration);
/** The fee answer of the ID card: its name and "miễn phí". */
const isIdCardFee = (text: string): boolean => text.includes(idCard.name.replace(/^C/, 'c')) && text.includes(replies.say('feeFree'));
/** A first card for a 15-year-old: one case, so the answer lists its documents. */
const DOCUMENTS_QUESTION = 'làm căn cước lần đầu cho con 15 tuổi cần gì';

let t: TestApp;
let browser: Browser;
let context: BrowserContext;
let page: Page;

beforeAll(async () => {
  // Both start at once; without Chromium the server is closed again and the tests fail loudly.
  const app = startTestApp();
  browser = await launchBrowser().catch(async (err: unknown) => { await (await app).close(); throw err; });
  t = await app;
  context = await browser.newContext({ locale: 'vi-VN' });
  await recordCspViolations(context);
  page = await context.newPage();
}, 60_000);

afterAll(async () => {
  await browser?.close();
  await t?.close();
});

describe('the chat page at /', () => {
  it('is a Vietnamese public-service page with an accessible chat and a greeting', async () => {
    await page.goto(`${t.url}/`);
    const [greeting] = await waitForChat(page);
    expect(greeting).toBe(replies.say('greeting'));
    expect(await page.getAttribute('html', 'lang')).toBe('vi');
    expect(await page.locator('h1').innerText()).toBe('Cổng dịch vụ công — Trợ lý ảo');
    await expect(page.getByRole('button', { name: 'Bắt đầu lại' }).count()).resolves.toBe(1);
    expect(await page.getAttribute(SEND_BOX, 'aria-label')).toBeTruthy();
    expect(await page.getByRole('region', { name: 'Cuộc trò chuyện với trợ lý ảo' }).count()).toBe(1);
  });

  it('answers a typed question with the documents from the knowledge base', async () => {
    const reply = await ask(page, DOCUMENTS_QUESTION);
    expect(documentNames.filter((name) => reply.includes(name)).length).toBeGreaterThan(0);
    expect(await userMessages(page)).toEqual([DOCUMENTS_QUESTION]);
  });

  it('follows the conversation on its WebSocket, so an idle open chat sends no request', async () => {
    const requests: string[] = [];
    const onRequest = (request: { url(): string }): void => { requests.push(request.url()); };
    page.on('request', onRequest);
    await new Promise((resolve) => setTimeout(resolve, 3000));
    page.off('request', onRequest);
    expect(requests).toEqual([]);
    // Since the page loaded: no poll (GET …/activities?watermark=), one WebSocket.
    const fetched = await page.evaluate(() => performance.getEntriesByType('resource').map((e) => e.name));
    expect(fetched.filter((url) => url.includes('/activities?watermark'))).toEqual([]);
    expect(t.app.directLine.stream.size).toBeGreaterThanOrEqual(1);
  });

  it('asks a suggested action when it is clicked and shows its answer', async () => {
    const title = replies.say('buttonDuration');
    const button = page.locator('.webchat__suggested-actions').getByRole('button', { name: title, exact: true });
    const reply = await nextBotMessage(page, () => button.click());
    expect(durations.some((duration) => reply.includes(duration))).toBe(true);
    expect((await userMessages(page)).at(-1)).toBe(title);
  });

  it('continues the same conversation after a reload, with the history and the procedure in play', async () => {
    const before = await botMessages(page);
    const stored = await storedConversation(page);
    expect(stored?.conversationId).toMatch(/^[A-Za-z0-9_-]{24}$/);

    await page.reload();
    expect(await waitForChat(page, before.length)).toEqual(before);
    expect((await storedConversation(page))?.conversationId).toBe(stored?.conversationId);

    const fee = await ask(page, 'lệ phí bao nhiêu?');
    expect(isIdCardFee(fee)).toBe(true);
  });

  it('starts a fresh conversation on "Bắt đầu lại" and puts the cursor in the send box', async () => {
    const old = await storedConversation(page);
    await page.getByRole('button', { name: 'Bắt đầu lại' }).click();
    await page.waitForFunction((id) => {
      const stored = JSON.parse(sessionStorage.getItem('dvc-chat.conversation') ?? 'null');
      return stored && stored.conversationId !== id;
    }, old?.conversationId);
    expect(await waitForChat(page)).toEqual([replies.say('greeting')]);
    expect(await userMessages(page)).toEqual([]);
    await page.waitForFunction((selector) => document.activeElement?.matches(selector), SEND_BOX);
    expect(await page.locator('[role="status"]').innerText()).toBe('Đã bắt đầu cuộc trò chuyện mới.');

    // The new conversation has no procedure in play: the fee of the ID card is not assumed.
    const fee = await ask(page, 'lệ phí bao nhiêu?');
    expect(isIdCardFee(fee)).toBe(false);
  });

  it('met no Content-Security-Policy violation on the way', async () => {
    expect(await cspViolations(page)).toEqual([]);
  });
});

describe('a stored conversation that is gone', () => {
  it.each([
    ['a conversation the server does not know', () => {
      const id = randomBytes(18).toString('base64url');
      return { conversationId: id, token: t.app.directLine.tokens.issue(id).token };
    }],
    ['a token the server did not sign', () => ({ conversationId: randomBytes(18).toString('base64url'), token: 'eyJjIjoiYSJ9.forged' })],
  ])('is replaced by a fresh conversation without an error: %s', async (_kind, make) => {
    const gone = { ...make(), userId: 'web_gone' };
    const fresh = await context.newPage();
    // Stored before the page's scripts run, as a previous visit would have left it.
    await fresh.addInitScript((value) => {
      if (!sessionStorage.getItem('dvc-chat.conversation')) sessionStorage.setItem('dvc-chat.conversation', value);
    }, JSON.stringify(gone));
    await fresh.goto(`${t.url}/`);
    expect(await waitForChat(fresh)).toEqual([replies.say('greeting')]);
    const stored = await storedConversation(fresh);
    expect(stored?.conversationId).not.toBe(gone.conversationId);
    expect(await fresh.locator('.dvc-chat__notice').count()).toBe(0);
    await fresh.close();
  });
});

describe('when the assistant cannot be reached', () => {
  it('says so politely, keeps the stored conversation, and resumes it on "Thử lại"', async () => {
    const p = await context.newPage();
    await p.goto(`${t.url}/`);
    const history = await waitForChat(p);
    const stored = await storedConversation(p);

    const reconnect = (url: URL) => /^\/v3\/directline\/conversations\/[^/]+$/.test(url.pathname);
    await p.route(reconnect, (route) => route.fulfill({ status: 503, contentType: 'application/json', body: '{"error":"PORTAL_UNAVAILABLE"}' }));
    await p.reload();
    const retry = p.getByRole('button', { name: 'Thử lại' });
    await retry.waitFor();
    expect(await p.locator('.dvc-chat__notice').innerText()).toMatch(/^Chưa kết nối được với trợ lý ảo/);
    expect(await storedConversation(p)).toEqual(stored);

    await p.unroute(reconnect);
    await retry.click();
    expect(await waitForChat(p, history.length)).toEqual(history);
    expect((await storedConversation(p))?.conversationId).toBe(stored?.conversationId);
    await p.close();
  });
});

describe('markup a citizen types', () => {
  let xss: Page;
  beforeAll(async () => {
    xss = await context.newPage();
    await xss.goto(`${t.url}/`);
    await waitForChat(xss);
  });
  afterAll(async () => { await xss?.close(); });

  it.each([
    ['an <img> with an onerror handler', '<img src=x onerror="window.__xss=1">'],
    ['a Markdown link to javascript:', '[bấm vào](javascript:window.__xss=2)'],
  ])('is shown as text and never runs: %s', async (_kind, text) => {
    await ask(xss, text);
    expect(await xss.evaluate(() => (window as unknown as { __xss?: number }).__xss)).toBeUndefined();
    const transcript = xss.locator('.dvc-chat__webchat');
    expect(await transcript.locator('img[src="x"], img[src$="/x"]').count()).toBe(0);
    expect(await transcript.locator('a[href^="javascript:" i]').count()).toBe(0);
    expect((await userMessages(xss)).at(-1)).toBe(text);
    expect(await cspViolations(xss)).toEqual([]);
  });
});

describe('on a phone', () => {
  it('fits a 375 px wide screen without horizontal scrolling, even with a long answer', async () => {
    const phone = await browser.newContext({ viewport: { width: 375, height: 667 }, isMobile: true, hasTouch: true, locale: 'vi-VN' });
    const mobile = await phone.newPage();
    await mobile.goto(`${t.url}/`);
    await waitForChat(mobile);
    await ask(mobile, 'hướng dẫn tôi đăng ký khai sinh');
    const layout = await mobile.evaluate(() => {
      const width = document.documentElement.clientWidth;
      const seen = '.dvc-chat__bar, .webchat__bubble, .webchat__suggested-actions__button, [data-id="webchat-sendbox-input"]';
      const outside = Array.from(document.querySelectorAll(seen))
        .filter((el) => { const box = el.getBoundingClientRect(); return box.left < 0 || box.right > width + 0.5; })
        .map((el) => el.className.toString());
      const scroller = document.querySelector('.webchat__basic-transcript__scrollable');
      return {
        width,
        pageScrollWidth: document.documentElement.scrollWidth,
        transcriptOverflow: scroller ? scroller.scrollWidth - scroller.clientWidth : -1,
        seen: document.querySelectorAll(seen).length,
        outside,
      };
    });
    expect(layout.width).toBe(375);
    expect(layout.pageScrollWidth).toBeLessThanOrEqual(375);
    expect(layout.transcriptOverflow).toBe(0);
    expect(layout.seen).toBeGreaterThan(5);
    expect(layout.outside).toEqual([]);
    await phone.close();
  });
});
