// The fixtures behave like the sites (no extension loaded): sends are recorded, shortcuts follow the same
// rules as Gmail and Outlook, and the strict CSP route enforces Trusted Types.
import { readFile } from 'node:fs/promises';
import type { Page } from 'playwright-core';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import {
  addRecipient,
  bodyOf,
  clickSend,
  FIXTURE_FILES,
  fixtureAlerts,
  GMAIL,
  gmailComposes,
  gmailInlineReply,
  gmailNewMessages,
  type LaunchedBrowser,
  launchBrowser,
  type MailRoutes,
  OUTLOOK,
  openGmail,
  openGmailCompose,
  openOutlook,
  openPlainPage,
  outlookCompose,
  pressOnSend,
  pressSendShortcut,
  routeMailHosts,
  scheduleSend,
  screenshot,
  sentLog,
  subjectOf,
  typeInto,
  waitForSends,
} from './harness.ts';

const TIMEOUT = 60_000;

/** Lets queued events and timers run, so a send that was going to happen has happened. */
async function settle(page: Page): Promise<void> {
  await page.evaluate(() => new Promise((r) => setTimeout(r, 150)));
}

describe('mail fixtures without an extension', { timeout: TIMEOUT }, () => {
  let browser: LaunchedBrowser;
  let routes: MailRoutes;
  const pages: Page[] = [];

  beforeAll(async () => {
    browser = await launchBrowser();
    routes = await routeMailHosts(browser.context);
  }, TIMEOUT);

  afterEach(async () => {
    for (const page of pages.splice(0)) await page.close().catch(() => {});
  });

  afterAll(async () => {
    await browser?.close();
  }, TIMEOUT);

  async function gmail(): Promise<Page> {
    const page = await openGmail(browser.context);
    pages.push(page);
    return page;
  }

  async function outlook(...args: Parameters<typeof openOutlook> extends [unknown, ...infer R] ? R : never) {
    const page = await openOutlook(browser.context, ...args);
    pages.push(page);
    return page;
  }

  describe('Gmail', () => {
    it('is served on the real hostname with the fixture DOM that mail-dom.md selectors match', async () => {
      const page = await gmail();
      expect(await page.evaluate(() => location.host)).toBe('mail.google.com');
      expect(await page.evaluate(() => location.protocol)).toBe('https:');
      // One new message mole and one inline reply, each a div.M9 with its own composeid.
      expect(await gmailComposes(page).count()).toBe(2);
      expect(await gmailNewMessages(page).count()).toBe(1);
      expect(await gmailInlineReply(page).count()).toBe(1);
      const ids = await gmailComposes(page).evaluateAll((els) =>
        els.map((el) => (el.querySelector('input[name="composeid"]') as HTMLInputElement).value),
      );
      expect(new Set(ids).size).toBe(2);
      // Selectors from section 4 resolve to exactly one element inside each compose.
      for (const compose of [gmailNewMessages(page), gmailInlineReply(page)]) {
        expect(await compose.locator(GMAIL.body).count()).toBe(1);
        expect(await compose.locator(GMAIL.subject).count()).toBe(1);
        expect(await compose.locator(GMAIL.send).count()).toBe(1);
        expect(await compose.locator(GMAIL.moreSendOptions).count()).toBe(1);
        expect(await compose.locator(GMAIL.discard).count()).toBe(1);
        expect(await compose.locator(GMAIL.combobox('to')).count()).toBe(1);
      }
      expect(await page.locator('.dw .nH > .nH > .no > div.AD div.nH.Hd[role="dialog"]').count()).toBe(1);
      expect(await page.locator('div.aoI[role="region"][aria-label="New Message"]').count()).toBe(1);
      expect(
        await page
          .locator(
            'table.IZ[role="group"] td.gU.Up div.J-J5-Ji.btA div.dC > ' +
              'div.T-I.J-J5-Ji.aoO.v7.T-I-atl.L3[role="button"][tabindex="1"][data-tooltip="Send (Ctrl-Enter)"]',
          )
          .count(),
      ).toBe(2);
      expect(
        await page
          .locator(
            '.Ap div.Am.aiL.Al.editable[contenteditable="true"][role="textbox"][aria-multiline="true"]' +
              '[aria-label="Message Body"][g_editable="true"]',
          )
          .count(),
      ).toBe(2);
      expect(await page.locator('input.agP.aFw[role="combobox"][aria-label="To recipients"]').count()).toBe(
        2,
      );
      // The inline reply: .ip.adB, a div.aUy in its recipient path, a "Re:" subject, quote and signature.
      const reply = gmailInlineReply(page);
      expect(await reply.locator('.anm[name="to"] > div.aUy [role="listbox"] [role="option"]').count()).toBe(
        1,
      );
      expect(await reply.locator(GMAIL.chips('to')).getAttribute('data-hovercard-id')).toBe(
        'maya.chen@contoso-health.example',
      );
      expect(await subjectOf(reply, 'gmail').inputValue()).toMatch(/^Re: /);
      expect((await reply.locator('.gmail_quote .gmail_attr').textContent())?.trim()).toMatch(
        /^On .* wrote:$/,
      );
      expect(await reply.locator('blockquote.gmail_quote').count()).toBe(1);
      expect(await reply.locator('span.gmail_signature_prefix + br + div.gmail_signature').count()).toBe(1);
      expect(await gmailNewMessages(page).locator('.aUy').count()).toBe(0);
      await screenshot(page, 'fixtures-gmail-initial');
    });

    it('clicking Send in a new message records exactly one send with what was typed, then removes the mole', async () => {
      const page = await gmail();
      const compose = gmailNewMessages(page).first();
      await addRecipient(page, compose, 'to', 'Dana Reyes <dana.reyes@fabrikam-logistics.example>');
      await addRecipient(page, compose, 'cc', 'ops@fabrikam-logistics.example');
      await typeInto(page, subjectOf(compose, 'gmail'), 'Kickoff agenda for Tuesday');
      await typeInto(page, bodyOf(compose, 'gmail'), 'Hi Dana,\nHere is the agenda for Tuesday.');
      // The chip is a PeopleKit option with the address and the display name.
      const chip = compose.locator(GMAIL.chips('to'));
      expect(await chip.getAttribute('data-hovercard-id')).toBe('dana.reyes@fabrikam-logistics.example');
      expect(await chip.getAttribute('data-name')).toBe('Dana Reyes');
      // Typing a subject renames the region and the title, as Gmail does.
      expect(await compose.locator('.aoI[role="region"]').getAttribute('aria-label')).toBe(
        'Kickoff agenda for Tuesday',
      );
      expect(await sentLog(page)).toEqual([]);

      await clickSend(page, compose);
      const log = await waitForSends(page, 1);
      await settle(page);
      expect(await sentLog(page)).toHaveLength(1);
      const [sent] = log;
      expect(sent).toMatchObject({
        site: 'gmail',
        host: 'mail.google.com',
        kind: 'send',
        via: 'click',
        trusted: true,
        inline: false,
        to: ['dana.reyes@fabrikam-logistics.example'],
        cc: ['ops@fabrikam-logistics.example'],
        bcc: [],
        subject: 'Kickoff agenda for Tuesday',
      });
      expect(sent?.composeId).toBe('c2418');
      expect(sent?.body.startsWith('Hi Dana,\nHere is the agenda for Tuesday.')).toBe(true);
      expect(sent?.body).toContain('Sam Ortiz');
      expect(await gmailNewMessages(page).count()).toBe(0);
      expect(await gmailInlineReply(page).count()).toBe(1);
      await expect.poll(() => page.locator(GMAIL.snackbar).textContent()).toContain('Message sent');
      expect(await page.locator('#link_undo').count()).toBe(1);
    });

    it('Ctrl+Enter in the inline reply sends it, and keys never leave the compose', async () => {
      const page = await gmail();
      const reply = gmailInlineReply(page);
      const docKeysBefore = await page.evaluate(
        () => (window as never as { __fixture: { documentKeyEvents: number } }).__fixture.documentKeyEvents,
      );
      await typeInto(page, bodyOf(reply, 'gmail'), 'Hi Maya,\nThe north clinic goes first.');
      await pressSendShortcut(page, 'ctrl-enter');
      const [sent] = await waitForSends(page, 1);
      expect(sent).toMatchObject({
        kind: 'send',
        via: 'keyboard',
        key: 'ctrl+enter',
        inline: true,
        composeId: 'c9307',
        to: ['maya.chen@contoso-health.example'],
        subject: 'Re: Q3 rollout plan for Contoso Health',
      });
      expect(sent?.body.startsWith('Hi Maya,\nThe north clinic goes first.')).toBe(true);
      expect(sent?.body).toContain('wrote:');
      const docKeysAfter = await page.evaluate(
        () => (window as never as { __fixture: { documentKeyEvents: number } }).__fixture.documentKeyEvents,
      );
      expect(docKeysAfter).toBe(docKeysBefore);
      expect(await gmailInlineReply(page).count()).toBe(0);
      expect(await page.locator('.ip.adB').count()).toBe(0);
      // The same keys typed outside a compose do reach the document.
      await page.locator('input[aria-label="Search mail"]').click();
      await page.keyboard.type('abc');
      const docKeysOutside = await page.evaluate(
        () => (window as never as { __fixture: { documentKeyEvents: number } }).__fixture.documentKeyEvents,
      );
      expect(docKeysOutside).toBe(docKeysAfter + 3);
    });

    it('a synthetic Ctrl+Enter (keyCode 0) does not send, a real one does', async () => {
      const page = await gmail();
      const compose = gmailNewMessages(page).first();
      await addRecipient(page, compose, 'to', 'dana.reyes@fabrikam-logistics.example');
      await typeInto(page, bodyOf(compose, 'gmail'), 'Draft');
      const keyCode = await bodyOf(compose, 'gmail').evaluate((el) => {
        const event = new KeyboardEvent('keydown', {
          key: 'Enter',
          ctrlKey: true,
          bubbles: true,
          cancelable: true,
        });
        el.dispatchEvent(event);
        return event.keyCode;
      });
      expect(keyCode).toBe(0);
      await settle(page);
      expect(await sentLog(page)).toEqual([]);
      expect(await gmailNewMessages(page).count()).toBe(1);
      await pressSendShortcut(page, 'ctrl-enter');
      const log = await waitForSends(page, 1);
      expect(log).toHaveLength(1);
      expect(log[0]?.trusted).toBe(true);
    });

    it('Enter (and Space) on the focused Send button sends', async () => {
      const page = await gmail();
      const compose = gmailNewMessages(page).first();
      await addRecipient(page, compose, 'to', 'dana.reyes@fabrikam-logistics.example');
      await pressOnSend(page, compose, 'Enter');
      const [sent] = await waitForSends(page, 1);
      expect(sent).toMatchObject({ via: 'button-key', key: 'enter', composeId: 'c2418' });

      const second = await openGmailCompose(page);
      await addRecipient(page, second, 'to', 'ops@fabrikam-logistics.example');
      await pressOnSend(page, second, 'Space');
      const log = await waitForSends(page, 2);
      expect(log[1]).toMatchObject({
        via: 'button-key',
        key: 'space',
        to: ['ops@fabrikam-logistics.example'],
      });
      expect(log[1]?.composeId).not.toBe('c2418');
    });

    it('"More send options" opens on mousedown+mouseup (not element.click) and schedule send records a schedule', async () => {
      const page = await gmail();
      const compose = gmailNewMessages(page).first();
      await addRecipient(page, compose, 'to', 'dana.reyes@fabrikam-logistics.example');
      await compose.locator(GMAIL.moreSendOptions).evaluate((el) => (el as HTMLElement).click());
      await settle(page);
      expect(await page.locator(GMAIL.scheduleMenuItem).count()).toBe(0);
      await scheduleSend(page, compose, 'Tomorrow morning');
      const log = await waitForSends(page, 1);
      expect(log).toHaveLength(1);
      expect(log[0]).toMatchObject({
        kind: 'schedule',
        via: 'schedule-menu',
        scheduledFor: 'Nov 25, 8:00 AM',
        to: ['dana.reyes@fabrikam-logistics.example'],
      });
      expect(await gmailNewMessages(page).count()).toBe(0);
    });

    it('the Compose button opens more composes; each sends on its own', async () => {
      const page = await gmail();
      const second = await openGmailCompose(page);
      const third = await openGmailCompose(page);
      expect(await gmailNewMessages(page).count()).toBe(3);
      const ids = await gmailNewMessages(page).evaluateAll((els) =>
        els.map((el) => (el.querySelector('input[name="composeid"]') as HTMLInputElement).value),
      );
      expect(new Set(ids).size).toBe(3);
      // Element ids stay unique across clones.
      const dupes = await page.evaluate(() => {
        const seen = new Map<string, number>();
        for (const el of document.querySelectorAll('[id]')) seen.set(el.id, (seen.get(el.id) ?? 0) + 1);
        return [...seen].filter(([, n]) => n > 1).map(([id]) => id);
      });
      expect(dupes).toEqual([]);
      await addRecipient(page, third, 'to', 'lee.park@fabrikam-logistics.example');
      await typeInto(page, subjectOf(third, 'gmail'), 'Third');
      await clickSend(page, third);
      const [sent] = await waitForSends(page, 1);
      expect(sent?.subject).toBe('Third');
      expect(sent?.composeId).toBe(ids[2]);
      expect(await gmailNewMessages(page).count()).toBe(2);
      expect(await second.isVisible()).toBe(true);
    });

    it('a send with no recipient is refused with an alert and recorded nowhere', async () => {
      const page = await gmail();
      const compose = gmailNewMessages(page).first();
      await clickSend(page, compose);
      await settle(page);
      expect(await sentLog(page)).toEqual([]);
      expect(await fixtureAlerts(page)).toEqual(['Please specify at least one recipient.']);
      expect(await page.locator('[role="alertdialog"]').count()).toBe(1);
      expect(await gmailNewMessages(page).count()).toBe(1);
    });

    it('typing an address and Enter makes a chip; a synthetic Enter does not', async () => {
      const page = await gmail();
      const compose = gmailNewMessages(page).first();
      const input = compose.locator(GMAIL.combobox('to'));
      await input.fill('quiet@fabrikam-logistics.example');
      await input.evaluate((el) =>
        el.dispatchEvent(new KeyboardEvent('keydown', { key: 'Enter', bubbles: true, cancelable: true })),
      );
      expect(await compose.locator(GMAIL.chips('to')).count()).toBe(0);
      await input.fill('');
      await addRecipient(page, compose, 'to', 'dana.reyes@fabrikam-logistics.example');
      expect(await compose.locator(GMAIL.chips('to')).count()).toBe(1);
      expect(await input.inputValue()).toBe('');
    });
  });

  describe('Outlook', () => {
    it('serves every Outlook host with the compose under MailReadCompose and a read view that also says "Message body"', async () => {
      for (const host of [
        'outlook.office.com',
        'outlook.office365.com',
        'outlook.live.com',
        'outlook.cloud.microsoft',
      ] as const) {
        const page = await outlook(host);
        expect(await page.evaluate(() => location.host)).toBe(host);
        expect(await outlookCompose(page).count()).toBe(1);
      }
      const page = pages[pages.length - 1]!;
      const compose = outlookCompose(page);
      expect(
        await page
          .locator(
            '#ReadingPaneContainerId[role="main"] [data-app-section="MailReadCompose"] #docking_InitVisiblePart_0',
          )
          .count(),
      ).toBe(1);
      // The trap: the first [aria-label="Message body"] in the document is the read view, not the editor.
      const first = await page.evaluate(() => {
        const el = document.querySelector('div[aria-label="Message body"]');
        return { role: el?.getAttribute('role'), editable: el?.getAttribute('contenteditable') };
      });
      expect(first).toEqual({ role: 'document', editable: null });
      expect(
        await compose
          .locator(
            'div#editorParent_1 > div[role="textbox"][contenteditable="true"][aria-multiline="true"][aria-label="Message body"]',
          )
          .count(),
      ).toBe(1);
      expect(await compose.locator(OUTLOOK.body).locator('div.elementToProof').count()).toBeGreaterThan(0);
      expect(await compose.locator(OUTLOOK.body).locator('div#Signature').count()).toBe(1);
      expect(await compose.locator('input[aria-label="Subject"][placeholder="Add a subject"]').count()).toBe(
        1,
      );
      expect(await compose.locator(OUTLOOK.send).count()).toBe(1);
      expect(await compose.locator(OUTLOOK.sendMenu).count()).toBe(1);
      expect(await compose.locator('button#discardCompose').count()).toBe(1);
      // The reply's To chip shows the display name only.
      const chip = compose.locator(OUTLOOK.chips('to'));
      expect(await chip.count()).toBe(1);
      expect(await chip.locator('[class*="individualText-"]').textContent()).toBe('Maya Chen');
      expect(await page.locator('div[aria-label="To"] > span > span > span > span').count()).toBe(1);
      await screenshot(page, 'fixtures-outlook-initial');
    });

    it('clicking Send records the send and closes the compose', async () => {
      const page = await outlook();
      const compose = outlookCompose(page);
      await addRecipient(page, compose, 'cc', 'priya.natarajan@contoso-health.example');
      await addRecipient(page, compose, 'to', 'it-desk@contoso-health.example');
      await typeInto(page, bodyOf(compose, 'outlook'), 'Hi Maya,\nThe timeline is attached.');
      // Known contacts show a name; an unknown address shows the address.
      expect(await compose.locator(OUTLOOK.chips('cc')).textContent()).toBe('Priya Natarajan');
      expect(await compose.locator(OUTLOOK.chips('to')).nth(1).textContent()).toBe(
        'it-desk@contoso-health.example',
      );
      await clickSend(page, compose);
      const log = await waitForSends(page, 1);
      await settle(page);
      expect(await sentLog(page)).toHaveLength(1);
      expect(log[0]).toMatchObject({
        site: 'outlook',
        host: 'outlook.office.com',
        kind: 'send',
        via: 'click',
        to: ['maya.chen@contoso-health.example', 'it-desk@contoso-health.example'],
        cc: ['priya.natarajan@contoso-health.example'],
        bcc: [],
        subject: 'RE: Onboarding timeline for Contoso Health',
      });
      expect(log[0]?.body.startsWith('Hi Maya,\nThe timeline is attached.')).toBe(true);
      expect(await outlookCompose(page).count()).toBe(0);
      expect(await page.locator('[role="alert"]').count()).toBe(0);
    });

    it('Alt+S sends, and so does Ctrl+Enter, from a new message', async () => {
      const page = await outlook('outlook.live.com', { compose: 'new' });
      expect(await page.locator('#ConversationReadingPaneContainer').count()).toBe(0);
      let compose = outlookCompose(page);
      await addRecipient(page, compose, 'to', 'dana.reyes@fabrikam-logistics.example');
      await typeInto(page, subjectOf(compose, 'outlook'), 'Shipping window');
      await typeInto(page, bodyOf(compose, 'outlook'), 'Hello Dana');
      await pressSendShortcut(page, 'alt-s');
      const [sent] = await waitForSends(page, 1);
      expect(sent).toMatchObject({
        via: 'keyboard',
        key: 'alt+s',
        inline: false,
        to: ['dana.reyes@fabrikam-logistics.example'],
        subject: 'Shipping window',
        host: 'outlook.live.com',
      });
      expect(sent?.body.startsWith('Hello Dana')).toBe(true);
      expect(await outlookCompose(page).count()).toBe(0);

      await page.locator(OUTLOOK.newMail).click();
      compose = outlookCompose(page);
      await addRecipient(page, compose, 'bcc', 'archive@northwind-labs.example');
      await typeInto(page, bodyOf(compose, 'outlook'), 'Second');
      await pressSendShortcut(page, 'ctrl-enter');
      const log = await waitForSends(page, 2);
      expect(log[1]).toMatchObject({
        via: 'keyboard',
        key: 'ctrl+enter',
        bcc: ['archive@northwind-labs.example'],
      });
    });

    it('a synthetic Ctrl+Enter does not send; a synthetic Alt+S with code KeyS does', async () => {
      const page = await outlook();
      const body = bodyOf(outlookCompose(page), 'outlook');
      await body.evaluate((el) =>
        el.dispatchEvent(
          new KeyboardEvent('keydown', { key: 'Enter', ctrlKey: true, bubbles: true, cancelable: true }),
        ),
      );
      await settle(page);
      expect(await sentLog(page)).toEqual([]);
      await body.evaluate((el) =>
        el.dispatchEvent(
          new KeyboardEvent('keydown', { key: 's', code: 'KeyS', altKey: true, bubbles: true }),
        ),
      );
      const log = await waitForSends(page, 1);
      expect(log[0]).toMatchObject({ key: 'alt+s', trusted: false });
    });

    it('Enter on the focused Send button sends, schedule send records a schedule', async () => {
      const page = await outlook();
      await pressOnSend(page, outlookCompose(page), 'Enter');
      const [sent] = await waitForSends(page, 1);
      expect(sent).toMatchObject({ via: 'button-key', trusted: true });

      const second = await outlook('outlook.cloud.microsoft');
      await scheduleSend(second, outlookCompose(second));
      const [scheduled] = await waitForSends(second, 1);
      expect(scheduled).toMatchObject({
        kind: 'schedule',
        via: 'schedule-menu',
        host: 'outlook.cloud.microsoft',
      });
      expect(await outlookCompose(second).count()).toBe(0);
    });

    it('discard asks first and records no send', async () => {
      const page = await outlook();
      await page.locator(OUTLOOK.discard).click();
      expect(await outlookCompose(page).count()).toBe(1);
      await page.locator('[role="dialog"] button', { hasText: 'OK' }).click();
      expect(await outlookCompose(page).count()).toBe(0);
      await settle(page);
      expect(await sentLog(page)).toEqual([]);
    });
  });

  describe('other pages', () => {
    it('example.com serves the plain page and other hosts are blocked and recorded', async () => {
      const page = await openPlainPage(browser.context);
      pages.push(page);
      expect(await page.evaluate(() => location.host)).toBe('example.com');
      expect(await page.locator('h1').textContent()).toContain('Fabrikam');
      const before = routes.blocked.length;
      const status = await page.evaluate(() =>
        fetch('https://tracker.invalid.example.net/x').then(
          () => 'loaded',
          () => 'failed',
        ),
      );
      expect(status).toBe('failed');
      expect(routes.blocked.slice(before)).toContain('https://tracker.invalid.example.net/x');
    });
  });
});

describe('strict CSP with Trusted Types', { timeout: TIMEOUT }, () => {
  let browser: LaunchedBrowser;
  let routes: MailRoutes;

  beforeAll(async () => {
    browser = await launchBrowser();
    routes = await routeMailHosts(browser.context, { csp: 'gmail-strict' });
  }, TIMEOUT);

  afterAll(async () => {
    await browser?.close();
  }, TIMEOUT);

  it('runs the fixture script (it carries the nonce) and page-world innerHTML throws', async () => {
    const page = await openGmail(browser.context);
    const response = routes.requests.find(
      (r) => r.action === 'fixture' && r.url.startsWith('https://mail.google.com/'),
    );
    expect(response).toBeDefined();
    expect(routes.cspHeader).toContain("require-trusted-types-for 'script'");
    expect(routes.cspHeader).toContain(`'nonce-${routes.nonce}'`);
    expect(await page.locator('script[nonce]').count()).toBe(1);
    // The fixture script ran (it marks the page ready and wires the composes).
    expect(await page.evaluate(() => document.documentElement.getAttribute('data-fixture-ready'))).toBe(
      'gmail',
    );
    const result = await page.evaluate(() => {
      const el = document.createElement('div');
      try {
        el.innerHTML = '<b>x</b>';
        return 'assigned';
      } catch (error) {
        return `${(error as Error).name}: ${(error as Error).message}`;
      }
    });
    expect(result).toMatch(/^TypeError: .*TrustedHTML/);
    // The header really applies: the nonce is hidden from attributes, and compiling a string as code is refused.
    const nonceSeen = await page.evaluate(() => {
      const script = document.querySelector('script[nonce]') as HTMLScriptElement;
      return { attribute: script.getAttribute('nonce'), property: script.nonce };
    });
    expect(nonceSeen).toEqual({ attribute: '', property: routes.nonce });
    // Checked from a timer task: code evaluated by the test driver itself is exempt from the page's CSP.
    const compile = await page.evaluate(
      () =>
        new Promise<string>((done) => {
          setTimeout(() => {
            try {
              done(String(new Function('return 1 + 1')()));
            } catch (error) {
              done((error as Error).name);
            }
          }, 0);
        }),
    );
    expect(compile).toBe('EvalError');
    // The fixture still works end to end under the policy (it builds DOM without HTML strings).
    const compose = await openGmailCompose(page);
    await addRecipient(page, compose, 'to', 'dana.reyes@fabrikam-logistics.example');
    await typeInto(page, bodyOf(compose, 'gmail'), 'Under CSP');
    await clickSend(page, compose);
    const [sent] = await waitForSends(page, 1);
    expect(sent?.body.startsWith('Under CSP')).toBe(true);
    await page.close();
  });

  it('the same fixture with a wrong nonce does not run: the nonce is what lets it run', async () => {
    const page = await browser.context.newPage();
    const html = (await readFile(FIXTURE_FILES.gmail, 'utf8'))
      .split('__FIXTURE_NONCE__')
      .join('not-the-nonce');
    await page.route('https://mail.google.com/mail/u/9/**', (route) =>
      route.fulfill({
        status: 200,
        contentType: 'text/html; charset=utf-8',
        headers: { 'content-security-policy': routes.cspHeader ?? '' },
        body: html,
      }),
    );
    const violations: string[] = [];
    page.on('console', (message) => {
      if (message.type() === 'error') violations.push(message.text());
    });
    await page.goto('https://mail.google.com/mail/u/9/#inbox', { waitUntil: 'load' });
    await settle(page);
    expect(await page.evaluate(() => document.documentElement.getAttribute('data-fixture-ready'))).toBeNull();
    expect(await page.locator('div.M9').count()).toBe(2);
    expect(violations.some((text) => text.includes('Content Security Policy'))).toBe(true);
    await page.close();
  });

  it('without the strict option no CSP header is sent and innerHTML works', async () => {
    const other = await launchBrowser();
    try {
      const plainRoutes = await routeMailHosts(other.context);
      expect(plainRoutes.cspHeader).toBeNull();
      const page = await openGmail(other.context);
      const result = await page.evaluate(() => {
        const el = document.createElement('div');
        el.innerHTML = '<b>x</b>';
        return el.firstElementChild?.tagName;
      });
      expect(result).toBe('B');
    } finally {
      await other.close();
    }
  });
});
