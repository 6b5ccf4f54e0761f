// The built extension in real Chromium, on the real mail hostnames routed to the committed fixtures.
import { join } from 'node:path';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  type Browser,
  gmailComposes,
  launchBrowser,
  openGmail,
  openOutlook,
  outlookCompose,
  routeMailHosts,
  screenshot,
  typeInto,
} from './harness.ts';

const root = new URL('../..', import.meta.url).pathname;
const DIST = join(root, 'dist/chrome');

let browser: Browser;
type ExtensionPageGlobals = { chrome: { runtime: { sendMessage(message: unknown): Promise<unknown> } } };

beforeAll(async () => {
  browser = await launchBrowser({ extensionDir: DIST });
  await routeMailHosts(browser.context, { csp: 'gmail-strict' });
});
afterAll(async () => {
  await browser?.close();
});

const chips = (page: Page) => page.locator('[data-preflight-root] [data-preflight-chip]');

describe('on Gmail', () => {
  it('attaches one overlay to every compose window: the new message and the inline reply', async () => {
    const page = await openGmail(browser.context);
    await expect.poll(() => page.locator('html').getAttribute('data-preflight-active')).toBe('gmail');
    const composes = await gmailComposes(page).count();
    expect(composes).toBeGreaterThanOrEqual(2);
    await expect.poll(() => page.locator('[data-preflight-root]').count()).toBe(composes);
    await expect.poll(() => chips(page).count()).toBe(composes);
    await page.close();
  });

  it('checks the draft through the worker as the person types, and counts what it found', async () => {
    const page = await openGmail(browser.context);
    const compose = gmailComposes(page).first();
    await typeInto(
      page,
      compose.locator('[g_editable="true"]'),
      'Hi Dana,\nWe guarantee 100% uptime for [Customer Name].',
    );
    const chip = chips(page).first();
    await expect.poll(() => chip.getAttribute('data-state'), { timeout: 10_000 }).toBe('result');
    await expect
      .poll(async () => Number(await chip.getAttribute('data-blocking')), { timeout: 10_000 })
      .toBeGreaterThan(0);
    await screenshot(page, 'gmail-compose');
    await page.close();
  });

  it('mounts an overlay for a compose opened later and removes it when that compose goes away', async () => {
    const page = await openGmail(browser.context);
    await expect.poll(() => page.locator('[data-preflight-root]').count()).toBeGreaterThan(0);
    const before = await page.locator('[data-preflight-root]').count();
    await page.locator('.T-I.T-I-KE').first().click();
    await expect.poll(() => page.locator('[data-preflight-root]').count()).toBe(before + 1);
    await page.evaluate(() => {
      const moles = document.querySelectorAll('div.M9');
      moles[moles.length - 1]?.closest('[role="dialog"]')?.remove();
    });
    await expect.poll(() => page.locator('[data-preflight-root]').count()).toBe(before);
    await page.close();
  });
});

describe('on Outlook on the web', () => {
  for (const host of [
    'outlook.office.com',
    'outlook.office365.com',
    'outlook.live.com',
    'outlook.cloud.microsoft',
  ]) {
    it(`attaches to the compose on ${host}, not to the message being read`, async () => {
      const page = await openOutlook(browser.context, host);
      await expect.poll(() => page.locator('html').getAttribute('data-preflight-active')).toBe('outlook');
      await expect.poll(() => page.locator('[data-preflight-root]').count()).toBe(1);
      const composeId = await outlookCompose(page).getAttribute('id');
      expect(await page.locator('[data-preflight-root]').getAttribute('data-compose-id')).toBe(composeId);
      await page.close();
    });
  }

  it('checks what is typed into the Outlook editor', async () => {
    const page = await openOutlook(browser.context, 'outlook.office.com');
    const compose = outlookCompose(page);
    await typeInto(
      page,
      compose.locator('[contenteditable="true"][aria-multiline="true"]'),
      'This upgrade is risk-free and fully secure.',
    );
    const chip = chips(page).first();
    await expect
      .poll(async () => Number(await chip.getAttribute('data-blocking')), { timeout: 10_000 })
      .toBeGreaterThan(0);
    await screenshot(page, 'outlook-compose');
    await page.close();
  });
});

describe('elsewhere', () => {
  it('does nothing on a page that is not a mail host', async () => {
    const page = await browser.context.newPage();
    await page.goto('https://example.com/');
    await page.waitForLoadState('load');
    await page.waitForTimeout(500);
    expect(await page.locator('html').getAttribute('data-preflight-active')).toBeNull();
    expect(await page.locator('[data-preflight-root]').count()).toBe(0);
    await page.close();
  });
});

describe('the worker, the popup and the options page', () => {
  it('answers a round trip from an extension page', async () => {
    const page = await browser.context.newPage();
    await page.goto(`chrome-extension://${browser.extensionId}/src/popup/index.html`);
    const answer = await page.evaluate(() =>
      (globalThis as unknown as ExtensionPageGlobals).chrome.runtime.sendMessage({ kind: 'ping' }),
    );
    expect(answer).toMatchObject({ kind: 'pong', version: expect.stringMatching(/^\d+\.\d+\.\d+$/) });
    const refused = await page.evaluate(() =>
      (globalThis as unknown as ExtensionPageGlobals).chrome.runtime.sendMessage({ kind: 'nonsense' }),
    );
    expect(refused).toMatchObject({ kind: 'error' });
    await page.close();
  });

  it('renders the popup with the worker’s real status', async () => {
    const page = await browser.context.newPage();
    await page.setViewportSize({ width: 360, height: 260 });
    await page.goto(`chrome-extension://${browser.extensionId}/src/popup/index.html`);
    const status = page.locator('[data-preflight-status="ready"]');
    await status.waitFor();
    expect(
      await page.locator('[data-preflight-policy-source]').getAttribute('data-preflight-policy-source'),
    ).toBe('default');
    expect(
      Number(await page.locator('[data-preflight-rule-count]').getAttribute('data-preflight-rule-count')),
    ).toBeGreaterThan(0);
    await screenshot(page, 'popup');
    await page.close();
  });

  it('renders the options page with the worker’s real status', async () => {
    const page = await browser.context.newPage();
    await page.goto(`chrome-extension://${browser.extensionId}/src/options/index.html`);
    await page.locator('[data-preflight-options] [data-preflight-status="ready"]').waitFor();
    expect(await page.locator('h1').textContent()).toContain('Preflight');
    await page.close();
  });
});
