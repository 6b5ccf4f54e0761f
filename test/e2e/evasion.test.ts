// A disguised violation typed into the Gmail compose fixture: a zero-width space and a Cyrillic letter inside
// "guaranteed" do not hide it, and the underline lands on the characters as typed, not next to them.
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  type Browser,
  bodyOf,
  gmailNewMessages,
  launchBrowser,
  openGmail,
  routeMailHosts,
  textRect,
  typeInto,
} from './harness.ts';

const root = new URL('../..', import.meta.url).pathname;
const DIST = join(root, 'dist/chrome');
const SLOW = { timeout: 15_000 };

let browser: Browser;

beforeAll(async () => {
  browser = await launchBrowser({ extensionDir: DIST });
  await routeMailHosts(browser.context, { csp: 'gmail-strict' });
});
afterAll(async () => {
  await browser?.close();
});

describe('evasion in the Gmail compose fixture', () => {
  it('underlines a guarantee disguised with a zero-width space and a Cyrillic letter, on its own characters', async () => {
    const page = await openGmail(browser.context);
    const compose = gmailNewMessages(page).first();
    const editor = bodyOf(compose, 'gmail');
    const id = await compose.locator('input[name="composeid"]').inputValue();
    const overlay = page.locator(`[data-preflight-root][data-compose-id="${id}"]`);
    const disguised = 'gua\u200Brаnteed'; // U+200B zero-width space, U+0430 Cyrillic a
    await typeInto(page, editor, `Hi Dana,\nDelivery is ${disguised} before your board meeting.`);
    expect(await editor.evaluate((el, word) => el.textContent?.includes(word), disguised)).toBe(true);

    const underline = overlay.locator('[data-preflight-finding="overcommitment/guarantee"]');
    await expect.poll(() => underline.count(), SLOW).toBeGreaterThan(0);
    expect(await underline.first().getAttribute('data-field')).toBe('body');
    const box = await underline.first().boundingBox();
    if (!box) throw new Error('the underline is not rendered');
    const line = { left: box.x, right: box.x + box.width, top: box.y, bottom: box.y + box.height };
    const word = await textRect(editor, disguised);
    // Overlaps the disguised word, and spans it from its first to its last character.
    expect(line.right).toBeGreaterThan(word.left);
    expect(line.left).toBeLessThan(word.right);
    expect(Math.abs(line.left - word.left)).toBeLessThan(3);
    expect(Math.abs(line.right - word.right)).toBeLessThan(3);
    expect(Math.abs(line.bottom - word.bottom)).toBeLessThan(6);
    // And not on the words around it.
    const before = await textRect(editor, 'Delivery is');
    expect(line.left).toBeGreaterThan(before.right - 1);
    await page.close();
  });
});
