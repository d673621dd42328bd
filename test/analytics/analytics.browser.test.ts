import { jest } from '@jest/globals';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { loadConfig } from '../../src/config.js';
import { loadKnowledgeBase } from '../../src/knowledge/knowledge-base.js';
import { launchBrowser } from '../helpers/browser.js';
import { call, startTestApp, type TestApp } from '../helpers/test-app.js';
import { BOT_MESSAGE, ask, cspViolations, nextBotMessage, recordCspViolations, waitForChat } from '../helpers/webchat-page.js';

// In headless Chromium: a citizen votes with Web Chat's own thumbs on the chat page, and staff
// open the "Thống kê" tab of /admin and see charts of what that conversation made, on a laptop
// and on a phone, under the pages' Content-Security-Policy.

jest.setTimeout(90_000);

const ADMIN = 'analytics-browser-admin';
const knowledge = loadKnowledgeBase(loadConfig({}).KNOWLEDGE_DIR);
const names = ['cap-the-can-cuoc', 'doi-giay-phep-lai-xe'].map((id) => knowledge.get(id)!.name);
let t: TestApp;
let browser: Browser;
let context: BrowserContext;
const pageErrors: string[] = [];

beforeAll(async () => {
  const app = startTestApp({ ADMIN_TOKEN: ADMIN });
  browser = await launchBrowser().catch(async (err: unknown) => { await (await app).close(); throw err; });
  t = await app;
  context = await browser.newContext({ locale: 'vi-VN' });
  await recordCspViolations(context);
}, 60_000);

afterAll(async () => {
  await browser?.close();
  await t?.close();
});

const figures = async () => {
  const today = t.app.analytics.today();
  return (await call('GET', `${t.url}/api/admin/analytics?from=${today}&to=${today}`, { token: ADMIN })).body;
};

async function until<T>(read: () => Promise<T>, ok: (value: T) => boolean): Promise<T> {
  for (let i = 0; i < 100; i++) {
    const value = await read();
    if (ok(value)) return value;
    await new Promise((r) => setTimeout(r, 100));
  }
  return read();
}

function watch(page: Page): void {
  page.on('pageerror', (err) => pageErrors.push(err.message));
  page.on('console', (msg) => { if (msg.type() === 'error') pageErrors.push(msg.text()); });
}

describe('thumbs on the chat page', () => {
  let page: Page;

  it('shows thumbs on answers about a procedure only, and counts a vote', async () => {
    page = await context.newPage();
    watch(page);
    await page.goto(`${t.url}/`);
    await waitForChat(page);
    // The greeting is about no procedure: no thumbs.
    expect(await page.getByRole('button', { name: 'Câu trả lời hữu ích' }).count()).toBe(0);
    await ask(page, 'làm căn cước lần đầu cần gì');
    const up = page.getByRole('button', { name: 'Câu trả lời hữu ích' });
    await up.first().waitFor();
    expect(await up.count()).toBe(1);
    expect(await page.getByRole('button', { name: 'Câu trả lời chưa hữu ích' }).count()).toBe(1);
    if (process.env.SCREENSHOT_DIR) await page.screenshot({ path: `${process.env.SCREENSHOT_DIR}/chat-answer.png` });
    const messagesBefore = await page.locator(BOT_MESSAGE).count();
    await up.click();
    const after = await until(figures, (f) => f.feedback.up === 1);
    expect(after.feedback).toEqual({ up: 1, down: 0 });
    expect(await up.getAttribute('aria-pressed')).toBe('true');
    // A thumbs up is counted silently: no new message, and the vote itself is not shown.
    expect(await page.locator(BOT_MESSAGE).count()).toBe(messagesBefore);
  });

  it('asks why after a thumbs down, and takes the reason from a button', async () => {
    await ask(page, 'đổi bằng lái hết bao nhiêu tiền');
    const down = page.getByRole('button', { name: 'Câu trả lời chưa hữu ích' });
    await down.nth(1).waitFor();
    const question = await nextBotMessage(page, () => down.nth(1).click());
    expect(question).toMatch(/chưa tốt ở điểm nào/);
    // Every answer about a procedure keeps its thumbs, also once newer messages came.
    expect(await down.count()).toBe(2);
    const reason = page.locator('.webchat__suggested-actions').getByRole('button', { name: 'Khó hiểu', exact: true });
    const thanks = await nextBotMessage(page, () => reason.click());
    expect(thanks).toMatch(/Cảm ơn bạn đã góp ý/);
    if (process.env.SCREENSHOT_DIR) await page.screenshot({ path: `${process.env.SCREENSHOT_DIR}/chat-thumbs.png` });
    const after = await until(figures, (f) => f.feedback.down === 1 && f.reasons['hard-to-understand'] === 1);
    expect(after).toMatchObject({ feedback: { up: 1, down: 1 }, reasons: { 'hard-to-understand': 1 }, conversations: 1, messages: 2 });
    await ask(page, 'hôm nay trời có mưa không');
    expect(await cspViolations(page)).toEqual([]);
  });
});

describe('the Thống kê tab of /admin', () => {
  async function openTab(page: Page): Promise<void> {
    watch(page);
    await page.goto(`${t.url}/admin#analytics`);
    await page.fill('#token', ADMIN);
    await page.click('#sign-in-form button[type=submit]');
    await page.waitForSelector('#tab-analytics:not([hidden]) #chart-days');
    // Chart.js has drawn on every canvas of the data it has.
    await page.waitForFunction(() => Array.from(document.querySelectorAll('#stats canvas'))
      .every((c) => (window as unknown as { Chart: { getChart(c: Element): unknown } }).Chart.getChart(c)));
  }

  it('draws charts of the conversation it was given, with the figures beside them', async () => {
    const page = await context.newPage();
    await page.setViewportSize({ width: 1366, height: 900 });
    await openTab(page);
    expect(await page.textContent('#stat-conversations')).toBe('1');
    expect(await page.textContent('#stat-satisfaction')).toMatch(/^50,0\s?%$/);
    expect(await page.locator('#stats canvas').count()).toBe(6);
    const drawn = await page.evaluate(() => {
      const chart = (id: string) => (window as unknown as { Chart: { getChart(c: Element): { data: { labels: string[]; datasets: Array<{ data: unknown[] }> } } } })
        .Chart.getChart(document.getElementById(id)!)!;
      const today = chart('chart-days');
      return {
        messagesToday: today.data.datasets[1]!.data.at(-1),
        days: today.data.labels.length,
        procedures: chart('chart-procedures').data.labels,
        procedureCounts: chart('chart-procedures').data.datasets[0]!.data,
        // Something was painted: the canvas is not blank.
        painted: (document.getElementById('chart-procedures') as HTMLCanvasElement).getContext('2d')!
          .getImageData(0, 0, 300, 150).data.some((v, i) => i % 4 === 3 && v > 0),
      };
    });
    expect(drawn).toMatchObject({ messagesToday: 3, days: 30, procedureCounts: [1, 1], painted: true });
    expect(await page.textContent('#stat-understood')).toMatch(/^66,7\s?%$/);
    expect([...drawn.procedures].sort()).toEqual([...names].sort());
    await page.click('#chart-procedures-panel summary');
    const table = await page.locator('#chart-procedures-panel table').innerText();
    for (const name of names) expect(table).toContain(name);
    // SCREENSHOT_DIR=/tmp/x keeps a picture of the tab to look at.
    if (process.env.SCREENSHOT_DIR) await page.screenshot({ path: `${process.env.SCREENSHOT_DIR}/analytics-tab.png`, fullPage: true });
    expect(await cspViolations(page)).toEqual([]);
    expect(pageErrors).toEqual([]);
  });

  it('shows the thumbs down in the inbox, with the reason and the answer', async () => {
    const page = await context.newPage();
    await openTab(page);
    await page.click('a[data-tab=inbox]');
    const row = page.locator('#inbox-list > li', { hasText: 'đổi bằng lái hết bao nhiêu tiền' });
    await row.waitFor();
    expect(await row.locator('.voted-down').innerText()).toContain('lý do: Khó hiểu');
    await row.locator('.voted-down summary').click();
    // The answer the citizen got (about that procedure), as the bot wrote it.
    expect((await row.locator('.voted-down .answer').innerText()).toLowerCase()).toContain(names[1]!.toLowerCase());
  });

  it('shows the real-traffic figures of the serving model beside its cross-validated ones', async () => {
    const page = await context.newPage();
    await openTab(page);
    await page.click('a[data-tab=training]');
    await page.waitForSelector('#traffic-understood', { timeout: 60_000 });
    expect(await page.textContent('#traffic-understood')).toMatch(/^66,7\s?%$/);
    expect(await page.textContent('#traffic')).toContain('1 hữu ích, 1 chưa hữu ích');
  });

  it('fits a phone screen without sideways scrolling', async () => {
    const phone = await browser.newContext({ locale: 'vi-VN', viewport: { width: 390, height: 844 }, deviceScaleFactor: 2, isMobile: true, hasTouch: true });
    await recordCspViolations(phone);
    const page = await phone.newPage();
    await openTab(page);
    if (process.env.SCREENSHOT_DIR) await page.screenshot({ path: `${process.env.SCREENSHOT_DIR}/analytics-tab-phone.png`, fullPage: true });
    const widths = await page.evaluate(() => ({ page: document.documentElement.scrollWidth, screen: window.innerWidth, chart: document.getElementById('chart-days')!.getBoundingClientRect().width }));
    expect(widths.page).toBeLessThanOrEqual(widths.screen);
    expect(widths.chart).toBeGreaterThan(250);
    expect(await cspViolations(page)).toEqual([]);
    await phone.close();
  });

  it('downloads the figures as CSV', async () => {
    const page = await context.newPage();
    await openTab(page);
    const [download] = await Promise.all([page.waitForEvent('download'), page.click('#stats-csv')]);
    expect(download.suggestedFilename()).toMatch(/^thong-ke-\d{4}-\d{2}-\d{2}-\d{4}-\d{2}-\d{2}\.csv$/);
    const stream = await download.createReadStream();
    let text = '';
    for await (const chunk of stream) text += String(chunk);
    expect(text.split('\n')[0]).toMatch(/^date,conversations,messages/);
  });
});
