// A recipient whose domain imitates an account's is held at Send, and the dialog's "Go to recipient" takes the
// person to that address in the To field (Gmail: its chip has focus; Outlook: it is selected in the well).
// Real Chromium, the built extension, on the mail fixtures.
import { join } from 'node:path';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  addRecipient,
  type Browser,
  bodyOf,
  clickSend,
  gmailNewMessages,
  launchBrowser,
  openGmail,
  openOutlook,
  outlookCompose,
  routeMailHosts,
  savePolicy,
  sentLog,
  typeInto,
} from './harness.ts';

const root = new URL('../..', import.meta.url).pathname;
const DIST = join(root, 'dist/chrome');
const SLOW = { timeout: 25_000 };
const POLICY = {
  version: 1,
  organization: { name: 'Northwind Labs', internalDomains: ['northwind-labs.example'] },
  accounts: [
    { id: 'initech', name: 'Initech', domains: ['initech.com'], contacts: ['dana@initech.com'] },
    { id: 'contoso', name: 'Contoso Health', domains: ['contoso-health.example'] },
  ],
};
const IMITATION = 'dana@inltech.com';
const BODY = 'Hi Dana, thanks for the call today about the rollout plan.';

let browser: Browser;

beforeAll(async () => {
  browser = await launchBrowser({ extensionDir: DIST });
  await routeMailHosts(browser.context);
  await savePolicy(browser, POLICY);
});
afterAll(async () => {
  await browser?.close();
});

const dialog = (page: Page) => page.locator('[data-preflight-dialog]');
const action = (page: Page, name: string) => page.locator(`[data-preflight-action="${name}"]`);

/** What the page's focus and selection point at: the text of the focused element, and the selected text. */
function focusedText(page: Page): Promise<{ focused: string; selected: string }> {
  return page.evaluate(() => ({
    focused: (document.activeElement as HTMLElement | null)?.innerText ?? '',
    selected: document.getSelection()?.toString() ?? '',
  }));
}

describe('a look-alike recipient', () => {
  it('Gmail: held at Send, and "Go to recipient" focuses that address', async () => {
    const page = await openGmail(browser.context);
    const compose = gmailNewMessages(page).first();
    await addRecipient(page, compose, 'to', IMITATION);
    await typeInto(page, bodyOf(compose, 'gmail'), BODY);
    await clickSend(page, compose);
    await expect.poll(() => dialog(page).count(), SLOW).toBe(1);
    await expect.poll(() => dialog(page).innerText(), SLOW).toContain('inltech.com');
    const goTo = action(page, 'go-to').filter({ hasText: 'Go to recipient' });
    await expect.poll(() => goTo.count(), SLOW).toBe(1);
    await goTo.click();
    await expect.poll(() => dialog(page).count(), SLOW).toBe(0);
    await expect.poll(async () => JSON.stringify(await focusedText(page)), SLOW).toContain('inltech');
    expect(await sentLog(page)).toEqual([]);
    await page.close();
  });

  it('Outlook: held at Send, and "Go to recipient" selects that address', async () => {
    const page = await openOutlook(browser.context);
    const compose = outlookCompose(page);
    await addRecipient(page, compose, 'to', IMITATION);
    await typeInto(page, bodyOf(compose, 'outlook'), BODY);
    await clickSend(page, compose);
    await expect.poll(() => dialog(page).count(), SLOW).toBe(1);
    await expect.poll(() => dialog(page).innerText(), SLOW).toContain('inltech.com');
    const goTo = action(page, 'go-to').filter({ hasText: 'Go to recipient' });
    await expect.poll(() => goTo.count(), SLOW).toBe(1);
    await goTo.click();
    await expect.poll(() => dialog(page).count(), SLOW).toBe(0);
    await expect.poll(async () => JSON.stringify(await focusedText(page)), SLOW).toContain('inltech');
    expect(await sentLog(page)).toEqual([]);
    await page.close();
  });
});
