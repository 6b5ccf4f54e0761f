// A recipient whose domain imitates an account's is held at Send, and the dialog's "Go to recipient" takes the
// person to that address in the To field (Gmail: its chip has focus; Outlook: it is selected in the well).
// "Change to …" swaps the address for the account's contact through the site's own controls, and what is
// sent then goes to the contact.
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
    focused: (document.activeElement as HTMLElement | null)?.textContent ?? '',
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
    await expect.poll(() => dialog(page).textContent(), SLOW).toContain('inltech.com');
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
    await expect.poll(() => dialog(page).textContent(), SLOW).toContain('inltech.com');
    const goTo = action(page, 'go-to').filter({ hasText: 'Go to recipient' });
    await expect.poll(() => goTo.count(), SLOW).toBe(1);
    await goTo.click();
    await expect.poll(() => dialog(page).count(), SLOW).toBe(0);
    await expect.poll(async () => JSON.stringify(await focusedText(page)), SLOW).toContain('inltech');
    expect(await sentLog(page)).toEqual([]);
    await page.close();
  });

  for (const site of ['gmail', 'outlook'] as const) {
    it(`${site}: "Change to" puts the contact's address in place, and the email goes to it`, async () => {
      // A new message: the fixture's open reply already writes to another account.
      const page =
        site === 'gmail'
          ? await openGmail(browser.context)
          : await openOutlook(browser.context, 'outlook.office.com', { compose: 'new' });
      const compose = site === 'gmail' ? gmailNewMessages(page).first() : outlookCompose(page);
      await addRecipient(page, compose, 'to', IMITATION);
      await typeInto(page, bodyOf(compose, site), BODY);
      await clickSend(page, compose);
      await expect.poll(() => dialog(page).count(), SLOW).toBe(1);
      const change = action(page, 'fix').filter({ hasText: 'Change to dana@initech.com' });
      await expect.poll(() => change.count(), SLOW).toBe(1);
      await change.click();
      // Checked again with the new address: nothing holds it, and the dialog shows the field as it now is.
      const sendFixed = action(page, 'send-fixed');
      await expect.poll(() => sendFixed.count(), SLOW).toBe(1);
      await expect.poll(() => dialog(page).textContent(), SLOW).toContain('To:');
      await expect.poll(() => dialog(page).textContent(), SLOW).toContain('dana@initech.com');
      expect(await sentLog(page)).toEqual([]);
      await sendFixed.click();
      await expect.poll(async () => (await sentLog(page)).length, SLOW).toBe(1);
      const [sent] = await sentLog(page);
      const to = (sent?.to ?? []).join(', ');
      expect(to).toContain('dana@initech.com');
      expect(to).not.toContain('inltech');
      await page.close();
    });
  }

  it('Gmail without paste into the field: the address is typed in and committed with Enter', async () => {
    const page = await openGmail(browser.context);
    // A picker that takes no paste: the page swallows every paste before the compose sees it.
    await page.evaluate(() =>
      window.addEventListener('paste', (e) => e.stopImmediatePropagation(), { capture: true }),
    );
    const compose = gmailNewMessages(page).first();
    await addRecipient(page, compose, 'to', IMITATION);
    await typeInto(page, bodyOf(compose, 'gmail'), BODY);
    await clickSend(page, compose);
    const change = action(page, 'fix').filter({ hasText: 'Change to dana@initech.com' });
    await expect.poll(() => change.count(), SLOW).toBe(1);
    await change.click();
    await expect.poll(() => action(page, 'send-fixed').count(), SLOW).toBe(1);
    const chips = await compose
      .locator('.anm[name="to"] [role="option"][data-hovercard-id]')
      .evaluateAll((els) => els.map((el) => el.getAttribute('data-hovercard-id')));
    expect(chips).toContain('dana@initech.com');
    expect(chips).not.toContain(IMITATION);
    expect(await compose.locator('.anm[name="to"] input[role="combobox"]').inputValue()).toBe('');
    await page.close();
  });

  it("Gmail: the finding's card changes the address while composing, and the warning goes", async () => {
    const page = await openGmail(browser.context);
    const compose = gmailNewMessages(page).first();
    await addRecipient(page, compose, 'to', IMITATION);
    await typeInto(page, bodyOf(compose, 'gmail'), BODY);
    const id = await compose.locator('input[name="composeid"]').inputValue();
    const overlay = page.locator(`[data-preflight-root][data-compose-id="${id}"]`);
    const chip = overlay.locator('[data-preflight-chip]');
    await expect.poll(() => chip.getAttribute('data-state'), SLOW).toBe('result');
    await expect.poll(async () => Number(await chip.getAttribute('data-blocking')), SLOW).toBe(1);
    await chip.click();
    await overlay.locator('[data-preflight-action="go-to"]').first().click();
    const apply = overlay.locator('[data-preflight-card] [data-preflight-action="apply"]');
    await expect.poll(() => apply.textContent(), SLOW).toBe('Change address');
    await apply.click();
    await expect.poll(async () => Number(await chip.getAttribute('data-blocking')), SLOW).toBe(0);
    const chips = await compose
      .locator('.anm[name="to"] [role="option"][data-hovercard-id]')
      .evaluateAll((els) => els.map((el) => el.getAttribute('data-hovercard-id')));
    expect(chips).toEqual(['dana@initech.com']);
    expect(await sentLog(page)).toEqual([]);
    await page.close();
  });
});
