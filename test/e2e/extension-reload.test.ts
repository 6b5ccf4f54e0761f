// The extension reloaded (an update) under an open compose: the old page's content script has lost its
// extension context. A send from it must neither hang nor leave silently unchecked.
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  addRecipient,
  type Browser,
  bodyOf,
  clickSend,
  gmailNewMessages,
  launchBrowser,
  openGmail,
  routeMailHosts,
  sentLog,
  typeInto,
  waitForSends,
} from './harness.ts';

const root = new URL('../..', import.meta.url).pathname;
let browser: Browser;

beforeAll(async () => {
  browser = await launchBrowser({ extensionDir: join(root, 'dist/chrome') });
  await routeMailHosts(browser.context, { csp: 'gmail-strict' });
});
afterAll(async () => {
  await browser?.close();
});

type ExtensionPageGlobals = { chrome: { runtime: { reload(): void } } };

describe('after the extension is reloaded under an open compose', () => {
  it('says it could not check, and sends only when the person chooses to', async () => {
    const page = await openGmail(browser.context);
    const compose = gmailNewMessages(page).first();
    await addRecipient(page, compose, 'to', 'dana@contoso-health.example');
    await typeInto(page, bodyOf(compose, 'gmail'), 'Hi Dana,\nWe guarantee 100% uptime for [Customer Name].');
    const blocking = () =>
      page
        .locator('[data-preflight-chip]')
        .evaluateAll((chips) => Math.max(0, ...chips.map((c) => Number(c.getAttribute('data-blocking')))));
    await expect.poll(blocking, { timeout: 15_000 }).toBeGreaterThan(0);

    // Reload the extension from one of its own pages, as an update does.
    const extensionPage = await browser.context.newPage();
    await extensionPage.goto(`chrome-extension://${browser.extensionId}/manifest.json`);
    await extensionPage
      .evaluate(() => (globalThis as unknown as ExtensionPageGlobals).chrome.runtime.reload())
      .catch(() => undefined);
    // The old content script keeps running in the page, its extension context gone.
    await page.waitForTimeout(1_500);

    await page.bringToFront();
    await clickSend(page, compose);
    const dialog = page.locator('[data-preflight-dialog]');
    await expect
      .poll(() => dialog.getAttribute('data-preflight-dialog'), { timeout: 20_000 })
      .toBe('unavailable');
    expect(await sentLog(page)).toHaveLength(0);

    await page.locator('[data-preflight-action="send-unchecked"]').click();
    await waitForSends(page, 1, 10_000);
    expect(await sentLog(page)).toHaveLength(1);
    await page.close();
  });
});
