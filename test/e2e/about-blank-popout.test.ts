// An Outlook pop-out the site fills through about:blank (window.open, then DOM built by the opener):
// location.host is empty there, and the compose is still found and guarded by Outlook's adapter.
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type Browser, launchBrowser, openOutlook, routeMailHosts } from './harness.ts';

const root = new URL('../..', import.meta.url).pathname;
let browser: Browser;

beforeAll(async () => {
  browser = await launchBrowser({ extensionDir: join(root, 'dist/chrome') });
  await routeMailHosts(browser.context);
});
afterAll(async () => {
  await browser?.close();
});

describe('a pop-out filled through about:blank', () => {
  it('gets the site adapter from its inherited origin and guards its Send', async () => {
    const page = await openOutlook(browser.context);
    const popupPromise = browser.context.waitForEvent('page');
    await page.evaluate(() => {
      const w = window.open('about:blank', '_blank', 'popup=yes,width=900,height=700');
      if (!w) throw new Error('no pop-out');
      (window as unknown as { __popout: Window }).__popout = w;
    });
    const popout = await popupPromise;
    // Outlook builds the pop-out's DOM from the opener, as React portals do.
    await page.evaluate(() => {
      const w = (window as unknown as { __popout: Window }).__popout;
      const doc = w.document;
      const form = doc.createElement('div');
      form.setAttribute('data-app-section', 'Form_Content');
      const split = doc.createElement('div');
      split.setAttribute('data-testid', 'ComposeSendButton');
      const send = doc.createElement('button');
      send.type = 'button';
      send.id = 'splitButton-ro__primaryActionButton';
      send.setAttribute('aria-label', 'Send');
      send.textContent = 'Send';
      send.addEventListener('click', () => doc.documentElement.setAttribute('data-sent', 'yes'));
      split.append(send);
      const editor = doc.createElement('div');
      editor.setAttribute('role', 'textbox');
      editor.setAttribute('contenteditable', 'true');
      editor.setAttribute('aria-multiline', 'true');
      editor.setAttribute('aria-label', 'Message body');
      editor.textContent = 'Hi [Customer Name], zephyrquartz notes attached.';
      form.append(split, editor);
      doc.body.append(form);
    });
    await expect
      .poll(() => popout.evaluate(() => document.documentElement.getAttribute('data-preflight-active')), {
        timeout: 15_000,
      })
      .toBe('outlook');
    await popout.locator('button[aria-label="Send"]').click();
    await expect
      .poll(() => popout.locator('[data-preflight-dialog]').getAttribute('data-preflight-dialog'), {
        timeout: 20_000,
      })
      .toBe('held');
    expect(await popout.evaluate(() => document.documentElement.getAttribute('data-sent'))).toBeNull();
    await page.close();
  });
});
