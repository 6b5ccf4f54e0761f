// Editing a built-in rule's phrase list in the options page reaches an open Gmail compose without a reload:
// the added phrase is underlined, the removed one no longer is.
import { join } from 'node:path';
import type { Locator, Page } from 'playwright-core';
import { afterAll, beforeAll, expect, it } from 'vitest';
import {
  type Browser,
  gmailComposes,
  launchBrowser,
  openGmail,
  routeMailHosts,
  screenshot,
  textRect,
  typeInto,
} from './harness.ts';

const DIST = join(new URL('../..', import.meta.url).pathname, 'dist/chrome');
const RULE = 'overcommitment/guarantee';
const REMOVED = 'guaranteed';
const ADDED = 'ironclad promise';

let browser: Browser;
type Chrome = { chrome: { runtime: { sendMessage(message: unknown): Promise<unknown> } } };

beforeAll(async () => {
  browser = await launchBrowser({ extensionDir: DIST });
  await routeMailHosts(browser.context, { csp: 'gmail-strict' });
});
afterAll(async () => {
  await browser?.close();
});

/** The rule's underlines that lie under the phrase (same line, overlapping it). */
async function underlinesUnder(page: Page, editor: Locator, phrase: string): Promise<number> {
  const target = await textRect(editor, phrase);
  const marks = page.locator(`[data-preflight-root] [data-preflight-finding="${RULE}"]`);
  let n = 0;
  for (const mark of await marks.all()) {
    const box = await mark.boundingBox();
    if (!box) continue;
    const overlaps = box.x < target.right && box.x + box.width > target.left;
    const sameLine = box.y + box.height >= target.top && box.y <= target.bottom + 6;
    if (overlaps && sameLine) n++;
  }
  return n;
}

it('removes a built-in phrase and adds a new one; an open compose follows without a reload', async () => {
  const options = await browser.context.newPage();
  await options.goto(`chrome-extension://${browser.extensionId}/src/options/index.html`);
  await options.locator('[data-preflight-options][data-ready="true"]').waitFor({ timeout: 10_000 });
  await options.evaluate(() =>
    (globalThis as unknown as Chrome).chrome.runtime.sendMessage({ kind: 'policy-reset' }),
  );
  await options.reload();
  await options.locator('[data-preflight-options][data-ready="true"]').waitFor({ timeout: 10_000 });

  const gmail = await openGmail(browser.context);
  const editor = gmailComposes(gmail).first().locator('[g_editable="true"]');
  await typeInto(
    gmail,
    editor,
    `Hi Dana,\nDelivery is ${REMOVED} before your board meeting.\nThat is an ${ADDED} from our team.\nBest, Sam`,
  );
  // Before: the built-in phrase is underlined, the new one is not.
  await expect.poll(() => underlinesUnder(gmail, editor, REMOVED), { timeout: 10_000 }).toBe(1);
  expect(await underlinesUnder(gmail, editor, ADDED)).toBe(0);

  const editorBox = options.locator(`[data-preflight-phrases="${RULE}"]`);
  await editorBox.locator('summary').click();
  await editorBox
    .locator(`[data-preflight-phrase="${REMOVED}"] [data-preflight-phrase-action="remove"]`)
    .click();
  await expect
    .poll(() => editorBox.locator(`[data-preflight-phrase="${REMOVED}"]`).getAttribute('data-state'))
    .toBe('removed');
  await editorBox.locator(`[data-preflight-phrase-input="${RULE}"]`).fill(`  ${ADDED} `);
  await editorBox.locator(`[data-preflight-phrase-add="${RULE}"]`).click();
  await expect
    .poll(() => editorBox.locator(`[data-preflight-phrase="${ADDED}"]`).getAttribute('data-state'))
    .toBe('added');
  // Saved as the policy file's rules.<id>.phrases.
  const state = (await options.evaluate(() =>
    (globalThis as unknown as Chrome).chrome.runtime.sendMessage({ kind: 'policy-get' }),
  )) as { user: { rules?: Record<string, unknown> } };
  expect(state.user.rules?.[RULE]).toEqual({ phrases: { add: [ADDED], remove: [REMOVED] } });

  // After, in the compose that stayed open: the new phrase is underlined, the removed one is not.
  await expect.poll(() => underlinesUnder(gmail, editor, ADDED), { timeout: 10_000 }).toBe(1);
  expect(await underlinesUnder(gmail, editor, REMOVED)).toBe(0);
  await editorBox.scrollIntoViewIfNeeded();
  await screenshot(options, 'options-phrases');

  // Restoring the built-in phrase brings its underline back.
  await editorBox
    .locator(`[data-preflight-phrase="${REMOVED}"] [data-preflight-phrase-action="restore"]`)
    .click();
  await expect.poll(() => underlinesUnder(gmail, editor, REMOVED), { timeout: 10_000 }).toBe(1);

  // A phrase already in the list is refused with a reason, and nothing is saved.
  await editorBox.locator(`[data-preflight-phrase-input="${RULE}"]`).fill('Guarantee');
  await editorBox.locator(`[data-preflight-phrase-add="${RULE}"]`).click();
  expect(await editorBox.locator(`[data-preflight-phrase-problem="${RULE}"]`).textContent()).toContain(
    'already in the list',
  );

  await options.evaluate(() =>
    (globalThis as unknown as Chrome).chrome.runtime.sendMessage({ kind: 'policy-reset' }),
  );
  await gmail.close();
  await options.close();
});
