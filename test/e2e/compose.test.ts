// Inline warnings in real Chromium, on the Gmail (strict CSP + Trusted Types) and Outlook fixtures: typed
// like a person, underlined where the text is, fixed through the editor's own undo stack, and never sent.
import { join } from 'node:path';
import type { Locator, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  addRecipient,
  type Browser,
  bodyOf,
  clickSend,
  gmailInlineReply,
  gmailNewMessages,
  launchBrowser,
  openGmail,
  openOutlook,
  outlookCompose,
  type Rect,
  routeMailHosts,
  type Site,
  screenshot,
  sentLog,
  subjectOf,
  textRect,
  typeInto,
  waitForSends,
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

async function composeId(compose: Locator, site: Site): Promise<string> {
  return site === 'gmail'
    ? compose.locator('input[name="composeid"]').inputValue()
    : compose.evaluate((el) => el.id);
}

/** The shadow host Preflight mounted for this compose window (locators pierce open shadow roots). */
async function overlayOf(page: Page, compose: Locator, site: Site): Promise<Locator> {
  const id = await composeId(compose, site);
  return page.locator(`[data-preflight-root][data-compose-id="${id}"]`);
}

async function waitForResult(overlay: Locator, blocking: number, warnings?: number): Promise<void> {
  const chip = overlay.locator('[data-preflight-chip]');
  await expect.poll(() => chip.getAttribute('data-state'), SLOW).toBe('result');
  await expect.poll(async () => Number(await chip.getAttribute('data-blocking')), SLOW).toBe(blocking);
  if (warnings !== undefined) {
    await expect.poll(async () => Number(await chip.getAttribute('data-warnings')), SLOW).toBe(warnings);
  }
}

async function boxOf(locator: Locator): Promise<Rect> {
  const box = await locator.boundingBox();
  if (!box) throw new Error('not rendered');
  return { left: box.x, right: box.x + box.width, top: box.y, bottom: box.y + box.height };
}

/** The underline sits under the word: same horizontal span, close to the text's bottom edge. */
async function expectUnderlineUnder(underline: Locator, editor: Locator, text: string): Promise<void> {
  await expect.poll(() => underline.count(), SLOW).toBeGreaterThan(0);
  const word = await textRect(editor, text);
  const line = await boxOf(underline.first());
  expect(line.right).toBeGreaterThan(word.left);
  expect(line.left).toBeLessThan(word.right);
  expect(Math.abs(line.left - word.left)).toBeLessThan(3);
  expect(Math.abs(line.right - word.right)).toBeLessThan(3);
  expect(Math.abs(line.bottom - word.bottom)).toBeLessThan(6);
  expect(line.bottom - line.top).toBeLessThan(8);
}

/** The editor's text as the fixture sends it (innerText: line breaks as shown). */
function shownText(editor: Locator): Promise<string> {
  // biome-ignore lint/performance/useDomNodeTextContent: the fixture records innerText, line breaks included.
  return editor.evaluate((el) => (el as HTMLElement).innerText);
}

const VIOLATING = 'Hi Dana,\nWe guarantee 100% uptime for [Customer Name].';

async function exerciseInlineWarnings(page: Page, compose: Locator, site: Site, shot: string) {
  const editor = bodyOf(compose, site);
  const overlay = await overlayOf(page, compose, site);
  await typeInto(page, editor, VIOLATING);
  // the claim "guarantee 100% uptime" (one finding: its fix rewrites both), [Customer Name]
  await waitForResult(overlay, 2);
  const underlines = overlay.locator('[data-preflight-finding]');
  await expect.poll(() => underlines.count(), SLOW).toBe(2);
  const chip = overlay.locator('[data-preflight-chip]');
  const counted =
    Number(await chip.getAttribute('data-blocking')) + Number(await chip.getAttribute('data-warnings'));
  expect(await overlay.locator('[data-preflight-finding][data-severity="info"]').count()).toBe(2 - counted);
  await expectUnderlineUnder(
    overlay.locator('[data-preflight-finding="placeholder/template-field"]'),
    editor,
    '[Customer Name]',
  );
  await expectUnderlineUnder(
    overlay.locator('[data-preflight-finding="overcommitment/guarantee"]'),
    editor,
    'guarantee 100% uptime',
  );
  expect(await overlay.locator('[data-preflight-finding][data-severity="block"]').count()).toBe(2);

  // Hovering the word opens its card; its fix goes in through the editor, and the site's undo takes it back.
  const word = await textRect(editor, 'guarantee');
  await page.mouse.move((word.left + word.right) / 2, (word.top + word.bottom) / 2);
  const card = overlay.locator('[data-preflight-card]');
  await expect.poll(() => card.count(), SLOW).toBe(1);
  expect(await card.textContent()).toContain('Honest');
  await screenshot(page, shot);

  await card.locator('[data-preflight-action="apply"]').click();
  await expect.poll(() => shownText(editor), SLOW).toContain('We expect high uptime');
  expect(await card.count()).toBe(0);
  await waitForResult(overlay, 1);
  await expect.poll(() => underlines.count(), SLOW).toBe(1);
  await page.keyboard.press('Control+z');
  await expect.poll(() => shownText(editor), SLOW).toContain('We guarantee 100% uptime');
  await waitForResult(overlay, 2);
  await expect.poll(() => underlines.count(), SLOW).toBe(2);

  // Escape closes a card opened by a click on the flagged text; the click still places the caret.
  const placeholder = await textRect(editor, '[Customer Name]');
  await page.mouse.click(placeholder.left + 3, (placeholder.top + placeholder.bottom) / 2);
  await expect.poll(() => card.count(), SLOW).toBe(1);
  expect(await editor.evaluate((el) => el.contains(document.getSelection()?.anchorNode ?? null))).toBe(true);
  await page.keyboard.press('Escape');
  await expect.poll(() => card.count(), SLOW).toBe(0);
}

/** Nothing of Preflight in the editor, through a whole check cycle; the sent body is the typed text. */
async function exerciseDoNoHarm(page: Page, compose: Locator, site: Site, typed: string) {
  const editor = bodyOf(compose, site);
  const overlay = await overlayOf(page, compose, site);
  await typeInto(page, editor, typed);
  await expect.poll(() => overlay.locator('[data-preflight-finding]').count(), SLOW).toBeGreaterThan(0);
  const before = await editor.evaluate((el) => el.innerHTML);
  expect(before).not.toMatch(/preflight/i);
  // A check cycle without a body edit (the subject changes): the editor sees not one mutation.
  await editor.evaluate((el) => {
    const records: MutationRecord[] = [];
    const observer = new MutationObserver((list) => records.push(...list));
    observer.observe(el, { subtree: true, childList: true, characterData: true, attributes: true });
    (window as unknown as { __editorMutations: () => number }).__editorMutations = () =>
      records.length + observer.takeRecords().length;
  });
  const chip = overlay.locator('[data-preflight-chip]');
  await expect.poll(() => chip.getAttribute('data-state'), SLOW).toBe('result');
  const blocking = Number(await chip.getAttribute('data-blocking'));
  // The placeholder in the subject is one more blocking finding: proof that a whole check ran and was drawn.
  const subject = subjectOf(compose, site);
  await typeInto(page, subject, ' for [Customer Name]', { caret: 'end' });
  await waitForResult(overlay, blocking + 1);
  const mark = overlay.locator('[data-preflight-finding][data-field="subject"]');
  await expect.poll(() => mark.count(), SLOW).toBe(1);
  const input = await boxOf(subject);
  const line = await boxOf(mark);
  expect(line.left).toBeGreaterThanOrEqual(input.left);
  expect(line.right).toBeLessThanOrEqual(input.right + 1);
  expect(line.bottom).toBeLessThanOrEqual(input.bottom + 1);
  expect(line.bottom).toBeGreaterThan((input.top + input.bottom) / 2);
  await page.waitForTimeout(100);
  expect(
    await page.evaluate(() => (window as unknown as { __editorMutations: () => number }).__editorMutations()),
  ).toBe(0);
  expect(await editor.evaluate((el) => el.innerHTML)).toBe(before);

  const shown = await shownText(editor);
  expect(shown.startsWith(typed)).toBe(true);
  // The Outlook reply already has its recipient; the new Gmail message needs one to be sent.
  if (site === 'gmail') await addRecipient(page, compose, 'to', 'dana@contoso-health.example');
  const sentBefore = (await sentLog(page)).length;
  await clickSend(page, compose);
  // The draft breaks a blocking rule (the subject's placeholder): the send gate holds it until a person
  // decides, on the record.
  await page.locator('[data-preflight-dialog="held"]').waitFor({ timeout: 15_000 });
  await page.locator('[data-preflight-justification]').fill('Sent as typed to compare the text');
  await page.locator('[data-preflight-action="send-anyway"]').click();
  const log = await waitForSends(page, sentBefore + 1, 10_000);
  const sent = log[log.length - 1];
  expect(sent?.body).toBe(shown);
  expect(sent?.body.startsWith(typed)).toBe(true);
  expect(sent?.body).not.toMatch(/preflight/i);
}

describe('on Gmail (strict CSP and Trusted Types)', () => {
  it('underlines each finding under its text, counts it, and applies a fix the site can undo', async () => {
    const page = await openGmail(browser.context);
    const errors: string[] = [];
    page.on('console', (m) => {
      if (m.type() === 'error') errors.push(m.text());
    });
    const compose = gmailNewMessages(page).first();
    await exerciseInlineWarnings(page, compose, 'gmail', 'gmail-inline-warnings');
    expect(errors.filter((e) => /TrustedHTML|Content Security Policy/i.test(e))).toEqual([]);
    await page.close();
  });

  it('keeps underlines on the right characters after emoji and typed double spaces (NBSP)', async () => {
    const page = await openGmail(browser.context);
    const compose = gmailNewMessages(page).first();
    const editor = bodyOf(compose, 'gmail');
    const overlay = await overlayOf(page, compose, 'gmail');
    await typeInto(page, editor, 'Hi 👍🏽🎉  we guarantee  [Customer Name].');
    await waitForResult(overlay, 2);
    expect(await editor.evaluate((el) => el.textContent?.includes('\u00a0'))).toBe(true);
    await expectUnderlineUnder(
      overlay.locator('[data-preflight-finding="overcommitment/guarantee"]'),
      editor,
      'guarantee',
    );
    await expectUnderlineUnder(
      overlay.locator('[data-preflight-finding="placeholder/template-field"]'),
      editor,
      '[Customer Name]',
    );
    await page.close();
  });

  it('checks two compose windows independently', async () => {
    const page = await openGmail(browser.context);
    const mole = gmailNewMessages(page).first();
    const reply = gmailInlineReply(page).first();
    const moleOverlay = await overlayOf(page, mole, 'gmail');
    const replyOverlay = await overlayOf(page, reply, 'gmail');
    await typeInto(page, bodyOf(mole, 'gmail'), 'Hi Dana,\nWe guarantee zero downtime.');
    // One claim, one finding: "guarantee zero downtime".
    await waitForResult(moleOverlay, 1);
    await typeInto(
      page,
      bodyOf(reply, 'gmail'),
      'Hi Maya,\nThe Boston clinic goes first; I will send the SSO checklist today.',
    );
    await waitForResult(replyOverlay, 0);
    expect(await replyOverlay.locator('[data-preflight-finding]').count()).toBe(0);
    await waitForResult(moleOverlay, 1);
    expect(await moleOverlay.locator('[data-preflight-finding]').count()).toBe(1);
    await page.close();
  });

  it('does not flag the customer’s quoted words in an inline reply', async () => {
    const page = await openGmail(browser.context);
    const reply = gmailInlineReply(page).first();
    expect(await bodyOf(reply, 'gmail').textContent()).toContain('guarantee 100% uptime');
    const overlay = await overlayOf(page, reply, 'gmail');
    await typeInto(page, bodyOf(reply, 'gmail'), 'Hi Maya,\nThe Boston clinic goes first.');
    await waitForResult(overlay, 0);
    expect(await overlay.locator('[data-preflight-finding]').count()).toBe(0);
    await page.close();
  });

  it('dismisses a warning for this email, lists findings in the chip panel, and goes to one', async () => {
    const page = await openGmail(browser.context);
    const compose = gmailNewMessages(page).first();
    const overlay = await overlayOf(page, compose, 'gmail');
    await typeInto(
      page,
      bodyOf(compose, 'gmail'),
      'Dear valued customer,\nAs I already said, we guarantee it.',
    );
    const chip = overlay.locator('[data-preflight-chip]');
    await expect.poll(() => chip.getAttribute('data-state'), SLOW).toBe('result');
    await expect.poll(async () => Number(await chip.getAttribute('data-warnings')), SLOW).toBeGreaterThan(0);
    const warnings = Number(await chip.getAttribute('data-warnings'));
    await chip.click();
    const rows = overlay.locator('[data-preflight-panel] [data-preflight-action="go-to"]');
    await expect.poll(() => rows.count(), SLOW).toBeGreaterThan(warnings);
    const warnRow = overlay
      .locator('[data-preflight-panel] li.sev-warn [data-preflight-action="go-to"]')
      .first();
    await warnRow.click();
    const card = overlay.locator('[data-preflight-card]');
    await expect.poll(() => card.count(), SLOW).toBe(1);
    await card.locator('[data-preflight-action="report-false-positive"]').click();
    await expect.poll(() => card.textContent(), SLOW).toContain('Reported');
    await card.locator('[data-preflight-action="dismiss"]').click();
    await expect.poll(async () => Number(await chip.getAttribute('data-warnings')), SLOW).toBe(warnings - 1);
    await page.close();
  });

  it('changes nothing in the editor and sends exactly what was typed', async () => {
    const page = await openGmail(browser.context);
    const compose = gmailNewMessages(page).first();
    await exerciseDoNoHarm(
      page,
      compose,
      'gmail',
      'Hi Dana,\nWe guarantee 100% uptime.\nThanks for the call.',
    );
    await page.close();
  });
});

describe('on Outlook', () => {
  it('underlines each finding under its text, counts it, and applies a fix the site can undo', async () => {
    const page = await openOutlook(browser.context, 'outlook.office.com', { compose: 'new' });
    await exerciseInlineWarnings(page, outlookCompose(page).first(), 'outlook', 'outlook-inline-warnings');
    await page.close();
  });

  it('follows a re-rendered editor: underlines come back on the new nodes', async () => {
    const page = await openOutlook(browser.context, 'outlook.office.com', { compose: 'new' });
    const compose = outlookCompose(page).first();
    const editor = bodyOf(compose, 'outlook');
    const overlay = await overlayOf(page, compose, 'outlook');
    await typeInto(page, editor, VIOLATING);
    await waitForResult(overlay, 2);
    await expect.poll(() => overlay.locator('[data-preflight-finding]').count(), SLOW).toBe(2);
    // What React does to Outlook's body: the same content, new nodes.
    await editor.evaluate((el) => el.replaceChildren(...[...el.childNodes].map((n) => n.cloneNode(true))));
    await expect.poll(() => overlay.locator('[data-preflight-finding]').count(), SLOW).toBe(2);
    await expectUnderlineUnder(
      overlay.locator('[data-preflight-finding="placeholder/template-field"]'),
      editor,
      '[Customer Name]',
    );
    await page.close();
  });

  it('does not flag the customer’s quoted words in a reply', async () => {
    const page = await openOutlook(browser.context);
    const compose = outlookCompose(page).first();
    expect(await bodyOf(compose, 'outlook').textContent()).toContain('guarantee 100% uptime');
    const overlay = await overlayOf(page, compose, 'outlook');
    await typeInto(page, bodyOf(compose, 'outlook'), 'Hi Maya,\nThe Boston clinic goes first.');
    await waitForResult(overlay, 0);
    expect(await overlay.locator('[data-preflight-finding]').count()).toBe(0);
    await page.close();
  });

  it('changes nothing in the editor and sends exactly what was typed', async () => {
    const page = await openOutlook(browser.context);
    const compose = outlookCompose(page).first();
    await exerciseDoNoHarm(
      page,
      compose,
      'outlook',
      'Hi Maya,\nWe guarantee 100% uptime.\nThanks for the call.',
    );
    await page.close();
  });
});
