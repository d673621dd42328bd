import { cpSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { PROJECT_ROOT } from '../../src/config.js';
import { collectPageErrors, launchBrowser } from '../helpers/browser.js';
import { startTestApp, type TestApp } from '../helpers/test-app.js';
import { adminClient, askBot } from './admin-client.js';

// The "Thủ tục" tab in headless Chromium: find a procedure typed without diacritics, change a
// fee (the chat answers it at once), see a broken value refused beside its field, bring the
// original back from the history, and work through the procedures due for review.

const OLD = 'dang-ky-khai-tu';
const amounts = (text: string): string[] => [...text.matchAll(/\d{1,3}(?:\.\d{3})+/g)].map((m) => m[0]);
const feeAnswer = async (conversation: string): Promise<string> => String((await askBot(t.url, 'làm hộ chiếu hết bao nhiêu tiền', conversation))[0]?.text);

let dir: string;
let t: TestApp;
let browser: Browser;
let page: Page;
const pageErrors: string[] = [];

beforeAll(async () => {
  dir = mkdtempSync(path.join(tmpdir(), 'dvc-procedures-page-'));
  const knowledge = path.join(dir, 'knowledge');
  cpSync(path.join(PROJECT_ROOT, 'knowledge'), knowledge, { recursive: true });
  const file = path.join(knowledge, 'procedures', `${OLD}.yaml`);
  writeFileSync(file, readFileSync(file, 'utf8').replace(/^reviewedAt: .*$/m, 'reviewedAt: "2025-01-15"'));
  // A known passport fee to edit: the curated entry leaves it unset while Thông tư 28/2026/TT-BTC's rate is unverified.
  const passport = path.join(knowledge, 'procedures', 'cap-ho-chieu-pho-thong.yaml');
  writeFileSync(passport, readFileSync(passport, 'utf8').replace(/amount: null/, 'amount: 200000'));
  t = await startTestApp({ KNOWLEDGE_DIR: knowledge });
  browser = await launchBrowser();
  page = await browser.newPage();
  collectPageErrors(page, pageErrors);
});
afterAll(async () => {
  await browser?.close();
  await t?.close();
  rmSync(dir, { recursive: true, force: true });
});

describe('the Thủ tục tab', () => {
  it('finds a procedure typed without diacritics, saves a new fee, and the chat answers it at once', async () => {
    await page.goto(`${t.url}/admin#procedures`);
    await page.fill('#token', t.app.staffTokens.admin);
    await page.click('#sign-in-form button[type=submit]');
    await page.waitForSelector('#procedure-results li');
    expect(await page.textContent('#stale-count')).toBe('1');
    await page.fill('#procedure-officer', 'Trần Thị Mai');
    await page.dispatchEvent('#procedure-officer', 'change');
    await page.fill('#procedure-search', 'ho chieu');
    await page.press('#procedure-search', 'Enter');
    await page.click('#procedure-results button:has-text("Cấp hộ chiếu phổ thông")');
    await page.waitForSelector('#procedure-editor h3:has-text("Cấp hộ chiếu phổ thông")');
    // Every field of the procedure has its editor, the cases' fees included.
    for (const id of ['#pf-name', '#pf-aliases', '#pf-cases-0-documents-0-name', '#pf-cases-0-fees-0-amount', '#pf-cases-0-duration', '#pf-submitAt', '#pf-online-availability', '#pf-steps', '#pf-legalBasis', '#pf-sources', '#pf-caveats']) {
      expect({ id, visible: await page.isVisible(id) }).toEqual({ id, visible: true });
    }
    expect(await page.inputValue('#pf-cases-0-fees-0-amount')).toBe('200000');
    expect(amounts(await feeAnswer('page-fee-1'))[0]).toBe('200.000');

    await page.fill('#pf-cases-0-fees-0-amount', '250000');
    await page.click('#procedure-form button[type=submit]');
    await page.waitForSelector('#notice:has-text("Đã lưu phiên bản 1")');
    expect(amounts(await feeAnswer('page-fee-2'))[0]).toBe('250.000');
    await page.waitForSelector('#procedure-history tbody tr[data-version="1"]:has-text("Trần Thị Mai")');
    expect(await page.textContent('#procedure-history tbody tr[data-version="1"]')).toContain('Trường hợp');
  }, 60_000);

  it('shows what is wrong beside the field at fault, and saves nothing', async () => {
    await page.fill('#pf-cases-0-fees-0-amount', '-5');
    await page.fill('#pf-name', '');
    await page.click('#procedure-form button[type=submit]');
    await page.waitForSelector('#notice:has-text("Chưa lưu")');
    expect(await page.textContent('[data-error-for="cases.0.fees.0.amount"]')).toMatch(/greater than or equal to 0/);
    expect(await page.textContent('[data-error-for="name"]')).toMatch(/must not be empty/);
    expect(await page.textContent('[data-error-for="steps"]')).toBe('');
    const kept = await adminClient(t).get('/api/admin/procedures/cap-ho-chieu-pho-thong');
    expect(kept.body).toMatchObject({ name: 'Cấp hộ chiếu phổ thông' });
    expect(kept.body.cases[0].fees[0].amount).toBe(250_000);
  });

  it('brings the original back from the history', async () => {
    await page.click('#procedure-history tbody tr[data-version="0"] button:has-text("Khôi phục")');
    await page.waitForSelector('#notice:has-text("Đã khôi phục bản 0")');
    await page.waitForSelector('#procedure-history tbody tr[data-version="2"]:has-text("đang dùng")');
    expect(await page.inputValue('#pf-cases-0-fees-0-amount')).toBe('200000');
    expect(await page.inputValue('#pf-name')).toBe('Cấp hộ chiếu phổ thông');
    expect(amounts(await feeAnswer('page-fee-3'))[0]).toBe('200.000');
  });

  it('lists the procedures due for review with the reason, and takes one off once saved as reviewed', async () => {
    await page.fill('#procedure-search', '');
    await page.check('#procedure-stale');
    const row = page.locator('#procedure-results > li', { hasText: 'Đăng ký khai tử' });
    await row.waitFor();
    expect(await row.textContent()).toContain('Chưa rà soát từ 2025-01-15; đến hạn rà soát ngày 2025-07-15.');
    expect(await page.locator('#procedure-results > li').count()).toBe(1);
    await row.locator('button').click();
    await page.waitForSelector('#procedure-editor h3:has-text("Đăng ký khai tử")');
    await page.check('#procedure-reviewed');
    await page.click('#procedure-form button[type=submit]');
    await page.waitForSelector('#notice:has-text("Đã lưu phiên bản 1")');
    await page.waitForSelector('#procedure-results li:has-text("Không có thủ tục nào cần rà soát.")');
    expect(await page.textContent('#stale-count')).toBe('');
    const today = new Date(Date.now() + 7 * 3600_000).toISOString().slice(0, 10);
    expect((await adminClient(t).get(`/api/admin/procedures/${OLD}`)).body.reviewedAt).toBe(today);
    expect(pageErrors).toEqual([]);
  }, 60_000);
});
