// What Preflight reads from a compose besides the text, in real Chromium on the fixtures: attachment names,
// the time of the customer's last message in a reply (SLA), recipients Outlook shows by name only, and the
// other Gmail compose surfaces (pop-out window, full screen, restored after a reload). Also the chip: it keeps
// its counts while a check runs and stays off the text.
import { join } from 'node:path';
import type { Locator, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  addRecipient,
  attachFile,
  type Browser,
  bodyOf,
  gmailInlineReply,
  gmailNewMessages,
  launchBrowser,
  openGmail,
  openGmailVariant,
  openOutlook,
  outlookCompose,
  routeMailHosts,
  savePolicy,
  setGmailThread,
  typeInto,
} from './harness.ts';

const root = new URL('../..', import.meta.url).pathname;
const DIST = join(root, 'dist/chrome');
const SLOW = { timeout: 15_000 };

const POLICY = {
  version: 1,
  organization: { name: 'Northwind Labs', internalDomains: ['northwind-labs.example'] },
  accounts: [
    {
      id: 'contoso',
      name: 'Contoso Health',
      domains: ['contoso-health.example'],
      contacts: ['Maya Chen <maya.chen@contoso-health.example>', 'Priya Natarajan'],
    },
    { id: 'globex', name: 'Globex Corporation', aliases: ['Globex'], domains: ['globex.example'] },
  ],
};

let browser: Browser;

beforeAll(async () => {
  browser = await launchBrowser({ extensionDir: DIST });
  await routeMailHosts(browser.context, { csp: 'gmail-strict' });
  await savePolicy(browser, POLICY);
});
afterAll(async () => {
  await browser?.close();
});

function overlayFor(page: Page, id: string): Locator {
  return page.locator(`[data-preflight-root][data-compose-id="${id}"]`);
}

async function gmailId(compose: Locator): Promise<string> {
  return compose.locator('input[name="composeid"]').inputValue();
}

const chipOf = (overlay: Locator) => overlay.locator('[data-preflight-chip]');

async function settled(overlay: Locator): Promise<{ blocking: number; warnings: number }> {
  const chip = chipOf(overlay);
  await expect.poll(() => chip.getAttribute('data-state'), SLOW).toBe('result');
  return {
    blocking: Number(await chip.getAttribute('data-blocking')),
    warnings: Number(await chip.getAttribute('data-warnings')),
  };
}

async function expectBlocking(overlay: Locator, n: number): Promise<void> {
  const chip = chipOf(overlay);
  await expect
    .poll(
      async () =>
        (await chip.getAttribute('data-state')) === 'result'
          ? Number(await chip.getAttribute('data-blocking'))
          : -1,
      SLOW,
    )
    .toBe(n);
}

/** Rule ids listed in the chip's findings panel, with the field each was found in. */
async function panelRows(overlay: Locator): Promise<string[]> {
  const chip = chipOf(overlay);
  const counted =
    Number(await chip.getAttribute('data-blocking')) + Number(await chip.getAttribute('data-warnings'));
  if (counted === 0) return [];
  if ((await chip.getAttribute('aria-expanded')) !== 'true') await chip.click();
  const rows = overlay.locator('[data-rule]');
  await expect.poll(() => rows.count(), SLOW).toBeGreaterThan(0);
  const out = await rows.evaluateAll((els) =>
    els.map((el) => `${el.getAttribute('data-rule')}@${el.querySelector('.row-field')?.textContent ?? ''}`),
  );
  await chip.click();
  await expect.poll(() => rows.count(), SLOW).toBe(0);
  return out;
}

describe('attachments', () => {
  it('Gmail: an attachment named for another account or a proposal without the marker is a finding', async () => {
    const page = await openGmail(browser.context);
    const compose = gmailNewMessages(page).first();
    const overlay = overlayFor(page, await gmailId(compose));
    await addRecipient(page, compose, 'to', 'maya.chen@contoso-health.example');
    await typeInto(
      page,
      bodyOf(compose, 'gmail'),
      'Hi Maya,\nThe notes from the Q3 rollout call are attached.',
    );
    const before = await settled(overlay);

    await attachFile(page, compose, 'Globex-QBR-2026.pdf');
    await expectBlocking(overlay, before.blocking + 1);
    expect(await panelRows(overlay)).toContain('cross-account/other-account-mention@Attachments');

    await attachFile(page, compose, 'Pricing-Proposal.pdf');
    await expectBlocking(overlay, before.blocking + 2);
    const rows = await panelRows(overlay);
    expect(rows.filter((r) => r.endsWith('@Attachments'))).toHaveLength(2);
    expect(rows.some((r) => r.startsWith('human-review/'))).toBe(true);
    await page.close();
  });

  it('Outlook: reads the attachment well; the name-only "Maya Chen" chip resolves to her account', async () => {
    const page = await openOutlook(browser.context, 'outlook.office.com');
    const compose = outlookCompose(page);
    const overlay = overlayFor(page, (await compose.getAttribute('id')) ?? '');
    // The subject names Contoso Health: not a finding, because the recipient is Contoso's contact.
    const before = await settled(overlay);
    expect((await panelRows(overlay)).filter((r) => r.startsWith('cross-account/'))).toEqual([]);

    await attachFile(page, compose, 'Globex-QBR-2026.pdf');
    await expectBlocking(overlay, before.blocking + 1);
    expect(await panelRows(overlay)).toContain('cross-account/other-account-mention@Attachments');
    await page.close();
  });
});

describe('thread time for the SLA rule', () => {
  async function replyRows(hoursAgo: number): Promise<string[]> {
    const page = await openGmail(browser.context);
    await setGmailThread(page, { hoursAgo, severityLabel: 'Sev 3' });
    const compose = gmailInlineReply(page);
    const overlay = overlayFor(page, await gmailId(compose));
    await settled(overlay);
    await typeInto(page, bodyOf(compose, 'gmail'), 'Hi Maya, site A goes first; details by Friday.', {
      caret: 'start',
    });
    await page.waitForTimeout(700); // past the typing pause: the check of the typed text has started
    await settled(overlay);
    const rows = await panelRows(overlay);
    await page.close();
    return rows;
  }

  it('flags an inline reply to a customer message older than the severity window', async () => {
    expect(await replyRows(30)).toContain('sla/response-window@Subject');
  });

  it('does not flag a reply inside the window', async () => {
    expect((await replyRows(2)).filter((r) => r.startsWith('sla/response-window'))).toEqual([]);
  });
});

describe('Gmail compose surfaces', () => {
  it('checks a popped-out compose window (body.xE.xp, compose under [role=main]) and its attachment', async () => {
    const page = await openGmailVariant(browser.context, 'popout');
    expect(await page.locator('body.xE.xp [role="main"] div.M9').count()).toBe(1);
    const overlay = overlayFor(page, 'c6120');
    await expectBlocking(overlay, 1);
    // Only the attachment's name says "proposal"; the rule points its fix at the subject, where the marker goes.
    expect((await panelRows(overlay)).filter((r) => r.startsWith('human-review/'))).toEqual([
      'human-review/missing-marker@Subject',
    ]);
    await page.close();
  });

  it('checks a full-screen compose (.aSs .aSt)', async () => {
    const page = await openGmailVariant(browser.context, 'fullscreen');
    const compose = page.locator('.aSs .aSt div.M9');
    const overlay = overlayFor(page, 'c7340');
    await settled(overlay);
    await typeInto(page, bodyOf(compose, 'gmail'), 'We guarantee 100% uptime. ', { caret: 'start' });
    await expectBlocking(overlay, 2);
    await page.close();
  });

  it('finds the composes a reload restores (present in the first HTML) and checks them', async () => {
    const page = await openGmail(browser.context);
    await expect.poll(() => page.locator('[data-preflight-root]').count(), SLOW).toBe(2);
    await page.reload({ waitUntil: 'domcontentloaded' });
    await page.waitForFunction(() => document.documentElement.getAttribute('data-fixture-ready') === 'gmail');
    await expect.poll(() => page.locator('[data-preflight-root]').count(), SLOW).toBe(2);
    for (const id of ['c9307', 'c2418']) await settled(overlayFor(page, id));
    await page.close();
  });
});

describe('status chip', () => {
  it('keeps the last counts while a new check runs, never flashing 0', async () => {
    const page = await openGmail(browser.context);
    const compose = gmailNewMessages(page).first();
    const id = await gmailId(compose);
    const overlay = overlayFor(page, id);
    await typeInto(page, bodyOf(compose, 'gmail'), 'We guarantee 100% uptime.');
    await expectBlocking(overlay, 2);
    // Record every state the chip passes through from here on.
    await page.evaluate((composeId) => {
      const host = document.querySelector(`[data-preflight-root][data-compose-id="${composeId}"]`);
      const seen: string[] = [];
      (window as unknown as { __chipStates: string[] }).__chipStates = seen;
      const chip = () => host?.shadowRoot?.querySelector('[data-preflight-chip]');
      new MutationObserver(() => {
        const c = chip();
        if (c) seen.push(`${c.getAttribute('data-state')}:${c.getAttribute('data-blocking')}`);
      }).observe(host?.shadowRoot as ShadowRoot, { attributes: true, subtree: true });
    }, id);
    await typeInto(page, bodyOf(compose, 'gmail'), ' It is risk-free and fully secure.');
    await expect
      .poll(async () => Number(await chipOf(overlay).getAttribute('data-blocking')), SLOW)
      .toBeGreaterThan(2);
    await expect.poll(() => chipOf(overlay).getAttribute('data-state'), SLOW).toBe('result');
    const states = await page.evaluate(() => (window as unknown as { __chipStates: string[] }).__chipStates);
    expect(states.some((s) => s.startsWith('checking:'))).toBe(true);
    expect(states.filter((s) => s.startsWith('checking:')).every((s) => s === 'checking:2')).toBe(true);
    await page.close();
  });

  it('sits outside the inline reply’s editor, clear of the quoted customer text', async () => {
    const page = await openGmail(browser.context);
    const compose = gmailInlineReply(page);
    const overlay = overlayFor(page, await gmailId(compose));
    await settled(overlay);
    const editor = bodyOf(compose, 'gmail');
    await expect
      .poll(async () => {
        const chip = await chipOf(overlay).boundingBox();
        const box = await editor.boundingBox();
        // Anywhere outside the editor (the chip sits where it covers no control, issue 19).
        return chip && box
          ? chip.y + chip.height <= box.y + 1 ||
              chip.y >= box.y + box.height - 1 ||
              chip.x + chip.width <= box.x + 1 ||
              chip.x >= box.x + box.width - 1
          : false;
      }, SLOW)
      .toBe(true);
    await page.close();
  });
});
