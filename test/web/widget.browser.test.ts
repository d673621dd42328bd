import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { jest } from '@jest/globals';
import type { Browser, BrowserContext, Frame, Page } from 'playwright-core';
import { loadConfig } from '../../src/config.js';
import { loadKnowledgeBase } from '../../src/knowledge/knowledge-base.js';
import { launchBrowser } from '../helpers/browser.js';
import { startTestApp, type TestApp } from '../helpers/test-app.js';
import { SEND_BOX, ask, botMessages, cspViolations, recordCspViolations, waitForChat } from '../helpers/webchat-page.js';

// The one-line embed on somebody else's page: a plain page on another origin, with a strict
// Content-Security-Policy of its own that allows only the assistant's script and frame.

jest.setTimeout(60_000);

const documentNames = (loadKnowledgeBase(loadConfig({}).KNOWLEDGE_DIR).get('cap-the-can-cuoc')?.cases ?? [])
  .flatMap((c) => c.documents.map((d) => d.name));

let t: TestApp;
let host: http.Server;
let hostUrl: string;
let browser: Browser;
let context: BrowserContext;
let page: Page;

/** A page of another site that pastes the snippet (twice, as happens with templates). */
function hostPage(appUrl: string): string {
  return `<!doctype html>
<html lang="vi"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1">
<title>UBND phường — trang thử</title></head>
<body><h1>Trang của một cơ quan</h1><p>Nội dung trang.</p><a href="#top">Liên kết</a>
<script src="${appUrl}/widget.js" defer></script>
<script src="${appUrl}/widget.js" defer></script>
</body></html>`;
}

beforeAll(async () => {
  // Both start at once; without Chromium the server is closed again and the tests fail loudly.
  const app = startTestApp();
  browser = await launchBrowser().catch(async (err: unknown) => { await (await app).close(); throw err; });
  t = await app;
  host = http.createServer((_req, res) => {
    res.writeHead(200, {
      'content-type': 'text/html; charset=utf-8',
      'content-security-policy': `default-src 'self'; script-src ${t.url}; frame-src ${t.url}; style-src 'self'`,
    });
    res.end(hostPage(t.url));
  });
  await new Promise<void>((resolve) => host.listen(0, '127.0.0.1', () => resolve()));
  hostUrl = `http://127.0.0.1:${(host.address() as AddressInfo).port}/`;
  context = await browser.newContext({ locale: 'vi-VN' });
  await recordCspViolations(context);
  page = await context.newPage();
}, 60_000);

afterAll(async () => {
  await browser?.close();
  await new Promise((resolve) => (host ? host.close(resolve) : resolve(undefined)));
  await t?.close();
});

const launcher = (p: Page) => p.locator('#dvc-chat-widget button.launcher');
const panel = (p: Page) => p.locator('#dvc-chat-widget .panel');

async function chatFrame(p: Page): Promise<Frame> {
  const frame = await p.locator('#dvc-chat-widget iframe').elementHandle().then((h) => h?.contentFrame());
  if (!frame) throw new Error('the widget has no chat frame');
  return frame;
}

describe('the widget embedded with one line on another site', () => {
  it('adds one chat button and loads no chat until it is clicked', async () => {
    await page.goto(hostUrl);
    await launcher(page).waitFor();
    expect(await page.locator('#dvc-chat-widget').count()).toBe(1);
    expect(await launcher(page).getAttribute('aria-label')).toBe('Mở trợ lý ảo dịch vụ công');
    expect(await launcher(page).getAttribute('aria-expanded')).toBe('false');
    expect(await page.locator('#dvc-chat-widget iframe').count()).toBe(0);
    expect(await page.evaluate(() => 'WebChat' in window)).toBe(false);
  });

  it('opens the chat panel on a click, with the cursor in the send box, and chats', async () => {
    await launcher(page).click();
    expect(await panel(page).isVisible()).toBe(true);
    expect(await launcher(page).getAttribute('aria-expanded')).toBe('true');
    const frame = await chatFrame(page);
    // The frame exists as soon as the panel opens; on a busy machine it may not have navigated yet.
    await frame.waitForURL(`${t.url}/embed`);
    await waitForChat(frame);
    await frame.waitForFunction((selector) => document.activeElement?.matches(selector), SEND_BOX);
    const reply = await ask(frame, 'làm căn cước lần đầu cho con 15 tuổi cần gì');
    expect(documentNames.some((name) => reply.includes(name))).toBe(true);
  });

  it('closes on Escape and on its close button, giving the focus back to the chat button', async () => {
    const frame = await chatFrame(page);
    await frame.locator(SEND_BOX).press('Escape');
    await panel(page).waitFor({ state: 'hidden' });
    expect(await page.evaluate(() => document.getElementById('dvc-chat-widget')?.shadowRoot?.activeElement?.className)).toBe('launcher');

    await launcher(page).click();
    await frame.getByRole('button', { name: 'Đóng trợ lý ảo' }).click();
    await panel(page).waitFor({ state: 'hidden' });
    expect(await launcher(page).getAttribute('aria-expanded')).toBe('false');
  });

  it('continues the conversation after the host page reloads', async () => {
    await launcher(page).click();
    const before = await botMessages(await chatFrame(page));
    expect(before.length).toBe(2);

    await page.reload();
    await launcher(page).click();
    const frame = await chatFrame(page);
    expect(await waitForChat(frame, before.length)).toEqual(before);
  });

  it('passes the host page\'s strict Content-Security-Policy, and its own', async () => {
    expect(await cspViolations(page)).toEqual([]);
    expect(await cspViolations(await chatFrame(page))).toEqual([]);
  });

  it('fills a phone screen when open, without horizontal scrolling', async () => {
    const phone = await browser.newContext({ viewport: { width: 375, height: 667 }, isMobile: true, hasTouch: true });
    const mobile = await phone.newPage();
    await mobile.goto(hostUrl);
    await launcher(mobile).click();
    await waitForChat(await chatFrame(mobile));
    const box = await mobile.locator('#dvc-chat-widget iframe').boundingBox();
    expect(box).toMatchObject({ x: 0, width: 375 });
    expect(box && box.y + box.height).toBeLessThanOrEqual(667);
    expect(await mobile.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(375);
    await phone.close();
  });
});
