// How long a clean email waits between the person's click on Send and the page's own send handler: the
// delay the send gate adds. For the benchmark (scripts/bench.mjs) and a self-check in send-gate.test.ts.
import type { Locator, Page } from 'playwright-core';

const SEND = {
  gmail: '.IZ .Up div > div[role="button"]:not(.Uo):not([aria-haspopup="true"])',
  outlook: '[data-testid="ComposeSendButton"] button:not([aria-haspopup])',
} as const;
const BODY = {
  gmail: '.Ap [g_editable="true"]',
  outlook: '[contenteditable="true"][aria-multiline="true"]',
} as const;
const CLEAN = 'Hi Dana, thanks for the call today about the rollout plan.';

interface Sent {
  at: string;
}

async function sentLog(page: Page): Promise<Sent[]> {
  const raw = await page.evaluate(() => document.documentElement.getAttribute('data-fixture-sent-log'));
  return raw ? (JSON.parse(raw) as Sent[]) : [];
}

/** A new compose with a recipient, after the previous one was sent (the fixture removed it). */
async function newCompose(page: Page, site: 'gmail' | 'outlook'): Promise<Locator> {
  if (site === 'gmail') {
    const id = await page.evaluate(() => {
      const fixture = (window as unknown as { __fixture: { openNewMessage(): string } }).__fixture;
      return fixture.openNewMessage();
    });
    const compose = page.locator('div.M9', { has: page.locator(`input[name="composeid"][value="${id}"]`) });
    // Typed, not yet a chip: Gmail (and the fixture) send to it, and the draft reader reads it.
    await compose
      .locator('.anm[name="to"] input[role="combobox"]')
      .evaluate((el) => ((el as HTMLInputElement).value = 'dana@contoso-health.example'));
    return compose;
  }
  await page.locator('button[aria-label="New mail"]').click();
  const compose = page.locator('[id^="docking_InitVisiblePart"]').first();
  await compose
    .locator('.recipient-row [contenteditable="true"][aria-label="To"]')
    .evaluate((el) => el.append('dana@contoso-health.example'));
  return compose;
}

/**
 * Sends a clean email `runs` times and returns, per run, the milliseconds from the click on Send (taken in
 * the page just before the trusted press) to the send time the fixture's own handler recorded. `compose`
 * (a Gmail or Outlook fixture compose with a recipient) sends first, as a warm-up of the worker that is not
 * counted; each later run opens a new compose, as a person would after sending.
 */
export async function measureSendLatency(page: Page, compose: Locator, runs: number): Promise<number[]> {
  const site = (await compose.evaluate((el) => el.matches('div.M9'))) ? 'gmail' : 'outlook';
  const times: number[] = [];
  let target = compose;
  for (let run = 0; run <= runs; run++) {
    if (run > 0) target = await newCompose(page, site);
    const editor = target.locator(BODY[site]).first();
    await editor.waitFor({ state: 'visible' });
    await editor.evaluate((el, text) => {
      (el as HTMLElement).focus();
      document.execCommand('selectAll');
      document.execCommand('insertText', false, text);
    }, CLEAN);
    // Past the gate's cooldown after the previous send and the live check's typing pause.
    await page.waitForTimeout(1200);
    const before = (await sentLog(page)).length;
    const button = target.locator(SEND[site]).first();
    const box = await button.boundingBox();
    if (!box) throw new Error('Send is not on screen');
    await page.mouse.move(box.x + box.width / 2, box.y + box.height / 2);
    const clickedAt = await page.evaluate(() => Date.now());
    await page.mouse.down();
    await page.mouse.up();
    await page.waitForFunction(
      (n) => Number(document.documentElement.getAttribute('data-fixture-sent-count') ?? '0') > n,
      before,
      { timeout: 15_000 },
    );
    const log = await sentLog(page);
    const at = Date.parse(log[log.length - 1]?.at ?? '');
    if (run > 0) times.push(at - clickedAt);
  }
  return times;
}
