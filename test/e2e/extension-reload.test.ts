// The extension reloaded (an update) under an open compose: the old page's content script has lost its
// extension context. A send from it must neither hang nor leave silently unchecked, and the page keeps
// working: typing still lands, and our script throws nothing at the page.
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
  subjectOf,
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
  it('says it could not check, sends only when the person chooses to, and the page keeps working', async () => {
    const page = await openGmail(browser.context);
    // Every uncaught error and every console error in the page, from any script (ours runs in an isolated
    // world of the same page: its uncaught errors and unhandled rejections are reported here too).
    const errors: string[] = [];
    page.on('pageerror', (error) => errors.push(`pageerror: ${error.message}`));
    page.on('console', (message) => {
      if (message.type() === 'error') errors.push(`console: ${message.text()}`);
    });
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
    // The compose still takes typing: the old script's listeners must not swallow or break keys.
    await typeInto(page, bodyOf(compose, 'gmail'), ' Typed after the update.', { caret: 'end' });
    await expect
      // biome-ignore lint/performance/useDomNodeTextContent: the fixture sends what innerText shows.
      .poll(() => bodyOf(compose, 'gmail').evaluate((el) => (el as HTMLElement).innerText))
      .toContain('Customer Success Manager, Northwind Labs Typed after the update.');
    await subjectOf(compose, 'gmail').fill('Uptime after the update');
    expect(await subjectOf(compose, 'gmail').inputValue()).toBe('Uptime after the update');
    // A pause in typing after the reload: the old script's check cannot reach the worker; it must say so
    // on its chip rather than throw.
    const id = await compose.locator('input[name="composeid"]').inputValue();
    const chip = page.locator(`[data-preflight-root][data-compose-id="${id}"] [data-preflight-chip]`);
    await expect.poll(() => chip.getAttribute('data-state'), { timeout: 15_000 }).toBe('unavailable');
    expect(await chip.getAttribute('title')).toMatch(/reloaded/);
    await clickSend(page, compose);
    const dialog = page.locator('[data-preflight-dialog]');
    await expect
      .poll(() => dialog.getAttribute('data-preflight-dialog'), { timeout: 20_000 })
      .toBe('unavailable');
    expect(await dialog.textContent()).toContain('the extension was reloaded');
    expect(await sentLog(page)).toHaveLength(0);

    await page.locator('[data-preflight-action="send-unchecked"]').click();
    await waitForSends(page, 1, 10_000);
    const sent = await sentLog(page);
    expect(sent).toHaveLength(1);
    expect(sent[0]?.body).toContain('Typed after the update.');
    // Nothing thrown at the page, before or after the reload.
    expect(errors).toEqual([]);
    await page.close();
  });
});
