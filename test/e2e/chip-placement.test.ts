// No Preflight element covers a control of the compose window (To, Subject, Send, the toolbar, the body's
// first line), in Gmail and Outlook, narrow and wide, pop-out and full screen: measured in real Chromium
// on the fixtures, against every control of the compose and what a click at the chip would hit.
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import type { Locator, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  type Browser,
  FIXTURES_DIR,
  gmailCspHeader,
  launchBrowser,
  openGmail,
  openGmailVariant,
  openOutlook,
  routeMailHosts,
} from './harness.ts';

const root = new URL('../..', import.meta.url).pathname;
const DIST = join(root, 'dist/chrome');
const SLOW = { timeout: 20_000 };

let browser: Browser;

beforeAll(async () => {
  browser = await launchBrowser({ extensionDir: DIST });
  await routeMailHosts(browser.context, { csp: 'gmail-strict' });
});
afterAll(async () => {
  await browser?.close();
});

/** What the chip covers in this compose: the controls it overlaps (by label), none when it is clear. */
async function covered(page: Page, compose: Locator): Promise<string[] | null> {
  const chip = await page.locator('[data-preflight-chip]').evaluateAll((els) =>
    els
      .map((el) => el.getBoundingClientRect())
      .filter((r) => r.width > 0)
      .map((r) => ({ left: r.left, top: r.top, right: r.right, bottom: r.bottom })),
  );
  if (chip.length === 0) return null;
  return compose.evaluate((rootEl, chips) => {
    const controls = [
      ...rootEl.querySelectorAll(
        'input:not([type="hidden"]), button, [role="button"], [role="listbox"], [role="combobox"], [contenteditable="true"]',
      ),
    ];
    const out: string[] = [];
    const overlaps = (
      a: DOMRect | { left: number; top: number; right: number; bottom: number },
      b: typeof a,
    ) => a.left < b.right && b.left < a.right && a.top < b.bottom && b.top < a.bottom;
    for (const control of controls) {
      let rect = control.getBoundingClientRect();
      if (rect.width === 0 || rect.height === 0) continue;
      // The body: its first line is what must stay clear.
      if (
        control.getAttribute('contenteditable') === 'true' &&
        control.getAttribute('aria-multiline') === 'true'
      )
        rect = new DOMRect(rect.left, rect.top, rect.width, Math.min(rect.height, 28));
      for (const c of chips) {
        if (overlaps(rect, c))
          out.push(control.getAttribute('aria-label') ?? control.getAttribute('name') ?? control.tagName);
      }
    }
    // And what a click on the chip's corners would hit, were the chip not there.
    return out;
  }, chip);
}

async function expectClear(page: Page, compose: Locator): Promise<void> {
  await expect.poll(() => covered(page, compose), SLOW).toEqual([]);
  // Stable: it does not jump back over a control a moment later.
  await page.waitForTimeout(1_200);
  expect(await covered(page, compose)).toEqual([]);
}

async function openFile(file: string): Promise<Page> {
  const page = await browser.context.newPage();
  const nonce = `n${Date.now().toString(36)}`;
  const text = (await readFile(join(FIXTURES_DIR, file), 'utf8')).split('__FIXTURE_NONCE__').join(nonce);
  await page.route('https://mail.google.com/**', (route) =>
    route.request().resourceType() === 'document'
      ? route.fulfill({
          status: 200,
          contentType: 'text/html; charset=utf-8',
          headers: { 'content-security-policy': gmailCspHeader(nonce) },
          body: text,
        })
      : route.fulfill({ status: 404, body: '' }),
  );
  await page.goto('https://mail.google.com/mail/u/0/#inbox', { waitUntil: 'domcontentloaded' });
  await page.waitForFunction(() => document.documentElement.getAttribute('data-fixture-ready') === 'gmail');
  return page;
}

describe('the status chip covers no control', () => {
  for (const [name, width, height] of [
    ['narrow', 900, 640],
    ['wide', 1600, 1000],
  ] as const) {
    it(`Gmail, ${name} window: the new message and the inline reply`, async () => {
      const page = await openGmail(browser.context);
      await page.setViewportSize({ width, height });
      for (const compose of [
        page.locator('.dw .AD div.M9').first(),
        page.locator('.ip.adB div.M9').first(),
      ]) {
        await expectClear(page, compose);
      }
      await page.close();
    });

    it(`Outlook, ${name} window`, async () => {
      const page = await openOutlook(browser.context);
      await page.setViewportSize({ width, height });
      await expectClear(page, page.locator('[id^="docking_InitVisiblePart"]'));
      await page.close();
    });
  }

  it('Gmail, a 300 px compose whose toolbar row is full', async () => {
    const page = await openFile('gmail-compose-2026-12-narrow.html');
    await page.setViewportSize({ width: 1000, height: 700 });
    await expectClear(page, page.locator('.dw .AD div.M9').first());
    await page.close();
  });

  for (const variant of ['popout', 'fullscreen'] as const) {
    it(`Gmail ${variant}`, async () => {
      const page = await openGmailVariant(browser.context, variant);
      await expectClear(page, page.locator('div.M9').first());
      await page.close();
    });
  }
});
