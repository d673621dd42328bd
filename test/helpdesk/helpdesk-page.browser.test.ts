import path from 'node:path';
import { jest } from '@jest/globals';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { loadConfig } from '../../src/config.js';
import { loadReplies } from '../../src/answers/replies.js';
import { collectPageErrors, launchBrowser } from '../helpers/browser.js';
import { startTestApp, type TestApp } from '../helpers/test-app.js';
import { SEND_BOX, ask, cspViolations, recordCspViolations, waitForBotMessages, waitForChat, botMessages } from '../helpers/webchat-page.js';

// The help-desk console in headless Chromium beside a citizen's web chat, both against the real
// server: the citizen asks for an officer over Direct Line, the ticket appears in the officer's
// queue without a reload, the officer replies from the page and the citizen's chat shows it,
// the citizen's next message reaches the officer's screen while the assistant stays quiet, and
// once handed back the assistant answers the next question in context.

jest.setTimeout(90_000);

const TOKEN = 'helpdesk-page-token';
const OFFICER = 'Nguyễn Thị Lan';
const replies = loadReplies(path.join(loadConfig({}).INTENTS_DIR, 'responses', 'vi.yaml'));
const opening = (id: string) => replies.say(id).split('{')[0]!;

let t: TestApp;
let browser: Browser;
let officerContext: BrowserContext;
let citizenContext: BrowserContext;
let desk: Page;
let chat: Page;
const pageErrors: string[] = [];

beforeAll(async () => {
  const app = startTestApp({ HELPDESK_TOKEN: TOKEN });
  browser = await launchBrowser().catch(async (err: unknown) => { await (await app).close(); throw err; });
  t = await app;
  officerContext = await browser.newContext({ locale: 'vi-VN' });
  citizenContext = await browser.newContext({ locale: 'vi-VN' });
  await recordCspViolations(officerContext);
  desk = await officerContext.newPage();
  chat = await citizenContext.newPage();
  collectPageErrors(desk, pageErrors);
}, 60_000);

afterAll(async () => {
  await browser?.close();
  await t?.close();
});

/** Types into the citizen's chat and presses Enter, without waiting for an answer. */
async function citizenTypes(text: string): Promise<void> {
  await chat.locator(SEND_BOX).fill(text);
  await chat.locator(SEND_BOX).press('Enter');
}

describe('the help-desk console', () => {
  let code = '';

  it('refuses the admin token, then signs the officer in with a name and an empty queue', async () => {
    await desk.goto(`${t.url}/helpdesk`);
    await desk.fill('#officer', OFFICER);
    await desk.fill('#token', t.app.staffTokens.admin);
    await desk.click('#sign-in-form button[type=submit]');
    await desk.waitForSelector('#sign-in-error:has-text("Mã truy cập không đúng")');
    await desk.fill('#token', TOKEN);
    await desk.click('#sign-in-form button[type=submit]');
    await desk.waitForSelector('#queue li.empty');
    await desk.waitForSelector('#live.on');
    expect(await desk.textContent('#who')).toContain(OFFICER);
  });

  it('shows a citizen\'s request in the queue without a reload, with the procedure and the last message', async () => {
    await chat.goto(`${t.url}/`);
    await waitForChat(chat);
    await ask(chat, 'làm căn cước lần đầu cần gì');
    const handoff = await ask(chat, 'cho tôi gặp cán bộ');
    code = /HT-[A-Z0-9]{6}/.exec(handoff)?.[0] ?? '';
    expect(code).not.toBe('');
    const row = desk.locator(`#queue li[data-code="${code}"]`);
    await row.waitFor({ timeout: 10_000 });
    const text = await row.innerText();
    expect(text).toMatch(/căn cước/i);
    expect(text).toContain('cho tôi gặp cán bộ');
    expect(text).toContain('Chưa ai nhận');
    expect(await desk.textContent('#queue-count')).toBe('1');
  });

  it('opens the ticket with the masked transcript and what the assistant understood', async () => {
    await desk.locator(`#queue li[data-code="${code}"] > button`).click();
    await desk.waitForSelector(`#ticket h2:has-text("${code}")`);
    const transcript = await desk.locator('#transcript').innerText();
    expect(transcript).toContain('làm căn cước lần đầu cần gì');
    expect(transcript).toMatch(/Trợ lý hiểu: Giấy tờ cần chuẩn bị \(procedure\.documents\) · .*căn cước/i);
    expect(await desk.locator('.ready button').count()).toBeGreaterThan(0);
  });

  it('sends the officer\'s reply with Enter; it reaches the citizen\'s chat at once', async () => {
    const before = (await botMessages(chat)).length;
    await desk.fill('#reply-text', 'Chào bạn, thẻ căn cước cấp lần đầu không mất lệ phí.');
    await desk.press('#reply-text', 'Enter');
    await desk.waitForSelector('#notice:has-text("Đã gửi tới khung chat")');
    await desk.waitForSelector('#ticket-state:has-text("Bạn đang xử lý")');
    const messages = await waitForBotMessages(chat, before + 2);
    expect(messages.slice(before).join('\n')).toContain('Chào bạn, thẻ căn cước cấp lần đầu không mất lệ phí.');
    expect(messages.slice(before).join('\n')).toContain(`${OFFICER} đã nhận yêu cầu`);
    expect(await desk.locator(`#queue li[data-code="${code}"]`).innerText()).toContain('Bạn đang xử lý');
  });

  it('shows a second officer who holds the ticket, and tells them so when they try to answer', async () => {
    const other = await officerContext.browser()!.newContext({ locale: 'vi-VN' });
    try {
      const page = await other.newPage();
      await page.goto(`${t.url}/helpdesk`);
      await page.fill('#officer', 'Trần Văn Bình');
      await page.fill('#token', TOKEN);
      await page.click('#sign-in-form button[type=submit]');
      const row = page.locator(`#queue li[data-code="${code}"]`);
      expect(await row.innerText()).toContain(`${OFFICER} đang xử lý`);
      await row.locator('button').click();
      await page.waitForSelector(`#ticket-state:has-text("Cán bộ ${OFFICER} đang xử lý")`);
      expect(await page.isDisabled('#claim')).toBe(true);
      await page.fill('#reply-text', 'Tôi trả lời thay nhé');
      await page.press('#reply-text', 'Enter');
      await page.waitForSelector(`#notice:has-text("Yêu cầu này đang do cán bộ ${OFFICER} xử lý.")`);
    } finally {
      await other.close();
    }
  });

  it('shows the citizen\'s next message on the officer\'s screen while the assistant stays quiet', async () => {
    const before = (await botMessages(chat)).length;
    await citizenTypes('cảm ơn, cho tôi hỏi thêm về nơi làm');
    await desk.waitForSelector('#transcript li.citizen:has-text("cho tôi hỏi thêm về nơi làm")', { timeout: 10_000 });
    await chat.waitForTimeout(1500);
    expect((await botMessages(chat)).length).toBe(before);
  });

  it('hands the conversation back: the assistant answers the next question in context', async () => {
    const before = (await botMessages(chat)).length;
    await desk.click('#hand-back');
    await desk.waitForSelector('#notice:has-text("Đã trả cuộc trò chuyện lại cho trợ lý")');
    await desk.waitForSelector(`#queue li[data-code="${code}"]`, { state: 'detached' });
    const note = await waitForBotMessages(chat, before + 1);
    expect(note.at(-1)).toContain(opening('handoffHandedBack').trim());
    const answer = await ask(chat, 'lệ phí bao nhiêu?');
    expect(answer).toMatch(/căn cước/i);
    expect(pageErrors).toEqual([]);
    expect(await cspViolations(desk)).toEqual([]);
  });

  it('looks up a dossier typed in lower case with spaces, with its status, overdue days and history', async () => {
    await desk.click('a[data-tab=dossier]');
    await desk.fill('#dossier-code', '000.00.16.h17 - 261105 - 0007');
    await desk.press('#dossier-code', 'Enter');
    await desk.waitForSelector('#dossier-result h3:has-text("000.00.16.H17-261105-0007")');
    const text = await desk.locator('#dossier-result').innerText();
    expect(text).toContain('Đã trả kết quả');
    expect(text).toContain('Bộ phận một cửa');
    expect(text).not.toContain('0905123456');
    expect(await desk.locator('#dossier-result tbody tr').count()).toBe(4);
  });

  it('lists overdue dossiers, sorts them by a column, and exports the list as CSV', async () => {
    await desk.click('a[data-tab=overdue]');
    await desk.waitForSelector('#overdue-table tbody tr');
    const codes = () => desk.locator('#overdue-table tbody tr td:first-child').allInnerTexts();
    await desk.click('#overdue-table th button[data-sort=code]');
    await desk.waitForSelector('#overdue-table th[aria-sort=ascending] button[data-sort=code]');
    const ascending = await codes();
    expect(ascending).toEqual([...ascending].sort());
    const download = desk.waitForEvent('download');
    await desk.click('#overdue-csv');
    expect((await download).suggestedFilename()).toMatch(/^ho-so-qua-han-.*\.csv$/);
  });

  it('keeps the token and the name for the tab only', async () => {
    expect(await desk.evaluate(() => sessionStorage.getItem('dvc-helpdesk-officer'))).toBe(OFFICER);
    expect(await desk.evaluate(() => localStorage.length)).toBe(0);
    await desk.click('#sign-out');
    expect(await desk.evaluate(() => sessionStorage.getItem('dvc-helpdesk-token'))).toBeNull();
    expect(await desk.inputValue('#officer')).toBe(OFFICER);
  });
});
