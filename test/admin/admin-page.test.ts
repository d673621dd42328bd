import type { Browser, Page } from 'playwright-core';
import { collectPageErrors, launchBrowser } from '../helpers/browser.js';
import { startTestApp, type TestApp } from '../helpers/test-app.js';
import { adminClient, askBot, parse } from './admin-client.js';

// The staff page in headless Chromium: sign in, label a misunderstood question, dismiss
// another from the keyboard, retrain, and read the report.

const QUESTION = 'con tôi vừa lọt lòng, xin cái giấy chứng nhận ở đâu';
const JUNK = 'hàng xóm xây nhà lấn sang đất nhà tôi';

let t: TestApp;
let browser: Browser;
let page: Page;
const pageErrors: string[] = [];

beforeAll(async () => {
  t = await startTestApp();
  browser = await launchBrowser();
  page = await browser.newPage();
  collectPageErrors(page, pageErrors);
});
afterAll(async () => {
  await browser?.close();
  await t.close();
});

describe('the staff page', () => {
  it('refuses a wrong token and says so', async () => {
    await page.goto(`${t.url}/admin`);
    await page.fill('#token', 'wrong');
    await page.click('#sign-in-form button[type=submit]');
    await page.waitForSelector('#sign-in-error:has-text("Mã truy cập không đúng")');
    expect(await page.isHidden('#workspace')).toBe(true);
  });

  it('signs in, labels a question, dismisses another from the keyboard, retrains and shows the report', async () => {
    await askBot(t.url, JUNK, 'conv-page-1');
    await askBot(t.url, QUESTION, 'conv-page-2');
    await page.fill('#token', t.app.staffTokens.admin);
    await page.click('#sign-in-form button[type=submit]');
    const row = page.locator('#inbox-list > li', { hasText: QUESTION });
    await row.waitFor();
    expect(await page.textContent('#inbox-count')).toBe('2');
    // Newest first: the question is the first row, the junk the second.
    expect(await page.locator('#inbox-list > li').first().textContent()).toContain(QUESTION);

    await row.locator('select[name=intent]').selectOption('procedure.location');
    await row.locator('input[name=procedure]').fill('dang-ky-khai-sinh');
    await row.locator('button[data-action=label]').click();
    await page.waitForSelector('#notice:has-text("Đã gán nhãn")');
    await row.waitFor({ state: 'detached' });

    // The junk row is now first: j focuses it, x dismisses it.
    await page.locator('body').click();
    await page.keyboard.press('j');
    await page.keyboard.press('x');
    await page.waitForSelector('#notice:has-text("Đã bỏ qua")');
    expect(await page.locator('#inbox-list > li', { hasText: JUNK }).count()).toBe(0);

    await page.click('a[data-tab=training]');
    await page.waitForSelector('#per-intent tbody tr');
    await page.click('#retrain');
    await page.waitForSelector('#train-result:has-text("Đã huấn luyện và áp dụng")', { timeout: 90_000 });
    expect(await page.isHidden('#train-progress')).toBe(true);
    await page.waitForSelector('#report h3:has-text("đang chạy")');
    expect(await page.locator('#per-intent tbody tr').count()).toBeGreaterThanOrEqual(14);
    expect(await page.locator('table.heatmap').count()).toBe(2);
    expect(await page.textContent('#intent-accuracy')).toMatch(/%/);
    expect(await page.textContent('#serving')).toMatch(/Mô hình đang chạy/);

    expect(await parse(t.url, QUESTION)).toMatchObject({ intent: 'procedure.location', procedure: 'dang-ky-khai-sinh' });
    const inbox = await adminClient(t).get('/api/admin/misunderstood?status=dismissed');
    expect(inbox.body.map((g: any) => g.text)).toEqual([JUNK]);
    expect(pageErrors).toEqual([]);
  }, 120_000);

  it('browses the utterances of an intent and creates a staff FAQ intent', async () => {
    await page.click('a[data-tab=intents]');
    await page.click('#intent-list button:has-text("procedure.fee")');
    await page.waitForSelector('#intent-detail table tbody tr');
    expect(await page.locator('#intent-detail tbody tr').count()).toBeGreaterThan(100);
    await page.fill('#intent-detail input[type=search]', 'bao nhieu tien');
    expect(await page.locator('#intent-detail tbody tr:visible').count()).toBeLessThan(100);

    await page.click('summary:has-text("Thêm ý định mới")');
    await page.fill('#faq-title', 'Giờ làm việc');
    await page.fill('#faq-answer', 'Từ 7 giờ 30 đến 17 giờ, thứ Hai đến thứ Sáu.');
    await page.fill('#faq-utterances', 'ubnd xã làm việc mấy giờ\ngiờ làm việc của xã');
    await page.click('#faq-form button[type=submit]');
    await page.waitForSelector('#notice:has-text("faq.gio-lam-viec")');
    await page.waitForSelector('#intent-detail h3:has-text("Giờ làm việc")');
    expect(await page.locator('#intent-detail tbody tr').count()).toBe(2);
  });

  it('keeps the token for the tab only, and signs out', async () => {
    expect(await page.evaluate(() => sessionStorage.getItem('dvc-admin-token'))).toBe(t.app.staffTokens.admin);
    expect(await page.evaluate(() => localStorage.length)).toBe(0);
    await page.click('#sign-out');
    expect(await page.evaluate(() => sessionStorage.getItem('dvc-admin-token'))).toBeNull();
    expect(await page.isVisible('#sign-in-form')).toBe(true);
  });
});
