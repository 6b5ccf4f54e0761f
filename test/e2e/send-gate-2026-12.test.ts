// The send gate on the December 2026 fixtures (test/fixtures/*-2026-12-*.html, built by
// scripts/make-fixtures-2026-12.mjs): buttons other extensions add beside Send, Gmail's hashed class names,
// Outlook in Italian, two fast clicks on "Send anyway", and failMode "closed" with the worker dead from the
// first moment of the page. Real Chromium, the built extension.
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import type { BrowserContext, Locator, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  addRecipient,
  type Browser,
  bodyOf,
  clearPolicy,
  FIXTURES_DIR,
  gmailCspHeader,
  gmailNewMessages,
  launchBrowser,
  openGmail,
  openOutlook as openOutlookPage,
  routeMailHosts,
  savePolicy,
  sentLog,
  typeInto,
  waitForSends,
} from './harness.ts';

const root = new URL('../..', import.meta.url).pathname;
const DIST = join(root, 'dist/chrome');
const SLOW = { timeout: 25_000 };
const BLOCKING = 'Hi [Customer Name], zephyrquartz notes attached.';
const CLEAN = 'Hi Dana, thanks for the call today about the rollout plan.';
const ADDRESS = 'dana@contoso-health.example';

let browser: Browser;

beforeAll(async () => {
  browser = await launchBrowser({ extensionDir: DIST });
  await routeMailHosts(browser.context, { csp: 'gmail-strict' });
});
afterAll(async () => {
  await browser?.close();
});

const dialog = (page: Page) => page.locator('[data-preflight-dialog]');
const action = (page: Page, name: string) => page.locator(`[data-preflight-action="${name}"]`);

/** Opens a fixture file on a real mail host (a page route wins over the context's), with Gmail's CSP. */
async function openFixture(
  context: BrowserContext,
  file: string,
  url: string,
  site: 'gmail' | 'outlook',
): Promise<Page> {
  const page = await context.newPage();
  const nonce = `n${Date.now().toString(36)}`;
  const text = (await readFile(join(FIXTURES_DIR, file), 'utf8')).split('__FIXTURE_NONCE__').join(nonce);
  await page.route(`${new URL(url).origin}/**`, async (route) => {
    if (route.request().resourceType() !== 'document') {
      await route.fulfill({ status: 404, contentType: 'text/plain; charset=utf-8', body: 'not found' });
      return;
    }
    const headers: Record<string, string> = { 'cache-control': 'no-store' };
    if (site === 'gmail') headers['content-security-policy'] = gmailCspHeader(nonce);
    await route.fulfill({ status: 200, contentType: 'text/html; charset=utf-8', headers, body: text });
  });
  await page.goto(url, { waitUntil: 'domcontentloaded' });
  await page.waitForFunction(
    (expected) => document.documentElement.getAttribute('data-fixture-ready') === expected,
    site,
  );
  return page;
}

/** Replaces the editor's text (the way a person's select-all and typing would). */
async function setBody(editor: Locator, text: string): Promise<void> {
  await editor.evaluate((el, value) => {
    (el as HTMLElement).focus();
    const range = document.createRange();
    range.selectNodeContents(el);
    const selection = document.getSelection();
    selection?.removeAllRanges();
    selection?.addRange(range);
    document.execCommand('insertText', false, value);
  }, text);
}

async function lookalikeClicks(page: Page): Promise<number> {
  return Number(
    (await page.evaluate(() => document.documentElement.getAttribute('data-lookalike-clicks'))) ?? 0,
  );
}

describe('Gmail with buttons other extensions put beside Send', () => {
  it('a look-alike never sends (blocking or clean); the real Send sends a clean email exactly once', async () => {
    const page = await openFixture(
      browser.context,
      'gmail-compose-2026-12-lookalike.html',
      'https://mail.google.com/mail/u/0/#inbox',
      'gmail',
    );
    const compose = gmailNewMessages(page).first();
    await addRecipient(page, compose, 'to', ADDRESS);
    const editor = bodyOf(compose, 'gmail');
    for (const text of [BLOCKING, CLEAN]) {
      await setBody(editor, text);
      for (const kind of ['plain', 'sdk']) {
        const before = await lookalikeClicks(page);
        await compose.locator(`[data-lookalike^="${kind}-"]`).click();
        // The other extension's own action ran: the click reached it, untouched.
        await expect.poll(() => lookalikeClicks(page)).toBe(before + 1);
        expect(await dialog(page).count()).toBe(0);
        expect((await sentLog(page)).length).toBe(0);
      }
    }
    await page.waitForTimeout(300);
    expect(await dialog(page).count()).toBe(0);
    expect((await sentLog(page)).length).toBe(0);
    // The real Send, found by its label and place, not by the classes the look-alikes copy.
    await compose.locator('[role="button"][aria-label="Send (Ctrl-Enter)"]').click();
    const log = await waitForSends(page, 1, 10_000);
    expect(log[0]?.body).toContain('rollout plan');
    await expect.poll(async () => (await sentLog(page)).length, { timeout: 1_500 }).toBe(1);
    await page.waitForTimeout(500);
    expect((await sentLog(page)).length).toBe(1);
    await page.close();
  });

  it('a blocking email clicked through the real Send is held', async () => {
    const page = await openFixture(
      browser.context,
      'gmail-compose-2026-12-lookalike.html',
      'https://mail.google.com/mail/u/0/#inbox',
      'gmail',
    );
    const compose = gmailNewMessages(page).first();
    await addRecipient(page, compose, 'to', ADDRESS);
    await typeInto(page, bodyOf(compose, 'gmail'), BLOCKING, { caret: 'start' });
    await compose.locator('[role="button"][aria-label="Send (Ctrl-Enter)"]').click();
    await expect.poll(() => dialog(page).getAttribute('data-preflight-dialog'), SLOW).toBe('held');
    expect((await sentLog(page)).length).toBe(0);
    await page.close();
  });
});

describe('Gmail with hashed class names', () => {
  async function open(): Promise<{ page: Page; compose: Locator; editor: Locator; send: Locator }> {
    const page = await openFixture(
      browser.context,
      'gmail-compose-2026-12-hashed.html',
      'https://mail.google.com/mail/u/0/#inbox',
      'gmail',
    );
    // The new message: no class of Gmail's own is used to find it here.
    const compose = page.locator('[role="dialog"] [role="region"]').first();
    const editor = compose.locator('[g_editable="true"]');
    const send = compose.locator('[role="button"][aria-label="Send (Ctrl-Enter)"]');
    await compose.locator('.anm[name="to"] input[role="combobox"]').fill(ADDRESS);
    await compose.locator('.anm[name="to"] input[role="combobox"]').press('Enter');
    await compose.locator('.anm[name="to"] [role="option"]').first().waitFor({ state: 'attached' });
    // The compose was found without Gmail's classes: its status chip is drawn.
    await expect.poll(() => page.locator('[data-preflight-chip]').count(), SLOW).toBeGreaterThan(0);
    return { page, compose, editor, send };
  }

  it('holds a blocking email at the button and at Ctrl+Enter, and sends a clean one', async () => {
    const { page, editor, send } = await open();
    await setBody(editor, BLOCKING);
    await send.click();
    await expect.poll(() => dialog(page).getAttribute('data-preflight-dialog'), SLOW).toBe('held');
    expect((await sentLog(page)).length).toBe(0);
    await action(page, 'cancel').click();
    await expect.poll(() => dialog(page).count()).toBe(0);

    await editor.focus();
    await page.keyboard.press('Control+Enter');
    await expect.poll(() => dialog(page).getAttribute('data-preflight-dialog'), SLOW).toBe('held');
    expect((await sentLog(page)).length).toBe(0);
    await action(page, 'cancel').click();
    await expect.poll(() => dialog(page).count()).toBe(0);

    await setBody(editor, CLEAN);
    await page.waitForTimeout(1_100);
    await send.click();
    const log = await waitForSends(page, 1, 10_000);
    expect(log[0]?.body).toContain('rollout plan');
    await page.waitForTimeout(500);
    expect((await sentLog(page)).length).toBe(1);
    await page.close();
  });
});

describe('Outlook in Italian', () => {
  async function open(): Promise<{ page: Page; compose: Locator; editor: Locator }> {
    const page = await openFixture(
      browser.context,
      'outlook-compose-2026-12-it.html',
      'https://outlook.office.com/mail/inbox',
      'outlook',
    );
    const compose = page.locator('[id^="docking_InitVisiblePart"]');
    const editor = compose.locator('[contenteditable="true"][aria-multiline="true"]');
    return { page, compose, editor };
  }

  for (const item of ['Pianifica invio', 'Invia più tardi']) {
    it(`holds the send-menu item "${item}" and sends it once approved`, async () => {
      const { page, compose, editor } = await open();
      await typeInto(page, editor, BLOCKING, { caret: 'start' });
      await compose.locator('button[aria-label="Altre opzioni di invio"]').click();
      await page.locator('[role="menu"] [role="menuitem"]', { hasText: item }).click();
      await expect.poll(() => dialog(page).getAttribute('data-preflight-dialog'), SLOW).toBe('held');
      expect((await sentLog(page)).length).toBe(0);
      await page.locator('[data-preflight-justification]').fill('Scheduling the template on purpose');
      await action(page, 'send-anyway').click();
      const log = await waitForSends(page, 1, 10_000);
      expect(log[0]?.kind).toBe('schedule');
      await page.waitForTimeout(300);
      expect((await sentLog(page)).length).toBe(1);
      await page.close();
    });
  }

  it('an item that only changes the draft is left alone; "Invia" is held', async () => {
    const { page, compose, editor } = await open();
    await typeInto(page, editor, BLOCKING, { caret: 'start' });
    await compose.locator('button[aria-label="Altre opzioni di invio"]').click();
    await page.locator('[role="menu"] [role="menuitem"]', { hasText: 'Imposta priorità' }).click();
    await expect
      .poll(() => page.evaluate(() => document.documentElement.getAttribute('data-test-importance')))
      .toBe('set');
    expect(await dialog(page).count()).toBe(0);
    await compose.locator('button[aria-label="Invia"]').click();
    await expect.poll(() => dialog(page).getAttribute('data-preflight-dialog'), SLOW).toBe('held');
    expect((await sentLog(page)).length).toBe(0);
    await page.close();
  });
});

describe('Outlook without its test ids', () => {
  it('finds Send by its label and holds a blocking reply at the button and at Ctrl+Enter', async () => {
    const page = await openOutlookPage(browser.context);
    const compose = page.locator('[id^="docking_InitVisiblePart"]');
    // A build that drops data-testid and the split button's ids: only role, label and place are left.
    await compose.evaluate((root) => {
      const split = root.querySelector('[data-testid="ComposeSendButton"]');
      split?.removeAttribute('data-testid');
      for (const el of root.querySelectorAll('[id^="splitButton-"]')) el.removeAttribute('id');
    });
    const editor = compose.locator('[contenteditable="true"][aria-multiline="true"]');
    await typeInto(page, editor, BLOCKING, { caret: 'start' });
    await compose.locator('button[aria-label="Send"]').click();
    await expect.poll(() => dialog(page).getAttribute('data-preflight-dialog'), SLOW).toBe('held');
    await action(page, 'cancel').click();
    await expect.poll(() => dialog(page).count()).toBe(0);
    await editor.focus();
    await page.keyboard.press('Control+Enter');
    await expect.poll(() => dialog(page).getAttribute('data-preflight-dialog'), SLOW).toBe('held');
    expect((await sentLog(page)).length).toBe(0);
    await page.close();
  });
});

describe('a compose whose Send cannot be found', () => {
  it('says "Send not guarded here", never traps the shortcut, and is counted; a guarded one says so', async () => {
    const page = await openGmail(browser.context);
    const compose = gmailNewMessages(page).first();
    await addRecipient(page, compose, 'to', ADDRESS);
    const chip = page.locator(
      `[data-preflight-root][data-compose-id="${await compose.locator('input[name="composeid"]').inputValue()}"] [data-preflight-chip]`,
    );
    await expect.poll(() => chip.getAttribute('data-guard'), SLOW).toBe('guarded');
    // Send loses every mark the gate finds it by (a future Gmail build): no role, no label, no split.
    await compose.evaluate((m9) => {
      for (const el of m9.querySelectorAll('[aria-label^="Send"], [aria-haspopup="true"]')) {
        el.removeAttribute('aria-label');
        el.removeAttribute('data-tooltip');
        el.removeAttribute('aria-haspopup');
      }
    });
    await expect.poll(() => chip.getAttribute('data-guard'), SLOW).toBe('unguarded');
    await expect(chip.textContent()).resolves.toContain('Send not guarded here — report this');
    // The toolbar popup says so too, for this compose.
    const popup = await browser.context.newPage();
    await popup.goto(`chrome-extension://${browser.extensionId}/src/popup/index.html`);
    const tabId = await popup.evaluate(async () => {
      const c = (
        globalThis as unknown as {
          chrome: { tabs: { query(q: unknown): Promise<Array<{ id?: number }>> } };
        }
      ).chrome;
      return (await c.tabs.query({ url: 'https://mail.google.com/*' }))[0]?.id;
    });
    await popup.goto(`chrome-extension://${browser.extensionId}/src/popup/index.html?tab=${tabId}`);
    await expect.poll(() => popup.locator('[data-preflight-popup-unguarded]').count(), SLOW).toBe(1);
    await expect(popup.locator('[data-preflight-popup-unguarded]').textContent()).resolves.toContain(
      'Send not guarded here — report this',
    );
    await popup.close();
    await setBody(bodyOf(compose, 'gmail'), BLOCKING);
    await bodyOf(compose, 'gmail').focus();
    await page.keyboard.press('Control+Enter');
    // Not trapped: the site's own shortcut ran.
    await waitForSends(page, 1, 10_000);
    expect(await dialog(page).count()).toBe(0);
    const ext = await browser.context.newPage();
    await ext.goto(`chrome-extension://${browser.extensionId}/manifest.json`);
    await expect
      .poll(
        () =>
          ext.evaluate(async () => {
            const c = (
              globalThis as unknown as { chrome: { runtime: { sendMessage(m: unknown): Promise<unknown> } } }
            ).chrome;
            const answer = (await c.runtime.sendMessage({ kind: 'rule-stats' })) as {
              stats: Record<string, { findings: number }>;
            };
            return answer.stats['preflight/send-not-guarded:gmail:send-not-found']?.findings ?? 0;
          }),
        SLOW,
      )
      .toBeGreaterThan(0);
    await ext.close();
    await page.close();
  });
});

describe('a held send', () => {
  it('keeps focus in the dialog: Tab and Shift+Tab never reach the editor', async () => {
    const page = await openGmail(browser.context);
    const compose = gmailNewMessages(page).first();
    await addRecipient(page, compose, 'to', ADDRESS);
    await typeInto(page, bodyOf(compose, 'gmail'), BLOCKING, { caret: 'start' });
    await compose.locator('[role="button"][aria-label="Send (Ctrl-Enter)"]').click();
    await expect.poll(() => dialog(page).getAttribute('data-preflight-dialog'), SLOW).toBe('held');
    const inDialog = () =>
      page.evaluate(() => document.activeElement?.hasAttribute('data-preflight-gate') === true);
    await expect.poll(inDialog).toBe(true);
    for (const key of ['Tab', 'Tab', 'Tab', 'Tab', 'Tab', 'Shift+Tab', 'Shift+Tab', 'Shift+Tab']) {
      await page.keyboard.press(key);
      expect(await inDialog()).toBe(true);
    }
    // Typing lands in the dialog, never in the email behind it.
    await page.locator('[data-preflight-justification]').focus();
    await page.keyboard.type('Sent as the customer asked');
    // biome-ignore lint/performance/useDomNodeTextContent: the fixture sends what innerText shows.
    expect(await bodyOf(compose, 'gmail').evaluate((el) => (el as HTMLElement).innerText)).not.toContain(
      'as the customer asked',
    );
    await action(page, 'cancel').click();
    await page.close();
  });

  it('two fast clicks on "Send anyway" send once', async () => {
    const page = await openGmail(browser.context);
    const compose = gmailNewMessages(page).first();
    await addRecipient(page, compose, 'to', ADDRESS);
    await typeInto(page, bodyOf(compose, 'gmail'), BLOCKING, { caret: 'start' });
    await compose.locator('[role="button"][aria-label="Send (Ctrl-Enter)"]').click();
    await expect.poll(() => dialog(page).getAttribute('data-preflight-dialog'), SLOW).toBe('held');
    await page.locator('[data-preflight-justification]').fill('Customer asked for the raw template');
    const box = await action(page, 'send-anyway').boundingBox();
    if (!box) throw new Error('no Send anyway button');
    await page.mouse.dblclick(box.x + box.width / 2, box.y + box.height / 2);
    await waitForSends(page, 1, 10_000);
    await page.waitForTimeout(1_000);
    expect((await sentLog(page)).length).toBe(1);
    await page.close();
  });

  it('two fast clicks on "Send anyway" send once while the audit log waits for a hung worker', async () => {
    const page = await openGmail(browser.context);
    const compose = gmailNewMessages(page).first();
    await addRecipient(page, compose, 'to', ADDRESS);
    await typeInto(page, bodyOf(compose, 'gmail'), BLOCKING, { caret: 'start' });
    await compose.locator('[role="button"][aria-label="Send (Ctrl-Enter)"]').click();
    await expect.poll(() => dialog(page).getAttribute('data-preflight-dialog'), SLOW).toBe('held');
    await page.locator('[data-preflight-justification]').fill('Customer asked for the raw template');
    const box = await action(page, 'send-anyway').boundingBox();
    if (!box) throw new Error('no Send anyway button');
    // The audit entry now takes its full timeout (3 s): the dialog stays, busy, for all of it.
    const busy = hangWorker(6_000);
    await page.waitForTimeout(200);
    await page.mouse.click(box.x + box.width / 2, box.y + box.height / 2);
    await expect.poll(() => dialog(page).getAttribute('data-preflight-busy')).toBe('');
    expect(await action(page, 'send-anyway').isDisabled()).toBe(true);
    await page.mouse.click(box.x + box.width / 2, box.y + box.height / 2);
    await page.mouse.click(box.x + box.width / 2, box.y + box.height / 2);
    await waitForSends(page, 1, 15_000);
    await busy;
    await page.waitForTimeout(1_000);
    expect((await sentLog(page)).length).toBe(1);
    await page.close();
  });
});

/** Keeps the worker's thread busy: every message to it goes unanswered meanwhile. */
function hangWorker(ms: number): Promise<void> {
  const worker = browser.context.serviceWorkers()[0] ?? browser.worker;
  if (!worker) throw new Error('no worker');
  return worker
    .evaluate((until) => {
      const end = Date.now() + until;
      while (Date.now() < end) {}
    }, ms)
    .catch(() => {});
}

describe('failMode "closed"', () => {
  afterAll(async () => {
    await clearPolicy(browser);
  });

  it('holds with the worker dead from the first moment of the page', async () => {
    await savePolicy(browser, { version: 1, gate: { failMode: 'closed' } });
    // The worker is unresponsive before the page exists: the gate never learns its settings.
    const busy = hangWorker(16_000);
    await new Promise((resolve) => setTimeout(resolve, 200));
    const page = await openGmail(browser.context);
    const compose = gmailNewMessages(page).first();
    await setBody(bodyOf(compose, 'gmail'), CLEAN);
    await compose.locator('[role="button"][aria-label="Send (Ctrl-Enter)"]').click();
    await expect.poll(() => dialog(page).getAttribute('data-preflight-dialog'), SLOW).toBe('unavailable');
    expect(await dialog(page).getAttribute('data-preflight-fail-mode')).toBe('closed');
    expect(await action(page, 'send-unchecked').count()).toBe(0);
    expect((await sentLog(page)).length).toBe(0);
    await action(page, 'cancel').click();
    await busy;
    await page.close();
  });
});
