// The send gate in real Chromium on the Gmail (strict CSP + Trusted Types) and Outlook fixtures: every way
// of sending is held while a blocking email is decided, a clean email leaves once, and every decision is
// in the audit log without the email's text.
import { join } from 'node:path';
import type { Locator, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  addRecipient,
  type Browser,
  bodyOf,
  clickSend,
  GMAIL,
  gmailInlineReply,
  gmailNewMessages,
  launchBrowser,
  OUTLOOK,
  openGmail,
  openOutlook,
  outlookCompose,
  pressOnSend,
  pressSendShortcut,
  routeMailHosts,
  type Site,
  screenshot,
  sendButtonOf,
  sentLog,
  typeInto,
  waitForSends,
} from './harness.ts';

const root = new URL('../..', import.meta.url).pathname;
const DIST = join(root, 'dist/chrome');
const SLOW = { timeout: 20_000 };
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

async function gmailCompose(page: Page): Promise<Locator> {
  const compose = gmailNewMessages(page).first();
  await addRecipient(page, compose, 'to', ADDRESS);
  return compose;
}

async function write(page: Page, compose: Locator, site: Site, text: string): Promise<void> {
  await typeInto(page, bodyOf(compose, site), text, { caret: 'start' });
}

async function bodyText(compose: Locator, site: Site): Promise<string> {
  // biome-ignore lint/performance/useDomNodeTextContent: the fixture records what innerText shows.
  return bodyOf(compose, site).evaluate((el) => (el as HTMLElement).innerText);
}

async function auditEntries(): Promise<{ raw: string; entries: Record<string, unknown>[] }> {
  const page = await browser.context.newPage();
  await page.goto(`chrome-extension://${browser.extensionId}/manifest.json`);
  const raw = await page.evaluate(async () => {
    const c = (
      globalThis as unknown as { chrome: { runtime: { sendMessage(m: unknown): Promise<unknown> } } }
    ).chrome;
    return JSON.stringify(await c.runtime.sendMessage({ kind: 'audit-list' }));
  });
  await page.close();
  const parsed = JSON.parse(raw) as { entries: Record<string, unknown>[] };
  return { raw, entries: parsed.entries };
}

/** Stops the extension's service worker through the DevTools protocol (ServiceWorker.stopWorker, from one
 * of its own pages, whose session sees the worker's registration). A page session's stopAllWorkers does not
 * reach the extension's worker. */
async function stopWorker(): Promise<void> {
  const page = await browser.context.newPage();
  await page.goto(`chrome-extension://${browser.extensionId}/manifest.json`);
  const cdp = await browser.context.newCDPSession(page);
  const versions = new Set<string>();
  cdp.on('ServiceWorker.workerVersionUpdated', (event) => {
    for (const v of (event as { versions: { versionId: string; scriptURL: string }[] }).versions) {
      if (v.scriptURL.startsWith(`chrome-extension://${browser.extensionId}/`)) versions.add(v.versionId);
    }
  });
  await cdp.send('ServiceWorker.enable');
  await expect.poll(() => versions.size, SLOW).toBeGreaterThan(0);
  for (const versionId of versions) await cdp.send('ServiceWorker.stopWorker', { versionId });
  await cdp.detach();
  await page.close();
  await new Promise((resolve) => setTimeout(resolve, 500));
}

type SendPath = (page: Page, compose: Locator, site: Site) => Promise<void>;

const PATHS: Record<string, SendPath> = {
  click: (page, compose) => clickSend(page, compose),
  'Enter on Send': (page, compose) => pressOnSend(page, compose, 'Enter'),
  'Space on Send': (page, compose) => pressOnSend(page, compose, 'Space'),
  'Ctrl+Enter': async (page, compose, site) => {
    await bodyOf(compose, site).focus();
    await pressSendShortcut(page, 'ctrl-enter');
  },
  'Cmd+Enter': async (page, compose, site) => {
    await bodyOf(compose, site).focus();
    await pressSendShortcut(page, 'meta-enter');
  },
};

async function heldThenCancelled(page: Page, compose: Locator, site: Site, send: SendPath) {
  const before = (await sentLog(page)).length;
  await send(page, compose, site);
  await expect.poll(() => dialog(page).getAttribute('data-preflight-dialog'), SLOW).toBe('held');
  expect((await sentLog(page)).length).toBe(before);
  const text = await bodyText(compose, site);
  await action(page, 'cancel').click();
  await expect.poll(() => dialog(page).count()).toBe(0);
  expect(await bodyText(compose, site)).toBe(text);
  expect(
    await bodyOf(compose, site).evaluate(
      (el) => el === document.activeElement || el.contains(document.activeElement),
    ),
  ).toBe(true);
  expect((await sentLog(page)).length).toBe(before);
}

async function sendAnyway(page: Page, before: number) {
  const button = action(page, 'send-anyway');
  expect(await button.isDisabled()).toBe(true);
  await page.locator('[data-preflight-justification]').fill('Customer asked for the raw template');
  expect(await button.isDisabled()).toBe(false);
  await button.click();
  const log = await waitForSends(page, before + 1, 10_000);
  await page.waitForTimeout(500);
  expect((await sentLog(page)).length).toBe(before + 1);
  return log[log.length - 1];
}

describe('on Gmail (strict CSP and Trusted Types)', () => {
  for (const [name, send] of Object.entries(PATHS)) {
    it(`holds a blocking email sent by ${name}, keeps the draft on cancel, sends once anyway`, async () => {
      const page = await openGmail(browser.context);
      const compose = await gmailCompose(page);
      await write(page, compose, 'gmail', BLOCKING);
      await heldThenCancelled(page, compose, 'gmail', send);
      await send(page, compose, 'gmail');
      await expect.poll(() => dialog(page).getAttribute('data-preflight-dialog'), SLOW).toBe('held');
      if (name === 'click') await screenshot(page, 'send-dialog');
      const sent = await sendAnyway(page, 0);
      expect(sent?.body).toContain('zephyrquartz');
      const { raw, entries } = await auditEntries();
      expect(entries.some((e) => e.decision === 'sent-anyway')).toBe(true);
      expect(raw).not.toContain('zephyrquartz');
      expect(raw).not.toContain(ADDRESS);
      expect(raw).toContain('contoso-health.example');
      await page.close();
    });
  }

  it('sends a clean email at once, exactly once, on a double click', async () => {
    const page = await openGmail(browser.context);
    const compose = await gmailCompose(page);
    await write(page, compose, 'gmail', CLEAN);
    await sendButtonOf(compose, 'gmail').dblclick();
    const log = await waitForSends(page, 1, 10_000);
    await page.waitForTimeout(800);
    expect((await sentLog(page)).length).toBe(1);
    expect(log[0]?.body).toContain('rollout plan');
    expect(await dialog(page).count()).toBe(0);
    await page.close();
  });

  it('holds the inline reply too, and a double click sends a held email once', async () => {
    const page = await openGmail(browser.context);
    const compose = gmailInlineReply(page).first();
    await write(page, compose, 'gmail', BLOCKING);
    await sendButtonOf(compose, 'gmail').dblclick();
    await expect.poll(() => dialog(page).getAttribute('data-preflight-dialog'), SLOW).toBe('held');
    expect((await sentLog(page)).length).toBe(0);
    await sendAnyway(page, 0);
    await page.close();
  });

  it('holds "Schedule send" and re-opens the schedule once approved', async () => {
    const page = await openGmail(browser.context);
    const compose = await gmailCompose(page);
    await write(page, compose, 'gmail', BLOCKING);
    await compose.locator(GMAIL.moreSendOptions).click();
    await page.locator(GMAIL.scheduleMenuItem).click();
    await expect.poll(() => dialog(page).getAttribute('data-preflight-dialog'), SLOW).toBe('held');
    await page.locator('[data-preflight-justification]').fill('Scheduled on purpose for the template');
    await action(page, 'send-anyway').click();
    await page.locator('[role="dialog"] [role="menuitem"]', { hasText: 'Tomorrow morning' }).click();
    const log = await waitForSends(page, 1, 10_000);
    expect(log[0]?.kind).toBe('schedule');
    await page.waitForTimeout(300);
    expect((await sentLog(page)).length).toBe(1);
    await page.close();
  });

  it('after the worker was stopped, the first send still gets a correct decision', async () => {
    const page = await openGmail(browser.context);
    const compose = await gmailCompose(page);
    await write(page, compose, 'gmail', BLOCKING);
    await stopWorker();
    await clickSend(page, compose);
    await expect.poll(() => dialog(page).getAttribute('data-preflight-dialog'), SLOW).toBe('held');
    await action(page, 'cancel').click();
    // And a clean email after another stop goes out at once.
    await bodyOf(compose, 'gmail').evaluate((el) => {
      el.focus();
      document.execCommand('selectAll');
      document.execCommand('insertText', false, 'Hi Dana, thanks for the call today about the rollout plan.');
    });
    await stopWorker();
    await clickSend(page, compose);
    await waitForSends(page, 1, 15_000);
    await page.close();
  });

  it('says it could not check when the checker does not answer, and retry / send unchecked work', async () => {
    const page = await openGmail(browser.context);
    const compose = await gmailCompose(page);
    await write(page, compose, 'gmail', CLEAN);
    // A hung checker: the worker's thread is kept busy (nothing in the shipped build is changed), so both
    // tries of the check time out.
    const worker =
      browser.context.serviceWorkers()[0] ?? (await browser.context.waitForEvent('serviceworker'));
    const busy = worker
      .evaluate(() => {
        const until = Date.now() + 11_000;
        while (Date.now() < until) {}
      })
      .catch(() => {});
    await page.waitForTimeout(200);
    await clickSend(page, compose);
    await expect.poll(() => dialog(page).getAttribute('data-preflight-dialog'), SLOW).toBe('unavailable');
    await expect(dialog(page).textContent()).resolves.toContain('could not check');
    expect((await sentLog(page)).length).toBe(0);
    await busy;
    await action(page, 'retry').click();
    // Clean once the checker answers: sent at once.
    await waitForSends(page, 1, 15_000);
    await page.close();

    const second = await openGmail(browser.context);
    const compose2 = await gmailCompose(second);
    await write(second, compose2, 'gmail', BLOCKING);
    const busy2 = worker
      .evaluate(() => {
        const until = Date.now() + 11_000;
        while (Date.now() < until) {}
      })
      .catch(() => {});
    await second.waitForTimeout(200);
    await clickSend(second, compose2);
    await expect.poll(() => dialog(second).getAttribute('data-preflight-dialog'), SLOW).toBe('unavailable');
    await action(second, 'send-unchecked').click();
    await waitForSends(second, 1, 15_000);
    await busy2;
    await expect
      .poll(async () => (await auditEntries()).entries.some((e) => e.decision === 'sent-unchecked'), SLOW)
      .toBe(true);
    await second.close();
  });
});

describe('on Outlook', () => {
  const OUTLOOK_PATHS: Record<string, SendPath> = {
    ...PATHS,
    'Alt+S': async (page, compose, site) => {
      await bodyOf(compose, site).focus();
      await pressSendShortcut(page, 'alt-s');
    },
  };
  for (const [name, send] of Object.entries(OUTLOOK_PATHS)) {
    it(`holds a blocking reply sent by ${name}, keeps it on cancel, sends once anyway`, async () => {
      const page = await openOutlook(browser.context);
      const compose = outlookCompose(page);
      await write(page, compose, 'outlook', BLOCKING);
      await heldThenCancelled(page, compose, 'outlook', send);
      await send(page, compose, 'outlook');
      await expect.poll(() => dialog(page).getAttribute('data-preflight-dialog'), SLOW).toBe('held');
      const sent = await sendAnyway(page, 0);
      expect(sent?.body).toContain('zephyrquartz');
      await page.close();
    });
  }

  it('sends a clean reply once on a double click, without a dialog', async () => {
    const page = await openOutlook(browser.context);
    const compose = outlookCompose(page);
    await write(page, compose, 'outlook', CLEAN);
    await sendButtonOf(compose, 'outlook').dblclick();
    await waitForSends(page, 1, 10_000);
    await page.waitForTimeout(800);
    expect((await sentLog(page)).length).toBe(1);
    expect(await dialog(page).count()).toBe(0);
    await page.close();
  });

  it('holds the send options menu and sends once approved', async () => {
    const page = await openOutlook(browser.context);
    const compose = outlookCompose(page);
    await write(page, compose, 'outlook', BLOCKING);
    await compose.locator(OUTLOOK.sendMenu).click();
    await page.locator('[role="menu"] [role="menuitem"]', { hasText: 'Schedule send' }).click();
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
});
