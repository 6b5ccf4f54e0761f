// The worker stopped in the middle of a check (Chromium stops an idle extension worker at will, and an
// update or a crash does the same): the compose keeps working, the next check finds the issues again, and
// a send in that state is held and decided, never sent unchecked silently and never left hanging.
// The stop is sent while a check's request is out and unanswered (a check of 1 MB takes the worker a
// second or more, the stop a few milliseconds); the worker's own check count then shows the answer came
// from the worker started after the stop. Nothing in the shipped build is changed for this.
import { join } from 'node:path';
import type { Locator, Page } from 'playwright-core';
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
import { extensionPage, type WorkerStopper, workerStopper } from './worker-control.ts';

const root = new URL('../..', import.meta.url).pathname;
const SLOW = { timeout: 30_000 };
let browser: Browser;
let stopper: WorkerStopper;
let ext: Page;

beforeAll(async () => {
  browser = await launchBrowser({ extensionDir: join(root, 'dist/chrome') });
  await routeMailHosts(browser.context, { csp: 'gmail-strict' });
  stopper = await workerStopper(browser);
  ext = await extensionPage(browser);
});
afterAll(async () => {
  await stopper?.close();
  await browser?.close();
});

async function chipOf(page: Page, compose: Locator): Promise<Locator> {
  const id = await compose.locator('input[name="composeid"]').inputValue();
  return page.locator(`[data-preflight-root][data-compose-id="${id}"] [data-preflight-chip]`);
}

/**
 * Some 1 MB of distinct sentences (no result or sentence reading can be reused from an earlier check), so
 * a check takes long enough for the stop to land while it is out. Put in through the editor's own input
 * path: typing this much would take minutes.
 */
function longText(tag: string): string {
  const out: string[] = [];
  for (let i = 0, size = 0; size < 1_000_000; i++) {
    const sentence = `Thanks for the call about the rollout plan, item ${tag}-${i}, for next quarter. `;
    out.push(sentence);
    size += sentence.length;
  }
  return out.join('');
}

async function putBody(compose: Locator, text: string): Promise<void> {
  await bodyOf(compose, 'gmail').evaluate((el, t) => {
    (el as HTMLElement).focus();
    document.execCommand('selectAll');
    document.execCommand('insertText', false, t);
  }, text);
}

/** The worker's own count of checks since it started: the answer after a stop came from a fresh worker. */
async function checksSinceStart(): Promise<number> {
  const answer = (await ext.evaluate(() =>
    (
      globalThis as unknown as { chrome: { runtime: { sendMessage(m: unknown): Promise<unknown> } } }
    ).chrome.runtime.sendMessage({ kind: 'get-status' }),
  )) as { status: { checksSinceStart: number } };
  return answer.status.checksSinceStart;
}

const BLOCKING = 'Hi [Customer Name],\n';
const CLEAN = 'Hi Dana,\n';

/** The dialog's state, or whether the fixture sent the email, whichever comes first. */
async function outcome(page: Page): Promise<string> {
  if ((await sentLog(page)).length > 0) return 'sent';
  const dialog = page.locator('[data-preflight-dialog]');
  return (await dialog.getAttribute('data-preflight-dialog', { timeout: 200 }).catch(() => null)) ?? 'none';
}

describe('the worker stopped in the middle of a check', () => {
  it('a check after a pause in typing: checked again at once, the compose keeps working, the next check finds the issues', async () => {
    const page = await openGmail(browser.context);
    const compose = gmailNewMessages(page).first();
    await addRecipient(page, compose, 'to', 'dana@contoso-health.example');
    const chip = await chipOf(page, compose);
    await putBody(compose, `${BLOCKING}${longText('pause')}`);
    await expect
      .poll(() => chip.getAttribute('data-state'), { timeout: 10_000, interval: 20 })
      .toBe('checking');
    // The check is in flight (its request sent, no answer yet: a check of this much text takes the worker
    // about a second or more): stop the worker now.
    await stopper.stop();

    // The check that was cut off is tried again on the restarted worker: the chip neither keeps spinning
    // nor gives up, it shows the findings, and they come from the worker started after the stop.
    await expect.poll(() => chip.getAttribute('data-state'), SLOW).toBe('result');
    expect(await chip.getAttribute('data-blocking')).toBe('1');
    expect(await checksSinceStart()).toBeGreaterThanOrEqual(1);

    // The compose takes typing, and the next check answers again.
    await typeInto(page, bodyOf(compose, 'gmail'), 'Update: ', { caret: 'start' });
    await expect
      .poll(() => chip.getAttribute('data-state'), { timeout: 10_000, interval: 20 })
      .toBe('checking');
    await expect.poll(() => chip.getAttribute('data-state'), SLOW).toBe('result');
    expect(await chip.getAttribute('data-blocking')).toBe('1');
    expect(
      // biome-ignore lint/performance/useDomNodeTextContent: the fixture sends what innerText shows.
      await bodyOf(compose, 'gmail').evaluate((el) => (el as HTMLElement).innerText.slice(0, 40)),
    ).toContain('Update: Hi [Customer Name],');
    await page.close();
  });

  it('a check at Send: held with its findings once the worker is back (or could-not-check), never sent unchecked', async () => {
    const page = await openGmail(browser.context);
    const compose = gmailNewMessages(page).first();
    await addRecipient(page, compose, 'to', 'dana@contoso-health.example');
    await putBody(compose, `${BLOCKING}${longText('held')}`);
    // Send at once: the send's check is the first in flight (the pause check starts after it).
    await clickSend(page, compose);
    // The send's check is in flight (a check of this much text takes the worker about a second or more,
    // the stop a few milliseconds): stop the worker now.
    expect(await sentLog(page)).toHaveLength(0);
    await stopper.stop();

    await expect.poll(() => outcome(page), SLOW).toMatch(/^(held|unavailable)$/);
    expect(await sentLog(page)).toHaveLength(0);
    const dialog = page.locator('[data-preflight-dialog]');
    if ((await outcome(page)) === 'unavailable') {
      // Both tries fell in the stop: the person decides; a retry reaches the restarted worker.
      await page.locator('[data-preflight-action="retry"]').click();
      await expect.poll(() => outcome(page), SLOW).toBe('held');
    }
    expect(await dialog.locator('[data-preflight-held-finding^="placeholder/"]').count()).toBe(1);
    // Decided by the worker started after the stop.
    expect(await checksSinceStart()).toBeGreaterThanOrEqual(1);
    expect(await sentLog(page)).toHaveLength(0);
    await page.locator('[data-preflight-action="cancel"]').click();
    await expect.poll(() => dialog.count()).toBe(0);

    // A clean email whose send check is cut off the same way goes out once, and only once.
    await putBody(compose, `${CLEAN}${longText('clean')}`);
    await clickSend(page, compose);
    // The send's check is in flight (a check of this much text takes the worker about a second or more,
    // the stop a few milliseconds): stop the worker now.
    expect(await sentLog(page)).toHaveLength(0);
    await stopper.stop();
    await expect.poll(() => outcome(page), SLOW).toMatch(/^(sent|unavailable)$/);
    if ((await outcome(page)) === 'unavailable')
      await page.locator('[data-preflight-action="retry"]').click();
    await waitForSends(page, 1, 30_000);
    await page.waitForTimeout(500);
    expect(await sentLog(page)).toHaveLength(1);
    await page.close();
  });
});
