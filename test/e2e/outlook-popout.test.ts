// An Outlook compose opened in its own window: found under Form_Content and checked like any other.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type Browser, launchBrowser, typeInto } from './harness.ts';

const root = new URL('../..', import.meta.url).pathname;
const POPOUT = readFileSync(join(root, 'test/fixtures/outlook-popout-2026-11.html'), 'utf8');
let browser: Browser;

beforeAll(async () => {
  browser = await launchBrowser({ extensionDir: join(root, 'dist/chrome') });
  await browser.context.route('https://outlook.office.com/**', (route) =>
    route.request().resourceType() === 'document'
      ? route.fulfill({ status: 200, contentType: 'text/html; charset=utf-8', body: POPOUT })
      : route.fulfill({ status: 404, body: '' }),
  );
  await browser.context.route(/^https?:\/\/(?!outlook\.office\.com\/)/, (route) => route.abort());
});
afterAll(async () => {
  await browser?.close();
});

describe('Outlook pop-out compose', () => {
  it('is found under Form_Content and checked as the person types', async () => {
    const page = await browser.context.newPage();
    await page.goto('https://outlook.office.com/mail/deeplink/compose?popoutv2=1');
    const host = page.locator('[data-preflight-root] [data-preflight-chip]');
    await expect.poll(() => host.count(), { timeout: 15_000 }).toBe(1);
    await expect
      .poll(async () => Number(await host.getAttribute('data-blocking')), { timeout: 15_000 })
      .toBeGreaterThan(0);
    const before = Number(await host.getAttribute('data-blocking'));
    const editor = page.locator(
      '[data-app-section="Form_Content"] [contenteditable="true"][aria-multiline="true"]',
    );
    await typeInto(page, editor, 'Your rollout is risk-free. ', { caret: 'start' });
    await expect
      .poll(async () => Number(await host.getAttribute('data-blocking')), { timeout: 15_000 })
      .toBe(before + 1);
    expect(await page.locator('[data-preflight-finding]').count()).toBeGreaterThanOrEqual(before + 1);
    await page.close();
  });
});
