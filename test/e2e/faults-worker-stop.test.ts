// The worker stopped in the middle of a check (Chromium stops an idle extension worker at will, and an
// update or a crash does the same): the compose keeps working, the next check finds the issues again, and
// a send in that state is held and decided, never sent unchecked silently and never left hanging.
import { join } from 'node:path';
import type { Locator, Page, Worker } from 'playwright-core';
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
import { type WorkerStopper, workerStopper } from './worker-control.ts';

const root = new URL('../..', import.meta.url).pathname;
const SLOW = { timeout: 30_000 };
let browser: Browser;
let stopper: WorkerStopper;

beforeAll(async () => {
  browser = await launchBrowser({ extensionDir: join(root, 'dist/chrome') });
  await routeMailHosts(browser.context, { csp: 'gmail-strict' });
  stopper = await workerStopper(browser);
});
afterAll(async () => {
  await stopper?.close();
  await browser?.close();
});

async function chipOf(page: Page, compose: Locator): Promise<Locator> {
  const id = await compose.locator('input[name="composeid"]').inputValue();
  return page.locator(`[data-preflight-root][data-compose-id="${id}"] [data-preflight-chip]`);
}

function currentWorker(): Worker | undefined {
  return browser.context
    .serviceWorkers()
    .find((w) => w.url().startsWith(`chrome-extension://${browser.extensionId}/`));
}

/**
 * Some 600 kB of distinct sentences (no result or sentence reading can be reused from an earlier check),
 * so a check keeps the worker's thread busy for a good while and a stop lands in it. Put in through the
 * editor's own input path: typing this much would take minutes.
 */
function longText(tag: string): string {
  const out: string[] = [];
  for (let i = 0, size = 0; size < 600_000; i++) {
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

/**
 * Waits until the worker's thread is busy (a script evaluated in it does not answer within 300 ms): the
 * check it received is running in the engine. Nothing in the shipped build is changed for this.
 */
async function waitUntilWorkerBusy(): Promise<void> {
  await expect
    .poll(
      async () => {
        const worker = currentWorker();
        if (!worker) return false;
        const answered = await Promise.race([
          worker.evaluate(() => true).catch(() => true),
          new Promise<false>((resolve) => setTimeout(() => resolve(false), 300)),
        ]);
        return !answered;
      },
      { timeout: 20_000, interval: 10 },
    )
    .toBe(true);
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
    await waitUntilWorkerBusy();
    await stopper.stop();

    // The check that was cut off is tried again on the restarted worker: the chip neither keeps spinning
    // nor gives up, it shows the findings.
    await expect.poll(() => chip.getAttribute('data-state'), SLOW).toBe('result');
    expect(await chip.getAttribute('data-blocking')).toBe('1');

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
    await waitUntilWorkerBusy();
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
    expect(await sentLog(page)).toHaveLength(0);
    await page.locator('[data-preflight-action="cancel"]').click();
    await expect.poll(() => dialog.count()).toBe(0);

    // A clean email whose send check is cut off the same way goes out once, and only once.
    await putBody(compose, `${CLEAN}${longText('clean')}`);
    await clickSend(page, compose);
    await waitUntilWorkerBusy();
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
